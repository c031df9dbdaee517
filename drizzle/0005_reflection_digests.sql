CREATE TABLE "digest_runs" (
	"workspace_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"period_key" text NOT NULL,
	"status" text NOT NULL,
	"instance" text NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"posted_ts" text,
	"problem" text,
	CONSTRAINT "digest_runs_workspace_id_channel_id_period_key_pk" PRIMARY KEY("workspace_id","channel_id","period_key")
);
--> statement-breakpoint
CREATE TABLE "digest_schedules" (
	"workspace_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"cadence" text NOT NULL,
	"weekday" integer,
	"day_of_month" integer,
	"time" text NOT NULL,
	"time_zone" text,
	"owner" text NOT NULL,
	"paused_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "digest_schedules_workspace_id_channel_id_pk" PRIMARY KEY("workspace_id","channel_id")
);
--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "revisit_notified_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "decisions_channel_created_idx" ON "decisions" USING btree ("workspace_id","channel_id","created_at");--> statement-breakpoint
CREATE INDEX "decisions_revisit_idx" ON "decisions" USING btree ("revisit_on") WHERE revisit_on is not null and status = 'accepted';--> statement-breakpoint
CREATE INDEX "judgements_channel_created_idx" ON "relitigation_judgements" USING btree ("workspace_id","channel_id","created_at");