CREATE TABLE "par_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"set_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"survey" jsonb,
	"survey_source" text,
	"result" jsonb,
	"rescore_report" jsonb,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"round1_by" uuid,
	"round1_at" timestamp with time zone,
	"explained_by" uuid,
	"explained_at" timestamp with time zone,
	"final_by" uuid,
	"final_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "par_entries" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"leaf_code" text NOT NULL,
	"stage" text NOT NULL,
	"input" jsonb,
	"text" text DEFAULT '' NOT NULL,
	"explanation" text DEFAULT '' NOT NULL,
	"automatic" boolean DEFAULT false NOT NULL,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "par_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"leaf_code" text NOT NULL,
	"stage" text NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"filename" text,
	"mime_type" text,
	"size" integer,
	"sha256" text,
	"content" "bytea",
	"url" text,
	"record_type" text,
	"record_id" uuid,
	"added_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "par_publications" (
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "par_publications_org_id_year_pk" PRIMARY KEY("org_id","year")
);
--> statement-breakpoint
ALTER TABLE "par_assessments" ADD CONSTRAINT "par_assessments_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_assessments" ADD CONSTRAINT "par_assessments_set_id_criteria_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."criteria_sets"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_assessments" ADD CONSTRAINT "par_assessments_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_assessments" ADD CONSTRAINT "par_assessments_round1_by_users_id_fk" FOREIGN KEY ("round1_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_assessments" ADD CONSTRAINT "par_assessments_explained_by_users_id_fk" FOREIGN KEY ("explained_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_assessments" ADD CONSTRAINT "par_assessments_final_by_users_id_fk" FOREIGN KEY ("final_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_assessments" ADD CONSTRAINT "par_assessments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_entries" ADD CONSTRAINT "par_entries_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_entries" ADD CONSTRAINT "par_entries_assessment_id_par_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."par_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_entries" ADD CONSTRAINT "par_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_evidence" ADD CONSTRAINT "par_evidence_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_evidence" ADD CONSTRAINT "par_evidence_assessment_id_par_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."par_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_evidence" ADD CONSTRAINT "par_evidence_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_publications" ADD CONSTRAINT "par_publications_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_publications" ADD CONSTRAINT "par_publications_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "par_assessments_org_year_uq" ON "par_assessments" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "par_assessments_set_idx" ON "par_assessments" USING btree ("set_id");--> statement-breakpoint
CREATE INDEX "par_entries_assessment_idx" ON "par_entries" USING btree ("assessment_id","leaf_code","stage");--> statement-breakpoint
CREATE INDEX "par_evidence_assessment_idx" ON "par_evidence" USING btree ("assessment_id","leaf_code");