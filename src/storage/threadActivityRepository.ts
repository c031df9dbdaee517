import { and, asc, eq, sql } from 'drizzle-orm';
import type { ThreadActivityRepository } from '../app/ports.js';
import type { Db } from './database.js';
import { relitigationJudgements as judgements, relitigationThreadMessages as messages } from './schema.js';

/**
 * Every reply in a channel asks whether its thread relitigates a decision, and almost none does:
 * a "no" is kept for CACHE_TTL_MS per process. A warning posted by this process clears it at once;
 * one posted by another replica is seen within the TTL. A "yes" is always read afresh, so a
 * dismissal anywhere stops the thread's cost at once.
 */
const CACHE_TTL_MS = 30_000;
const CACHE_MAX = 10_000;

export function createThreadActivityRepository(db: Db): ThreadActivityRepository {
  const notReopened = new Map<string, number>();
  const keyOf = (workspaceId: string, channelId: string, threadTs: string) => `${workspaceId}:${channelId}:${threadTs}`;
  return {
    async note(workspace, channelId, threadTs, message) {
      await db
        .insert(messages)
        .values({ workspaceId: workspace.workspaceId, channelId, threadTs, messageTs: message.ts, author: message.author })
        .onConflictDoNothing();
      const rows = await db
        .select({ ts: messages.messageTs, author: messages.author })
        .from(messages)
        .where(and(eq(messages.workspaceId, workspace.workspaceId), eq(messages.channelId, channelId), eq(messages.threadTs, threadTs)))
        // Slack timestamps are fixed-width seconds.micros strings until 2286: text order is time order.
        .orderBy(asc(messages.messageTs));
      return rows;
    },

    async relitigatedIn(workspace, channelId, threadTs) {
      const key = keyOf(workspace.workspaceId, channelId, threadTs);
      if ((notReopened.get(key) ?? 0) > Date.now()) return [];
      const rows = await db
        .select({
          decisionId: sql<string>`${judgements.decisionId}::text`,
          decisionRef: judgements.decisionRef,
          fromTs: judgements.messageTs,
          fromAuthor: judgements.author,
        })
        .from(judgements)
        .where(
          and(
            eq(judgements.workspaceId, workspace.workspaceId),
            eq(judgements.channelId, channelId),
            eq(judgements.threadTs, threadTs),
            // Literals, not parameters: the planner must see `outcome = 'warned'` to use the partial
            // index of warnings per thread (judgements_one_warning_per_thread_uq).
            sql`${judgements.outcome} = 'warned'`,
            sql`${judgements.feedback} is distinct from 'dismissed'`,
          ),
        );
      const reopened = rows.map((r) => ({ decisionId: r.decisionId, decisionRef: Number(r.decisionRef), fromTs: r.fromTs, fromAuthor: r.fromAuthor }));
      if (reopened.length === 0) {
        if (notReopened.size >= CACHE_MAX) notReopened.clear();
        notReopened.set(key, Date.now() + CACHE_TTL_MS);
      }
      return reopened;
    },

    warnedIn(workspace, channelId, threadTs) {
      notReopened.delete(keyOf(workspace.workspaceId, channelId, threadTs));
    },
  };
}
