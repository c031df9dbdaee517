CREATE TABLE "decision_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"decision_id" uuid NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" text NOT NULL,
	"enterprise_id" text,
	"ref" integer NOT NULL,
	"title" text NOT NULL,
	"context" text DEFAULT '' NOT NULL,
	"rationale" text DEFAULT '' NOT NULL,
	"consequences" text DEFAULT '' NOT NULL,
	"alternatives" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"deciders" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text NOT NULL,
	"decided_on" date NOT NULL,
	"revisit_on" date,
	"channel_id" text NOT NULL,
	"channel_private" boolean NOT NULL,
	"source_message_ts" text,
	"source_thread_ts" text,
	"source_permalink" text,
	"participants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"card_ts" text,
	"card_permalink" text,
	"supersedes_id" uuid,
	"supersedes_ref" integer,
	"superseded_by_id" uuid,
	"superseded_by_ref" integer,
	"created_by" text NOT NULL,
	"origin" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce("alternatives"::text, '') || ' ' || coalesce("tags"::text, '')), 'B') || setweight(to_tsvector('english'::regconfig, coalesce("rationale", '') || ' ' || coalesce("context", '') || ' ' || coalesce("consequences", '')), 'C')) STORED
);
--> statement-breakpoint
CREATE TABLE "workspaces" (
	"workspace_id" text PRIMARY KEY NOT NULL,
	"enterprise_id" text,
	"next_ref" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "decision_events_decision_idx" ON "decision_events" USING btree ("workspace_id","decision_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_workspace_ref_uq" ON "decisions" USING btree ("workspace_id","ref");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_workspace_idempotency_uq" ON "decisions" USING btree ("workspace_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "decisions_workspace_created_idx" ON "decisions" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "decisions_workspace_source_idx" ON "decisions" USING btree ("workspace_id","channel_id","source_message_ts");--> statement-breakpoint
CREATE INDEX "decisions_search_idx" ON "decisions" USING gin ("search");