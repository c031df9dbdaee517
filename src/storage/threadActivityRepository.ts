import { and, asc, eq, sql } from 'drizzle-orm';
import type { ThreadActivityRepository } from '../app/relitigation/ports.js';
import type { Db } from './database.js';
import { relitigationJudgements as judgements, relitigationThreadMessages as messages } from './schema.js';

/**
 * Every reply in a channel asks whether its thread relitigates a decision, and almost none does.
 * So each process keeps, per channel, the set of its threads with a standing warning (read in one
 * query, kept CACHE_TTL_MS): a reply in any other thread costs no database round trip. A warning
 * posted by this process joins the set at once; one posted by another replica is seen within the
 * TTL. A thread in the set is always read afresh, so a dismissal anywhere stops its cost at once.
 * Warnings are rare (one per thread and decision, a cooling period per channel), so the sets are small.
 */
const CACHE_TTL_MS = 30_000;
const CACHE_MAX_CHANNELS = 10_000;

export function createThreadActivityRepository(db: Db): ThreadActivityRepository {
  const warnedThreads = new Map<string, { threads: Set<string>; expires: number }>();
  const channelKey = (workspaceId: string, channelId: string) => `${workspaceId}:${channelId}`;

  /** The channel's threads with a warning nobody dismissed, from the cache or one query. */
  const threadsWarnedIn = async (workspaceId: string, channelId: string): Promise<Set<string>> => {
    const key = channelKey(workspaceId, channelId);
    const cached = warnedThreads.get(key);
    if (cached && cached.expires > Date.now()) return cached.threads;
    const rows = await db
      .selectDistinct({ threadTs: judgements.threadTs })
      .from(judgements)
      .where(
        and(
          eq(judgements.workspaceId, workspaceId),
          eq(judgements.channelId, channelId),
          // Literals, not parameters: the planner must see `outcome = 'warned'` to use the partial
          // index of warnings per thread (judgements_one_warning_per_thread_uq).
          sql`${judgements.outcome} = 'warned'`,
          sql`${judgements.feedback} is distinct from 'dismissed'`,
        ),
      );
    const threads = new Set(rows.map((r) => r.threadTs));
    if (warnedThreads.size >= CACHE_MAX_CHANNELS) warnedThreads.delete(warnedThreads.keys().next().value!);
    warnedThreads.set(key, { threads, expires: Date.now() + CACHE_TTL_MS });
    return threads;
  };

  return {
    async note(workspace, channelId, threadTs, message) {
      await db
        .insert(messages)
        .values({
          workspaceId: workspace.workspaceId,
          channelId,
          threadTs,
          messageTs: message.ts,
          author: message.author,
        })
        .onConflictDoNothing();
      const rows = await db
        .select({ ts: messages.messageTs, author: messages.author })
        .from(messages)
        .where(
          and(
            eq(messages.workspaceId, workspace.workspaceId),
            eq(messages.channelId, channelId),
            eq(messages.threadTs, threadTs),
          ),
        )
        // Slack timestamps are fixed-width seconds.micros strings until 2286: text order is time order.
        .orderBy(asc(messages.messageTs));
      return rows;
    },

    async relitigatedIn(workspace, channelId, threadTs) {
      if (!(await threadsWarnedIn(workspace.workspaceId, channelId)).has(threadTs)) return [];
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
            sql`${judgements.outcome} = 'warned'`,
            sql`${judgements.feedback} is distinct from 'dismissed'`,
          ),
        );
      return rows.map((r) => ({
        decisionId: r.decisionId,
        decisionRef: Number(r.decisionRef),
        fromTs: r.fromTs,
        fromAuthor: r.fromAuthor,
      }));
    },

    knownUnwarned(workspace, channelId, threadTs) {
      const cached = warnedThreads.get(channelKey(workspace.workspaceId, channelId));
      return cached !== undefined && cached.expires > Date.now() && !cached.threads.has(threadTs);
    },

    warnedIn(workspace, channelId, threadTs) {
      warnedThreads.get(channelKey(workspace.workspaceId, channelId))?.threads.add(threadTs);
    },
  };
}
