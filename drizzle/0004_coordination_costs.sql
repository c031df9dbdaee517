CREATE TABLE "calendar_subscriptions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"url" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_synced_at" timestamp with time zone,
	"last_problem" text,
	"problem_reported" boolean DEFAULT false NOT NULL,
	"claimed_until" timestamp with time zone,
	"meetings_recorded" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cost_daily" (
	"workspace_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"channel_private" boolean NOT NULL,
	"kind" text NOT NULL,
	"day" date NOT NULL,
	"currency" text NOT NULL,
	"events" integer NOT NULL,
	"person_hours" double precision NOT NULL,
	"wait_hours" double precision NOT NULL,
	"merged_wait_hours" double precision DEFAULT 0 NOT NULL,
	"open_to_merge_hours" double precision DEFAULT 0 NOT NULL,
	"money" double precision NOT NULL,
	"build_hours" double precision NOT NULL,
	CONSTRAINT "cost_daily_workspace_id_channel_id_day_kind_currency_pk" PRIMARY KEY("workspace_id","channel_id","day","kind","currency")
);
--> statement-breakpoint
CREATE TABLE "cost_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"channel_private" boolean NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"source_key" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"day" date NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"decision_id" uuid,
	"decision_ref" integer,
	"person_hours" double precision NOT NULL,
	"wait_hours" double precision DEFAULT 0 NOT NULL,
	"merged_wait_hours" double precision DEFAULT 0 NOT NULL,
	"open_to_merge_hours" double precision DEFAULT 0 NOT NULL,
	"money" double precision NOT NULL,
	"build_hours" double precision NOT NULL,
	"currency" text NOT NULL,
	"inputs" jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cost_settings" (
	"workspace_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"overrides" jsonb NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cost_settings_workspace_id_channel_id_pk" PRIMARY KEY("workspace_id","channel_id")
);
--> statement-breakpoint
CREATE TABLE "github_deliveries" (
	"delivery_id" text PRIMARY KEY NOT NULL,
	"event" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "github_repositories" (
	"workspace_id" text NOT NULL,
	"repository_key" text NOT NULL,
	"channel_id" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "github_repositories_workspace_id_repository_key_pk" PRIMARY KEY("workspace_id","repository_key")
);
--> statement-breakpoint
CREATE TABLE "pull_request_timelines" (
	"repository_key" text NOT NULL,
	"number" integer NOT NULL,
	"timeline" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pull_request_timelines_repository_key_number_pk" PRIMARY KEY("repository_key","number")
);
--> statement-breakpoint
CREATE TABLE "relitigation_thread_messages" (
	"workspace_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"thread_ts" text NOT NULL,
	"message_ts" text NOT NULL,
	"author" text NOT NULL,
	CONSTRAINT "relitigation_thread_messages_workspace_id_channel_id_thread_ts_message_ts_pk" PRIMARY KEY("workspace_id","channel_id","thread_ts","message_ts")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_subscriptions_channel_url_uq" ON "calendar_subscriptions" USING btree ("workspace_id","channel_id","url");--> statement-breakpoint
CREATE INDEX "cost_daily_workspace_day_idx" ON "cost_daily" USING btree ("workspace_id","day") WHERE not channel_private;--> statement-breakpoint
CREATE UNIQUE INDEX "cost_events_source_uq" ON "cost_events" USING btree ("workspace_id","source_key");--> statement-breakpoint
CREATE INDEX "cost_events_channel_day_idx" ON "cost_events" USING btree ("workspace_id","channel_id","day");--> statement-breakpoint
CREATE INDEX "cost_events_decision_idx" ON "cost_events" USING btree ("workspace_id","decision_id") WHERE decision_id is not null;--> statement-breakpoint
CREATE INDEX "github_repositories_key_idx" ON "github_repositories" USING btree ("repository_key");