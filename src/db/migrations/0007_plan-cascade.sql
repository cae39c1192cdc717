ALTER TABLE "plans" ADD COLUMN "source_plan_id" uuid;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "for_communes" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "source_task_id" uuid;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_source_plan_id_plans_id_fk" FOREIGN KEY ("source_plan_id") REFERENCES "public"."plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_source_task_id_tasks_id_fk" FOREIGN KEY ("source_task_id") REFERENCES "public"."tasks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plans_org_source_plan_uq" ON "plans" USING btree ("org_id","source_plan_id");--> statement-breakpoint
CREATE INDEX "tasks_source_task_idx" ON "tasks" USING btree ("source_task_id");