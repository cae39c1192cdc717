CREATE TABLE "dossiers" (
	"org_id" uuid NOT NULL,
	"code" text NOT NULL,
	"procedure_code" text NOT NULL,
	"procedure_name" text,
	"field_code" text,
	"field_name" text,
	"unit_name" text,
	"channel" integer NOT NULL,
	"level" integer,
	"applicant_type" integer,
	"status" integer NOT NULL,
	"submitted" date,
	"accepted" date,
	"due" date,
	"time_limit" numeric,
	"time_unit" text,
	"ended" date,
	"returned" date,
	"refused" date,
	"supplement_count" integer DEFAULT 0 NOT NULL,
	"supplement_requested" date,
	"supplement_returned" date,
	"apology" date,
	"new_due" date,
	"fee" numeric DEFAULT 0 NOT NULL,
	"paid_online" integer DEFAULT 0 NOT NULL,
	"digitised" boolean DEFAULT false NOT NULL,
	"reused" boolean DEFAULT false NOT NULL,
	"from_store" boolean DEFAULT false NOT NULL,
	"citizen_data" boolean DEFAULT false NOT NULL,
	"e_result" boolean DEFAULT false NOT NULL,
	"result_digitised" boolean,
	"result_in_store" boolean DEFAULT false NOT NULL,
	"synced" boolean DEFAULT false NOT NULL,
	"vneid" boolean DEFAULT false NOT NULL,
	"rating" text,
	"has_feedback" boolean DEFAULT false NOT NULL,
	"import_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossiers_org_id_code_pk" PRIMARY KEY("org_id","code")
);
--> statement-breakpoint
CREATE TABLE "feedback" (
	"org_id" uuid NOT NULL,
	"code" text NOT NULL,
	"dossier_code" text,
	"subject" text,
	"sent" date NOT NULL,
	"received" date,
	"forwarded" date,
	"status" text NOT NULL,
	"refused" date,
	"supplement_requested" date,
	"awaiting_publication" date,
	"published" date,
	"category" text,
	"likes" integer DEFAULT 0 NOT NULL,
	"dislikes" integer DEFAULT 0 NOT NULL,
	"complained_again" boolean DEFAULT false NOT NULL,
	"import_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_org_id_code_pk" PRIMARY KEY("org_id","code")
);
--> statement-breakpoint
CREATE TABLE "procedures" (
	"org_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text,
	"levels" jsonb NOT NULL,
	"field_code" text,
	"field_name" text,
	"online_level" text NOT NULL,
	"eligible_fully_online" boolean DEFAULT false NOT NULL,
	"has_fee" boolean DEFAULT false NOT NULL,
	"written_result" boolean DEFAULT true NOT NULL,
	"subjects" jsonb NOT NULL,
	"population_data" boolean DEFAULT false NOT NULL,
	"e_certified_copy" boolean DEFAULT false NOT NULL,
	"time_limit" numeric,
	"time_unit" text,
	"import_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procedures_org_id_code_pk" PRIMARY KEY("org_id","code")
);
--> statement-breakpoint
CREATE TABLE "ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"dossier_code" text NOT NULL,
	"rating" text NOT NULL,
	"source" text NOT NULL,
	"rated_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "record_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"rows" integer NOT NULL,
	"accepted" integer NOT NULL,
	"rejected" integer NOT NULL,
	"inserted" integer NOT NULL,
	"updated" integer NOT NULL,
	"issues" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "record_uploads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_imports" ADD CONSTRAINT "record_imports_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_imports" ADD CONSTRAINT "record_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_uploads" ADD CONSTRAINT "record_uploads_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_uploads" ADD CONSTRAINT "record_uploads_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossiers_org_accepted_idx" ON "dossiers" USING btree ("org_id","accepted");--> statement-breakpoint
CREATE UNIQUE INDEX "ratings_dossier_uq" ON "ratings" USING btree ("org_id","dossier_code");--> statement-breakpoint
CREATE INDEX "record_imports_org_idx" ON "record_imports" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "record_uploads_org_idx" ON "record_uploads" USING btree ("org_id");