CREATE TABLE "slack_installations" (
	"workspace_id" text PRIMARY KEY NOT NULL,
	"team_id" text,
	"enterprise_id" text,
	"is_enterprise_install" boolean NOT NULL,
	"bot_user_id" text,
	"bot_id" text,
	"app_id" text,
	"secrets" text NOT NULL,
	"installed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
