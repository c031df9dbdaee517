import { and, asc, eq, sql } from 'drizzle-orm';
import type { ThreadActivityRepository } from '../app/ports.js';
import type { Db } from './database.js';
import { relitigationJudgements as judgements, relitigationThreadMessages as messages } from './schema.js';

export function createThreadActivityRepository(db: Db): ThreadActivityRepository {
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
      const rows = await db
        .select({ decisionId: sql<string>`${judgements.decisionId}::text`, decisionRef: judgements.decisionRef, fromTs: judgements.messageTs })
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
      return rows.map((r) => ({ decisionId: r.decisionId, decisionRef: Number(r.decisionRef), fromTs: r.fromTs }));
    },
  };
}
