import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
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
    deciders: jsonb('deciders').$type<string[]>().notNull().default([]),
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    status: text('status').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    revisitOn: date('revisit_on', { mode: 'string' }),
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
    createdBy: text('created_by').notNull(),
    origin: text('origin').notNull(),
    /** What made this record (a command's trigger, a view, a source message): a retry finds it instead of writing twice. */
    idempotencyKey: text('idempotency_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce("alternatives"::text, '') || ' ' || coalesce("tags"::text, '')), 'B') || setweight(to_tsvector('english'::regconfig, coalesce("rationale", '') || ' ' || coalesce("context", '') || ' ' || coalesce("consequences", '')), 'C')`,
    ),
  },
  (t) => [
    uniqueIndex('decisions_workspace_ref_uq').on(t.workspaceId, t.ref),
    uniqueIndex('decisions_workspace_idempotency_uq').on(t.workspaceId, t.idempotencyKey),
    index('decisions_workspace_created_idx').on(t.workspaceId, t.createdAt),
    index('decisions_workspace_source_idx').on(t.workspaceId, t.channelId, t.sourceMessageTs),
    index('decisions_search_idx').using('gin', t.search),
  ],
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
