ALTER TABLE "task_updates" ADD COLUMN "client_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "task_updates_client_key_uq" ON "task_updates" USING btree ("task_id","client_key");