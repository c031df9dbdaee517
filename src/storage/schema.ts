import { sql } from 'drizzle-orm';
import type { AdrDocument } from '../domain/adr/adrDocument.js';
import {
  bigserial,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The single source of truth for the database. `npm run db:generate` turns changes here into SQL
 * migrations in drizzle/, which the app applies at start-up (on PGlite and PostgreSQL alike).
 *
 * Every table carries `workspace_id` (the Slack team id, or the enterprise id for an org-wide
 * install) and every query filters on it: nothing crosses workspaces.
 */

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const workspaces = pgTable('workspaces', {
  workspaceId: text('workspace_id').primaryKey(),
  enterpriseId: text('enterprise_id'),
  /** Next `D-<n>` ref to hand out; refs are sequential per workspace. */
  nextRef: integer('next_ref').notNull().default(1),
  /** Whether the relitigation watcher may send message text to the configured LLM endpoint (opt-in). */
  llmOptIn: boolean('llm_opt_in').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const decisions = pgTable(
  'decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: text('workspace_id').notNull(),
    enterpriseId: text('enterprise_id'),
    ref: integer('ref').notNull(),
    // Text fields are stored as Slack mrkdwn-encoded text (&amp; &lt; &gt;, <@U…> markup intact).
    title: text('title').notNull(),
    context: text('context').notNull().default(''),
    rationale: text('rationale').notNull().default(''),
    consequences: text('consequences').notNull().default(''),
    alternatives: jsonb('alternatives').$type<string[]>().notNull().default([]),
    /** Other names the decision goes by. Nothing sets them today (the inferred ones were emptied by migration 0013). */
    aliases: jsonb('aliases').$type<string[]>().notNull().default([]),
    deciders: jsonb('deciders').$type<string[]>().notNull().default([]),
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    status: text('status').notNull(),
    /** Null for an imported record whose file gave no date: it is never counted as decided in a period. */
    decidedOn: date('decided_on', { mode: 'string' }),
    revisitOn: date('revisit_on', { mode: 'string' }),
    /** When the owner was told the revisit date had come: told once. */
    revisitNotifiedAt: timestamp('revisit_notified_at', { withTimezone: true }),
    /** When a replica claimed telling the owner; a claim never followed by revisitNotifiedAt was abandoned. */
    revisitClaimedAt: timestamp('revisit_claimed_at', { withTimezone: true }),
    /** When telling the owner was given up: Slack said they cannot be reached (user_not_found…). Never tried again. */
    revisitGivenUpAt: timestamp('revisit_given_up_at', { withTimezone: true }),
    /** Sends of the reminder that failed for a reason that may pass; each one waits longer before the next. */
    revisitFailures: integer('revisit_failures').notNull().default(0),
    /** After a failed send: not tried again before then, so it does not sort first again next run. */
    revisitRetryAt: timestamp('revisit_retry_at', { withTimezone: true }),
    /** Slack's error for the last failed send. */
    revisitProblem: text('revisit_problem'),
    channelId: text('channel_id').notNull(),
    /** Private channels, DMs and group DMs: the decision is shown only in its own channel. */
    channelPrivate: boolean('channel_private').notNull(),
    sourceMessageTs: text('source_message_ts'),
    sourceThreadTs: text('source_thread_ts'),
    sourcePermalink: text('source_permalink'),
    participants: jsonb('participants').$type<string[]>().notNull().default([]),
    cardTs: text('card_ts'),
    cardPermalink: text('card_permalink'),
    supersedesId: uuid('supersedes_id'),
    // Refs never change once given, so the linked record's ref is kept beside its id for cheap reads.
    supersedesRef: integer('supersedes_ref'),
    supersededById: uuid('superseded_by_id'),
    supersededByRef: integer('superseded_by_ref'),
    /** Set when someone reopened the decision from a warning; the watcher stays quiet about it meanwhile. */
    underReviewSince: timestamp('under_review_since', { withTimezone: true }),
    createdBy: text('created_by').notNull(),
    origin: text('origin').notNull(),
    /** An imported ADR's file, relative to the folder imported, and a hash of what was read from it. */
    importPath: text('import_path'),
    importHash: text('import_hash'),
    /** An imported ADR file beyond the fields: every part in order, as written, and its links (see AdrDocument). */
    adrDocument: jsonb('adr_document').$type<AdrDocument>(),
    /** What made this record (a command's trigger, a view, a source message): a retry finds it instead of writing twice. */
    idempotencyKey: text('idempotency_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** The names a decision is known by, lower-cased, for pg_trgm's typo-tolerant matching. */
    matchText: text('match_text').generatedAlwaysAs(
      sql`lower(coalesce("title", '') || ' ' || coalesce("alternatives"::text, '') || ' ' || coalesce("aliases"::text, '') || ' ' || coalesce("tags"::text, ''))`,
    ),
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce("alternatives"::text, '') || ' ' || coalesce("aliases"::text, '') || ' ' || coalesce("tags"::text, '')), 'B') || setweight(to_tsvector('english'::regconfig, coalesce("rationale", '') || ' ' || coalesce("context", '') || ' ' || coalesce("consequences", '')), 'C')`,
    ),
  },
  // Both GIN indexes have fastupdate = off (drizzle/0003_gin_fastupdate_off.sql): PGlite never vacuums.
  (t) => [
    index('decisions_match_text_trgm_idx').using('gin', sql`${t.matchText} gin_trgm_ops`),
    uniqueIndex('decisions_workspace_ref_uq').on(t.workspaceId, t.ref),
    uniqueIndex('decisions_workspace_idempotency_uq').on(t.workspaceId, t.idempotencyKey),
    index('decisions_workspace_created_idx').on(t.workspaceId, t.createdAt),
    index('decisions_workspace_source_idx').on(t.workspaceId, t.channelId, t.sourceMessageTs),
    // Re-importing a folder finds each file's record instead of adding another.
    uniqueIndex('decisions_import_path_uq').on(t.workspaceId, t.importPath).where(sql`import_path is not null`),
    // A channel's digest: what it decided in a period, and what is due for revisit.
    index('decisions_channel_created_idx').on(t.workspaceId, t.channelId, t.createdAt),
    index('decisions_revisit_idx').on(t.revisitOn).where(sql`revisit_on is not null and status = 'accepted'`),
    // Revisit reminders not yet sent nor given up: the hourly run reads these, not every reminder ever sent.
    index('decisions_revisit_open_idx')
      .on(t.revisitOn)
      .where(
        sql`revisit_on is not null and status = 'accepted' and revisit_notified_at is null and revisit_given_up_at is null`,
      ),
    index('decisions_search_idx').using('gin', t.search),
  ],
);

/**
 * How many of a workspace's decisions carry each lexeme of the `search` vector. Triggers on
 * `decisions` keep it (drizzle/0008_decision_terms.sql), in the statement that changes a decision,
 * so every writer — commands, ADR imports, purges — agrees with it. Relitigation retrieval reads it
 * to lead with a message's rarest words: in a workspace where forty services each chose a message
 * queue, "orders" says which decision "switch orders from Kafka to SQS" reopens; "Kafka" does not.
 * Counts cover every status and channel; they rank candidates and are never shown.
 */
export const decisionTerms = pgTable(
  'decision_terms',
  {
    workspaceId: text('workspace_id').notNull(),
    term: text('term').notNull(),
    decisions: integer('decisions').notNull(),
    /** Of those, the decisions holding it in their names (title, alternatives, aliases, tags). */
    inNames: integer('in_names').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.term] })],
);

export const decisionEvents = pgTable(
  'decision_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    decisionId: uuid('decision_id').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('decision_events_decision_idx').on(t.workspaceId, t.decisionId, t.at)],
);

/** Per-channel settings; a channel without a row uses the defaults. */
export const channelSettings = pgTable(
  'channel_settings',
  {
    workspaceId: text('workspace_id').notNull(),
    channelId: text('channel_id').notNull(),
    /** Relitigation watcher: off | low | normal | high. */
    watch: text('watch').notNull().default('normal'),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.channelId] })],
);

/**
 * What the relitigation detector's model derives from each decision, stamped with the model
 * version that made it: the lexemes of words near the decision's own in meaning, which retrieval
 * also searches (drizzle/0013_learned_detector.sql). A new model's rows are made by `npm run cli --
 * reindex`; rows of other versions are never read. Deleted with their decision.
 */
export const decisionIndex = pgTable(
  'decision_index',
  {
    decisionId: uuid('decision_id')
      .primaryKey()
      .references(() => decisions.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id').notNull(),
    modelVersion: text('model_version').notNull(),
    related: tsvector('related').notNull(),
    indexedAt: timestamp('indexed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // The GIN index has fastupdate = off (set in the migration), as the decisions' own.
  (t) => [
    index('decision_index_related_idx').using('gin', t.related),
    index('decision_index_workspace_version_idx').on(t.workspaceId, t.modelVersion),
    index('decision_index_version_idx').on(t.modelVersion),
  ],
);

/**
 * Every judgement the relitigation watcher made about a message and a decision: the scores, the
 * tier, what it did and the feedback it got. Message text is never stored here.
 */
export const relitigationJudgements = pgTable(
  'relitigation_judgements',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    channelId: text('channel_id').notNull(),
    messageTs: text('message_ts').notNull(),
    /** The thread's root ts (the message's own ts when it is not in a thread). */
    threadTs: text('thread_ts').notNull(),
    author: text('author'),
    decisionId: uuid('decision_id').notNull(),
    decisionRef: integer('decision_ref').notNull(),
    topicScore: real('topic_score').notNull(),
    stanceScore: real('stance_score').notNull(),
    tier: text('tier').notNull(),
    outcome: text('outcome').notNull(),
    mode: text('mode').notNull(),
    /** The detector model that made the judgement (models/relitigation-detector.json's version); null before versions. */
    modelVersion: text('model_version'),
    warningTs: text('warning_ts'),
    feedback: text('feedback'),
    feedbackBy: text('feedback_by'),
    feedbackAt: timestamp('feedback_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A redelivered event judges the same (message, decision) pair again: it finds this row instead.
    uniqueIndex('judgements_message_decision_uq').on(t.workspaceId, t.channelId, t.messageTs, t.decisionId),
    // At most one warning per (thread, decision), whichever replica gets there first.
    uniqueIndex('judgements_one_warning_per_thread_uq')
      .on(t.workspaceId, t.channelId, t.threadTs, t.decisionId)
      .where(sql`outcome = 'warned'`),
    index('judgements_channel_decision_idx').on(t.workspaceId, t.channelId, t.decisionId, t.createdAt),
    index('judgements_workspace_created_idx').on(t.workspaceId, t.createdAt),
    index('judgements_channel_created_idx').on(t.workspaceId, t.channelId, t.createdAt),
  ],
);

// ───────────────────────────── coordination costs ─────────────────────────────

/**
 * Cost settings overrides (rate, currency, multiplier, working hours, time zone). `channel_id` ''
 * holds the workspace's own; a channel's row overrides it field by field.
 */
export const costSettings = pgTable(
  'cost_settings',
  {
    workspaceId: text('workspace_id').notNull(),
    channelId: text('channel_id').notNull(),
    overrides: jsonb('overrides').$type<Record<string, unknown>>().notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.channelId] })],
);

/**
 * One estimated coordination cost — a meeting, a review wait, a relitigation thread — with the
 * inputs it was computed from, so every number can be shown with what produced it.
 */
export const costEvents = pgTable(
  'cost_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    channelId: text('channel_id').notNull(),
    /** A private channel's costs are summed only for that channel, never into workspace totals. */
    channelPrivate: boolean('channel_private').notNull(),
    kind: text('kind').notNull(),
    source: text('source').notNull(),
    /** What makes a repeat of the same fact the same row: calendar UID + start, PR, thread… */
    sourceKey: text('source_key').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    /** The day it counts for, in the team's time zone when it was recorded. */
    day: date('day').notNull(),
    title: text('title').notNull().default(''),
    decisionId: uuid('decision_id'),
    decisionRef: integer('decision_ref'),
    personHours: doublePrecision('person_hours').notNull(),
    waitHours: doublePrecision('wait_hours').notNull().default(0),
    /** Review waits of merged pull requests, and those pull requests' open-to-merge working hours: the wait's share. */
    mergedWaitHours: doublePrecision('merged_wait_hours').notNull().default(0),
    openToMergeHours: doublePrecision('open_to_merge_hours').notNull().default(0),
    money: doublePrecision('money').notNull(),
    buildHours: doublePrecision('build_hours').notNull(),
    currency: text('currency').notNull(),
    inputs: jsonb('inputs').$type<Record<string, unknown>>().notNull(),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cost_events_source_uq').on(t.workspaceId, t.sourceKey),
    index('cost_events_channel_day_idx').on(t.workspaceId, t.channelId, t.day),
    index('cost_events_decision_idx').on(t.workspaceId, t.decisionId).where(sql`decision_id is not null`),
  ],
);

/**
 * Per channel, kind, day and currency: the sums of cost_events, kept in the same transaction as
 * the events, so a quarter's totals read a few thousand rows however many events there were.
 */
export const costDaily = pgTable(
  'cost_daily',
  {
    workspaceId: text('workspace_id').notNull(),
    channelId: text('channel_id').notNull(),
    channelPrivate: boolean('channel_private').notNull(),
    kind: text('kind').notNull(),
    day: date('day').notNull(),
    currency: text('currency').notNull(),
    events: integer('events').notNull(),
    personHours: doublePrecision('person_hours').notNull(),
    waitHours: doublePrecision('wait_hours').notNull(),
    mergedWaitHours: doublePrecision('merged_wait_hours').notNull().default(0),
    openToMergeHours: doublePrecision('open_to_merge_hours').notNull().default(0),
    money: doublePrecision('money').notNull(),
    buildHours: doublePrecision('build_hours').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.channelId, t.day, t.kind, t.currency] }),
    // Workspace-wide totals read the public channels' rows of a period.
    index('cost_daily_workspace_day_idx').on(t.workspaceId, t.day).where(sql`not channel_private`),
  ],
);

/** ICS feeds a channel subscribed to; the URL often carries a private token, so it is never logged. */
export const calendarSubscriptions = pgTable(
  'calendar_subscriptions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    channelId: text('channel_id').notNull(),
    url: text('url').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSyncedAt: timestamp('last_synced_at', { withTimezone: true }),
    /** The problem code of the last failed fetch; null after a good one. */
    lastProblem: text('last_problem'),
    /** Whether the channel was told about the current run of failures (told once, not every hour). */
    problemReported: boolean('problem_reported').notNull().default(false),
    /** A replica syncing this feed holds it until then; others skip it. */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    meetingsRecorded: integer('meetings_recorded').notNull().default(0),
  },
  (t) => [uniqueIndex('calendar_subscriptions_channel_url_uq').on(t.workspaceId, t.channelId, t.url)],
);

/** Which channel a GitHub repository's review waits are counted for. */
export const githubRepositories = pgTable(
  'github_repositories',
  {
    workspaceId: text('workspace_id').notNull(),
    /** `owner/repo`, lower-cased as GitHub compares them. */
    repositoryKey: text('repository_key').notNull(),
    channelId: text('channel_id').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.repositoryKey] }),
    index('github_repositories_key_idx').on(t.repositoryKey),
  ],
);

/** Webhook deliveries already handled: GitHub redelivers with the same X-GitHub-Delivery. */
export const githubDeliveries = pgTable('github_deliveries', {
  deliveryId: text('delivery_id').primaryKey(),
  event: text('event').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
});

/** What is known of a pull request's review timeline; webhooks arrive in any order. */
export const pullRequestTimelines = pgTable(
  'pull_request_timelines',
  {
    repositoryKey: text('repository_key').notNull(),
    number: integer('number').notNull(),
    timeline: jsonb('timeline').$type<Record<string, unknown>>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.repositoryKey, t.number] })],
);

/**
 * When and by whom messages were posted in a thread that relitigated a decision, from the
 * reopening message on: what its cost is computed from. No message text.
 */
export const relitigationThreadMessages = pgTable(
  'relitigation_thread_messages',
  {
    workspaceId: text('workspace_id').notNull(),
    channelId: text('channel_id').notNull(),
    threadTs: text('thread_ts').notNull(),
    messageTs: text('message_ts').notNull(),
    author: text('author').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.channelId, t.threadTs, t.messageTs] })],
);

// ───────────────────────────── reflection digests ─────────────────────────────

/** A channel's digest schedule; at most one per channel. */
export const digestSchedules = pgTable(
  'digest_schedules',
  {
    workspaceId: text('workspace_id').notNull(),
    channelId: text('channel_id').notNull(),
    /** daily | weekly | monthly */
    cadence: text('cadence').notNull(),
    /** ISO weekday (Monday 1) of a weekly digest. */
    weekday: integer('weekday'),
    dayOfMonth: integer('day_of_month'),
    /** Local time `HH:MM`. */
    time: text('time').notNull(),
    /** IANA zone; null follows the workspace's cost settings. */
    timeZone: text('time_zone'),
    /** Who set it up: told when the schedule has to pause. */
    owner: text('owner').notNull(),
    /** Why posting stopped (not_in_channel, archived, app_uninstalled…); null while active. */
    pausedReason: text('paused_reason'),
    /**
     * When the tick next looks at the schedule: its next run, worked out when it is saved and after
     * each run; while a replica works on it, a lease (see app/digests/dueDigests.ts). The tick reads
     * only the schedules whose time has come, through the index, however many are stored. Rows from
     * before the column get the migration's time: the first tick works out their next run.
     */
    nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.channelId] }),
    index('digest_schedules_next_run_idx').on(t.nextRunAt).where(sql`paused_reason is null`),
  ],
);

/**
 * One row per digest a channel is due for a period: inserted by whichever replica claims it first
 * (the primary key makes the claim), then marked posted with the message's ts. Never claimed twice.
 */
export const digestRuns = pgTable(
  'digest_runs',
  {
    workspaceId: text('workspace_id').notNull(),
    channelId: text('channel_id').notNull(),
    periodKey: text('period_key').notNull(),
    /** claimed | posted | failed */
    status: text('status').notNull(),
    instance: text('instance').notNull(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull().defaultNow(),
    postedTs: text('posted_ts'),
    problem: text('problem'),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.channelId, t.periodKey] })],
);

// ───────────────────────────── Slack installations ─────────────────────────────

/**
 * One row per installation of the app through OAuth: `workspace_id` is the team id, or the
 * enterprise id of an org-wide install, so every lookup (a Grid workspace falling back to its org's
 * install too) is by primary key. Tokens live only in `secrets`, encrypted JSON (storage/tokenCipher.ts);
 * the clear columns serve lookups and listings.
 */
export const slackInstallations = pgTable('slack_installations', {
  workspaceId: text('workspace_id').primaryKey(),
  teamId: text('team_id'),
  enterpriseId: text('enterprise_id'),
  isEnterpriseInstall: boolean('is_enterprise_install').notNull(),
  /** Null once the bot token is revoked while user tokens remain, or for a user-only install. */
  botUserId: text('bot_user_id'),
  botId: text('bot_id'),
  appId: text('app_id'),
  secrets: text('secrets').notNull(),
  installedAt: timestamp('installed_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * OAuth install states handed out by the install page, each good once: the redirect back consumes
 * its row (storage/oauthStateStore.ts), so a state cannot be replayed, on any replica.
 */
export const oauthStates = pgTable(
  'oauth_states',
  {
    state: text('state').primaryKey(),
    installOptions: jsonb('install_options').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('oauth_states_created_idx').on(t.createdAt)],
);
