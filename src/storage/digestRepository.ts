import { and, asc, eq, isNull, lte, not, sql } from 'drizzle-orm';
import type { DigestRepository, StoredDigestSchedule } from '../app/digests/ports.js';
import type { Workspace } from '../domain/workspace.js';
import type { DigestSchedule } from '../domain/digest/schedule.js';
import { claimedLongerAgoThan } from './abandonedClaims.js';
import type { Db } from './database.js';
import { digestRuns as runs, digestSchedules as schedules } from './schema.js';

const columns = {
  workspaceId: schedules.workspaceId,
  channelId: schedules.channelId,
  cadence: schedules.cadence,
  weekday: schedules.weekday,
  dayOfMonth: schedules.dayOfMonth,
  time: schedules.time,
  timeZone: schedules.timeZone,
  owner: schedules.owner,
  pausedReason: schedules.pausedReason,
  updatedAt: schedules.updatedAt,
};

export function createDigestRepository(db: Db): DigestRepository {
  return {
    async saveSchedule(workspace, channelId, schedule, owner, at, nextRunAt) {
      const values = {
        cadence: schedule.cadence,
        weekday: schedule.weekday,
        dayOfMonth: schedule.dayOfMonth,
        time: schedule.time,
        timeZone: schedule.timeZone,
        owner,
        pausedReason: null,
        updatedAt: at,
        nextRunAt,
      };
      await db
        .insert(schedules)
        .values({ workspaceId: workspace.workspaceId, channelId, ...values })
        .onConflictDoUpdate({ target: [schedules.workspaceId, schedules.channelId], set: values });
    },

    async removeSchedule(workspace, channelId) {
      const rows = await db
        .delete(schedules)
        .where(and(eq(schedules.workspaceId, workspace.workspaceId), eq(schedules.channelId, channelId)))
        .returning({ channelId: schedules.channelId });
      return rows.length > 0;
    },

    async schedule(workspace, channelId) {
      const [row] = await db
        .select(columns)
        .from(schedules)
        .where(and(eq(schedules.workspaceId, workspace.workspaceId), eq(schedules.channelId, channelId)));
      return row ? toStored(row) : null;
    },

    async takeDue(now, limit, leaseUntil) {
      // SKIP LOCKED: replicas ticking together each take schedules of their own, none waits on another.
      const due = db
        .select({ workspaceId: schedules.workspaceId, channelId: schedules.channelId })
        .from(schedules)
        .where(and(isNull(schedules.pausedReason), lte(schedules.nextRunAt, now)))
        .orderBy(asc(schedules.nextRunAt))
        .limit(limit)
        .for('update', { skipLocked: true });
      const rows = await db
        .update(schedules)
        .set({ nextRunAt: leaseUntil })
        .where(sql`(${schedules.workspaceId}, ${schedules.channelId}) in (${due})`)
        .returning(columns);
      return rows.map(toStored);
    },

    async setNextRuns(runs) {
      if (runs.length === 0) return;
      // One statement for a batch. updated_at is compared to the millisecond, as JavaScript has it.
      await db.execute(sql`
        update ${schedules} s set next_run_at = r.next
        from unnest(${textArray(runs.map((r) => r.workspace.workspaceId))}, ${textArray(runs.map((r) => r.channelId))},
          ${textArray(runs.map((r) => r.since.toISOString()))}::timestamptz[], ${textArray(runs.map((r) => r.next.toISOString()))}::timestamptz[])
          as r(workspace_id, channel_id, since, next)
        where s.workspace_id = r.workspace_id and s.channel_id = r.channel_id
          and date_trunc('milliseconds', s.updated_at) = r.since`);
    },

    async pause(workspace, channelId, reason) {
      await db
        .update(schedules)
        .set({ pausedReason: reason })
        .where(and(eq(schedules.workspaceId, workspace.workspaceId), eq(schedules.channelId, channelId)));
    },

    async pauseWorkspace(workspace, reason) {
      const rows = await db
        .update(schedules)
        .set({ pausedReason: reason })
        .where(and(eq(schedules.workspaceId, workspace.workspaceId), isNull(schedules.pausedReason)))
        .returning({ channelId: schedules.channelId });
      return rows.length;
    },

    async claimedAmong(candidates, abandonedAfterMs) {
      if (candidates.length === 0) return new Map();
      // Looked up by primary key: the run table grows by one row per channel and period, forever.
      const rows = await db
        .select({
          workspaceId: runs.workspaceId,
          channelId: runs.channelId,
          periodKey: runs.periodKey,
          status: runs.status,
        })
        .from(runs)
        .where(
          and(
            sql`(${runs.workspaceId}, ${runs.channelId}, ${runs.periodKey}) in (select * from unnest(${textArray(candidates.map((c) => c.workspace.workspaceId))},
            ${textArray(candidates.map((c) => c.channelId))}, ${textArray(candidates.map((c) => c.periodKey))}))`,
            not(abandoned(abandonedAfterMs)),
          ),
        );
      return new Map(
        rows.map((r) => [`${r.workspaceId}:${r.channelId}:${r.periodKey}`, r.status === 'claimed' ? 'held' : 'ended']),
      );
    },

    async claimRun(workspace, channelId, periodKey, instance, abandonedAfterMs) {
      // The primary key decides: of replicas inserting together, one row wins and the rest insert
      // nothing. A claim abandoned by a replica that stopped mid-run is taken over, by one of them.
      const rows = await db
        .insert(runs)
        .values({ workspaceId: workspace.workspaceId, channelId, periodKey, status: 'claimed', instance })
        .onConflictDoUpdate({
          target: [runs.workspaceId, runs.channelId, runs.periodKey],
          set: { instance, claimedAt: sql`now()` },
          setWhere: abandoned(abandonedAfterMs),
        })
        .returning({ periodKey: runs.periodKey });
      return rows.length > 0;
    },

    async confirmRun(workspace, channelId, periodKey, instance) {
      const rows = await db
        .update(runs)
        .set({ claimedAt: sql`now()` })
        .where(and(runKey(workspace, channelId, periodKey), eq(runs.instance, instance), eq(runs.status, 'claimed')))
        .returning({ periodKey: runs.periodKey });
      return rows.length > 0;
    },

    async releaseRun(workspace, channelId, periodKey, instance) {
      await db
        .delete(runs)
        .where(and(runKey(workspace, channelId, periodKey), eq(runs.instance, instance), eq(runs.status, 'claimed')));
    },

    async finishRun(workspace, channelId, periodKey, instance, outcome) {
      await db
        .update(runs)
        .set(
          outcome.status === 'posted'
            ? { status: 'posted', postedTs: outcome.ts }
            : { status: 'failed', problem: outcome.problem },
        )
        .where(and(runKey(workspace, channelId, periodKey), eq(runs.instance, instance)));
    },
  };
}

function runKey(workspace: Workspace, channelId: string, periodKey: string) {
  return and(eq(runs.workspaceId, workspace.workspaceId), eq(runs.channelId, channelId), eq(runs.periodKey, periodKey));
}

/**
 * A claim whose replica showed no sign of life (claiming, or confirming before it posts) for `ms`.
 * Parenthesised whole: drizzle's `not()` does not add parentheses of its own.
 */
function abandoned(ms: number) {
  return sql`(${runs.status} = 'claimed' and ${claimedLongerAgoThan(runs.claimedAt, ms)})`;
}

/** A text[] parameter, written as a PostgreSQL array literal (postgres.js and PGlite both take it). */
function textArray(values: string[]) {
  return sql`${`{${values.map((v) => `"${v.replace(/(["\\])/g, '\\$1')}"`).join(',')}}`}::text[]`;
}

function toStored(row: {
  workspaceId: string;
  channelId: string;
  cadence: string;
  weekday: number | null;
  dayOfMonth: number | null;
  time: string;
  timeZone: string | null;
  owner: string;
  pausedReason: string | null;
  updatedAt: Date;
}): StoredDigestSchedule {
  const schedule = {
    cadence: row.cadence,
    weekday: row.weekday,
    dayOfMonth: row.dayOfMonth,
    time: row.time,
    timeZone: row.timeZone,
  } as DigestSchedule;
  return {
    workspace: { workspaceId: row.workspaceId, enterpriseId: null },
    channelId: row.channelId,
    schedule,
    owner: row.owner,
    pausedReason: row.pausedReason,
    since: row.updatedAt,
  };
}
