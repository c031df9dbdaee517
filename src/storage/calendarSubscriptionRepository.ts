import { and, asc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { CalendarSubscription, CalendarSubscriptionRepository, FeedProblem } from '../app/costs/ports.js';
import type { Db } from './database.js';
import { calendarSubscriptions as feeds } from './schema.js';

const columns = {
  id: feeds.id,
  workspaceId: feeds.workspaceId,
  channelId: feeds.channelId,
  url: feeds.url,
  lastSyncedAt: feeds.lastSyncedAt,
  lastProblem: feeds.lastProblem,
  problemReported: feeds.problemReported,
  meetingsRecorded: feeds.meetingsRecorded,
};

interface Row {
  id: number;
  workspaceId: string;
  channelId: string;
  url: string;
  lastSyncedAt: Date | null;
  lastProblem: string | null;
  problemReported: boolean;
  meetingsRecorded: number;
}

export function createCalendarSubscriptionRepository(db: Db): CalendarSubscriptionRepository {
  return {
    async subscribe(workspace, channelId, url, userId) {
      const [created] = await db
        .insert(feeds)
        .values({ workspaceId: workspace.workspaceId, channelId, url, createdBy: userId })
        .onConflictDoNothing()
        .returning({ id: feeds.id });
      if (created) return { id: Number(created.id), created: true };
      const [existing] = await db
        .select({ id: feeds.id })
        .from(feeds)
        .where(and(eq(feeds.workspaceId, workspace.workspaceId), eq(feeds.channelId, channelId), eq(feeds.url, url)));
      return { id: Number(existing!.id), created: false };
    },

    async unsubscribeAll(workspace, channelId) {
      const rows = await db
        .delete(feeds)
        .where(and(eq(feeds.workspaceId, workspace.workspaceId), eq(feeds.channelId, channelId)))
        .returning({ id: feeds.id });
      return rows.length;
    },

    async list(workspace, channelId) {
      const rows = await db
        .select(columns)
        .from(feeds)
        .where(and(eq(feeds.workspaceId, workspace.workspaceId), eq(feeds.channelId, channelId)))
        .orderBy(asc(feeds.id));
      return rows.map(toSubscription);
    },

    async claimDue(now, staleBefore, until, limit) {
      // One UPDATE picks and claims: two replicas running it at once never get the same feed.
      const due = db
        .select({ id: feeds.id })
        .from(feeds)
        .where(
          and(
            or(isNull(feeds.lastSyncedAt), lt(feeds.lastSyncedAt, staleBefore)),
            or(isNull(feeds.claimedUntil), lt(feeds.claimedUntil, now)),
          ),
        )
        .orderBy(sql`${feeds.lastSyncedAt} asc nulls first`)
        .limit(limit)
        .for('update', { skipLocked: true });
      const rows = await db
        .update(feeds)
        .set({ claimedUntil: until })
        .where(sql`${feeds.id} in ${due}`)
        .returning(columns);
      return rows.map(toSubscription);
    },

    async finishSync(id, at, result) {
      await db
        .update(feeds)
        .set({
          lastSyncedAt: at,
          lastProblem: result.problem,
          problemReported: result.problemReported,
          meetingsRecorded: sql`${feeds.meetingsRecorded} + ${result.meetingsRecorded}`,
          claimedUntil: null,
        })
        .where(eq(feeds.id, id));
    },
  };
}

function toSubscription(row: Row): CalendarSubscription {
  return {
    id: Number(row.id),
    workspace: { workspaceId: row.workspaceId, enterpriseId: null },
    channelId: row.channelId,
    url: row.url,
    lastSyncedAt: row.lastSyncedAt,
    // Written only by finishSync, from FeedProblem codes.
    lastProblem: row.lastProblem as FeedProblem | null,
    problemReported: row.problemReported,
    meetingsRecorded: Number(row.meetingsRecorded),
  };
}
