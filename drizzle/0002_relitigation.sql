CREATE TABLE "channel_settings" (
	"workspace_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"watch" text DEFAULT 'normal' NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "channel_settings_workspace_id_channel_id_pk" PRIMARY KEY("workspace_id","channel_id")
);
--> statement-breakpoint
CREATE TABLE "relitigation_judgements" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"message_ts" text NOT NULL,
	"thread_ts" text NOT NULL,
	"author" text,
	"decision_id" uuid NOT NULL,
	"decision_ref" integer NOT NULL,
	"topic_score" real NOT NULL,
	"stance_score" real NOT NULL,
	"tier" text NOT NULL,
	"outcome" text NOT NULL,
	"mode" text NOT NULL,
	"warning_ts" text,
	"feedback" text,
	"feedback_by" text,
	"feedback_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "aliases" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "under_review_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "match_text" text GENERATED ALWAYS AS (lower(coalesce("title", '') || ' ' || coalesce("alternatives"::text, '') || ' ' || coalesce("aliases"::text, '') || ' ' || coalesce("tags"::text, ''))) STORED;--> statement-breakpoint
-- Hand-ordered: the search vector now covers aliases, so it is rebuilt after that column exists, with its index.
ALTER TABLE "decisions" drop column "search";--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce("alternatives"::text, '') || ' ' || coalesce("aliases"::text, '') || ' ' || coalesce("tags"::text, '')), 'B') || setweight(to_tsvector('english'::regconfig, coalesce("rationale", '') || ' ' || coalesce("context", '') || ' ' || coalesce("consequences", '')), 'C')) STORED;--> statement-breakpoint
CREATE INDEX "decisions_search_idx" ON "decisions" USING gin ("search");--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "llm_opt_in" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "judgements_message_decision_uq" ON "relitigation_judgements" USING btree ("workspace_id","channel_id","message_ts","decision_id");--> statement-breakpoint
CREATE UNIQUE INDEX "judgements_one_warning_per_thread_uq" ON "relitigation_judgements" USING btree ("workspace_id","channel_id","thread_ts","decision_id") WHERE outcome = 'warned';--> statement-breakpoint
CREATE INDEX "judgements_channel_decision_idx" ON "relitigation_judgements" USING btree ("workspace_id","channel_id","decision_id","created_at");--> statement-breakpoint
CREATE INDEX "judgements_workspace_created_idx" ON "relitigation_judgements" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "decisions_match_text_trgm_idx" ON "decisions" USING gin ("match_text" gin_trgm_ops);