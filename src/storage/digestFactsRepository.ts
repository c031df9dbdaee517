import { and, asc, eq, gte, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import { type AnyPgColumn, alias } from 'drizzle-orm/pg-core';
import type { DigestDecisionFact, DigestFactsRepository } from '../app/digests/ports.js';
import { datesStartingIn, lastDateStartingBefore, type Period } from '../domain/period.js';
import { claimedLongerAgoThan } from './abandonedClaims.js';
import type { Db } from './database.js';
import { decisions, relitigationJudgements as judgements } from './schema.js';

// A digest lists this many per section at most; it says "and N more" past what it shows anyway.
const MAX_LISTED = 500;
const MOST_REOPENED = 10;

const fact = {
  ref: decisions.ref,
  title: decisions.title,
  permalink: sql<string | null>`coalesce(${decisions.cardPermalink}, ${decisions.sourcePermalink})`,
  decidedOn: decisions.decidedOn,
  deciders: decisions.deciders,
};

/** The read side of a digest: what happened in one channel over one period. */
/**
 * Who hears that a decision's revisit date has come: whoever recorded it, when that is a Slack
 * user; else its first decider who is one. An imported ADR recorded by "ADR import" with decider
 * names has nobody to tell (the channel's digest lists it): it is never tried, so it never fails
 * and never holds real reminders back.
 */
const SLACK_USER = `'^[UW][A-Z0-9]{2,}$'`;
const REMINDED_PERSON = sql.raw(
  `coalesce(case when decisions.created_by ~ ${SLACK_USER} then decisions.created_by end, ` +
    `(select d from jsonb_array_elements_text(decisions.deciders) as d where d ~ ${SLACK_USER} limit 1))`,
);

export function createDigestFactsRepository(db: Db): DigestFactsRepository {
  return {
    async facts(workspace, channelId, period, timeZone) {
      const { start: from, end: to } = period;
      const inChannel = and(eq(decisions.workspaceId, workspace.workspaceId), eq(decisions.channelId, channelId));
      const successor = alias(decisions, 'successor');
      const dates = datesStartingIn(period, timeZone);
      const [decided, imported, changed, due, counts, byDecision] = await Promise.all([
        db
          .select(fact)
          .from(decisions)
          .where(and(inChannel, decidedIn(decisions, period, dates)))
          .orderBy(asc(decisions.ref))
          .limit(MAX_LISTED),
        db
          .select({ imported: sql<number>`count(*)::int` })
          .from(decisions)
          .where(
            and(inChannel, eq(decisions.origin, 'import'), gte(decisions.createdAt, from), lt(decisions.createdAt, to)),
          ),
        db
          .select({ ...fact, byRef: successor.ref })
          .from(decisions)
          .innerJoin(successor, eq(successor.id, decisions.supersededById))
          .where(and(inChannel, decidedIn(successor, period, dates)))
          .orderBy(asc(decisions.ref))
          .limit(MAX_LISTED),
        db
          .select({ ...fact, revisitOn: sql<string>`${decisions.revisitOn}::text` })
          .from(decisions)
          .where(
            and(
              inChannel,
              eq(decisions.status, 'accepted'),
              lte(decisions.revisitOn, lastDateStartingBefore(to, timeZone)),
            ),
          )
          .orderBy(asc(decisions.revisitOn), asc(decisions.ref))
          .limit(MAX_LISTED),
        db
          .select({
            warned: sql<number>`count(*) filter (where ${judgements.outcome} = 'warned')::int`,
            confirmed: sql<number>`count(*) filter (where ${judgements.feedback} = 'reopened')::int`,
            dismissed: sql<number>`count(*) filter (where ${judgements.feedback} = 'dismissed')::int`,
            weak: sql<number>`count(*) filter (where ${judgements.outcome} = 'weak')::int`,
          })
          .from(judgements)
          .where(inPeriod(workspace.workspaceId, channelId, from, to)),
        db
          .select({
            ref: judgements.decisionRef,
            title: decisions.title,
            warnings: sql<number>`count(*) filter (where ${judgements.outcome} = 'warned')::int`,
            confirmed: sql<number>`count(*) filter (where ${judgements.feedback} = 'reopened')::int`,
          })
          .from(judgements)
          .innerJoin(decisions, eq(decisions.id, judgements.decisionId))
          .where(and(inPeriod(workspace.workspaceId, channelId, from, to), eq(judgements.outcome, 'warned')))
          .groupBy(judgements.decisionRef, decisions.title)
          .orderBy(sql`count(*) desc`, asc(judgements.decisionRef))
          .limit(MOST_REOPENED),
      ]);
      const c = counts[0] ?? { warned: 0, confirmed: 0, dismissed: 0, weak: 0 };
      return {
        decided: decided.map(toFact),
        imported: Number(imported[0]?.imported ?? 0),
        changed: changed.map((row) => ({
          decision: toFact(row),
          change: 'superseded' as const,
          by: { ref: Number(row.byRef) },
        })),
        dueForRevisit: due.map((row) => ({ ...toFact(row), revisitOn: row.revisitOn })),
        relitigation: {
          warned: Number(c.warned),
          confirmed: Number(c.confirmed),
          dismissed: Number(c.dismissed),
          weak: Number(c.weak),
          byDecision: byDecision.map((r) => ({
            ref: Number(r.ref),
            title: r.title,
            warnings: Number(r.warnings),
            confirmed: Number(r.confirmed),
          })),
        },
      };
    },

    async claimDueRevisits(today, limit, abandonedAfterMs, now) {
      // The open reminders are found through their own partial index (decisions_revisit_open_idx),
      // not among every reminder ever sent; SKIP LOCKED lets replicas claim batches side by side.
      const open = db
        .select({ id: decisions.id })
        .from(decisions)
        .where(
          and(
            eq(decisions.status, 'accepted'),
            lte(decisions.revisitOn, today),
            reminderOpen(abandonedAfterMs, now),
            sql`${REMINDED_PERSON} is not null`,
          ),
        )
        .orderBy(asc(decisions.revisitOn))
        .limit(limit)
        .for('update', { skipLocked: true });
      const rows = await db
        .update(decisions)
        .set({ revisitClaimedAt: sql`now()` })
        .where(sql`${decisions.id} in (${open})`)
        .returning({
          workspaceId: decisions.workspaceId,
          decisionId: decisions.id,
          ref: decisions.ref,
          title: decisions.title,
          owner: sql<string>`${REMINDED_PERSON}`,
          channelId: decisions.channelId,
          revisitOn: sql<string>`${decisions.revisitOn}::text`,
        });
      // The update returns rows in no particular order: the longest overdue go first.
      return rows
        .map((r) => ({ ...r, workspace: { workspaceId: r.workspaceId, enterpriseId: null }, ref: Number(r.ref) }))
        .sort((a, b) => a.revisitOn.localeCompare(b.revisitOn));
    },

    async finishRevisitReminder(workspace, decisionId) {
      await db
        .update(decisions)
        .set({ revisitNotifiedAt: sql`now()` })
        .where(and(eq(decisions.workspaceId, workspace.workspaceId), eq(decisions.id, decisionId)));
    },

    async releaseRevisitReminder(workspace, decisionId) {
      await db
        .update(decisions)
        .set({ revisitClaimedAt: null })
        .where(
          and(
            eq(decisions.workspaceId, workspace.workspaceId),
            eq(decisions.id, decisionId),
            isNull(decisions.revisitNotifiedAt),
          ),
        );
    },

    async failRevisitReminder(workspace, decisionId, failure, now) {
      await db
        .update(decisions)
        .set(
          failure.permanent
            ? { revisitClaimedAt: null, revisitGivenUpAt: now, revisitProblem: failure.problem }
            : {
                revisitClaimedAt: null,
                revisitFailures: sql`${decisions.revisitFailures} + 1`,
                // 1, 2, 4… hours after the first, second, third failure; a day at most.
                revisitRetryAt: sql`${now.toISOString()}::timestamptz + least(power(2, ${decisions.revisitFailures}), ${MAX_RETRY_HOURS}) * interval '1 hour'`,
                revisitProblem: failure.problem,
              },
        )
        .where(
          and(
            eq(decisions.workspaceId, workspace.workspaceId),
            eq(decisions.id, decisionId),
            isNull(decisions.revisitNotifiedAt),
          ),
        );
    },
  };
}

const MAX_RETRY_HOURS = 24;

/**
 * A revisit reminder not sent yet, not given up, not waiting at `now` after a failure, and not
 * claimed (or claimed by a replica that stopped before sending it). Claims are timed by the
 * database's clock, shared by every replica; the wait after a failure by the app's, as revisit dates are.
 */
function reminderOpen(abandonedAfterMs: number, now: Date) {
  return and(
    isNull(decisions.revisitNotifiedAt),
    isNull(decisions.revisitGivenUpAt),
    or(isNull(decisions.revisitRetryAt), lte(decisions.revisitRetryAt, now)),
    or(isNull(decisions.revisitClaimedAt), claimedLongerAgoThan(decisions.revisitClaimedAt, abandonedAfterMs)),
  );
}

function inPeriod(workspaceId: string, channelId: string, from: Date, to: Date) {
  return and(
    eq(judgements.workspaceId, workspaceId),
    eq(judgements.channelId, channelId),
    gte(judgements.createdAt, from),
    lt(judgements.createdAt, to),
  );
}

/**
 * A record's decision fell in the period: recorded in it, or, imported, dated on a day that starts
 * in it. An import is counted by its own date, never by when it was imported; without one, never.
 */
function decidedIn(
  table: Record<'origin' | 'createdAt' | 'decidedOn', AnyPgColumn>,
  period: Period,
  dates: { from: string; to: string },
) {
  return or(
    and(ne(table.origin, 'import'), gte(table.createdAt, period.start), lt(table.createdAt, period.end)),
    and(eq(table.origin, 'import'), gte(table.decidedOn, dates.from), lt(table.decidedOn, dates.to)),
  );
}

function toFact(row: {
  ref: number;
  title: string;
  permalink: string | null;
  decidedOn: string | null;
  deciders: string[];
}): DigestDecisionFact {
  return {
    ref: Number(row.ref),
    title: row.title,
    permalink: row.permalink,
    decidedOn: row.decidedOn,
    deciders: row.deciders,
  };
}
