CREATE TABLE "oauth_states" (
	"state" text PRIMARY KEY NOT NULL,
	"install_options" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "oauth_states_created_idx" ON "oauth_states" USING btree ("created_at");