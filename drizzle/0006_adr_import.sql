ALTER TABLE "decisions" ADD COLUMN "import_path" text;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "import_hash" text;--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_import_path_uq" ON "decisions" USING btree ("workspace_id","import_path") WHERE import_path is not null;