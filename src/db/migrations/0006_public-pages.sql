CREATE TABLE "public_page_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"publish_plan" boolean DEFAULT true NOT NULL,
	"publish_targets" boolean DEFAULT true NOT NULL,
	"publish_indicators" boolean DEFAULT false NOT NULL,
	"intro" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "public_page_settings" ADD CONSTRAINT "public_page_settings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_page_settings" ADD CONSTRAINT "public_page_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;