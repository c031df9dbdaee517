import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Feedback, JudgementRepository, StoredJudgement } from '../app/ports.js';
import type { Db } from './database.js';
import { isUniqueViolation } from './postgresErrors.js';
import { relitigationJudgements as judgements } from './schema.js';

const stored = {
  id: judgements.id,
  channelId: judgements.channelId,
  messageTs: judgements.messageTs,
  threadTs: judgements.threadTs,
  decisionId: judgements.decisionId,
  decisionRef: judgements.decisionRef,
  outcome: judgements.outcome,
  warningTs: judgements.warningTs,
  feedback: judgements.feedback,
};

export function createJudgementRepository(db: Db): JudgementRepository {
  return {
    async restraintFacts(workspace, channelId, threadTs, decisionIds) {
      if (decisionIds.length === 0) return new Map();
      const rows = await db
        .select({
          decisionId: judgements.decisionId,
          warnedInThread: sql<boolean>`bool_or(${judgements.threadTs} = ${threadTs} and ${judgements.outcome} = 'warned')`,
          dismissedInThread: sql<boolean>`bool_or(${judgements.threadTs} = ${threadTs} and ${judgements.feedback} = 'dismissed')`,
          lastWarnedAt: sql`max(${judgements.createdAt}) filter (where ${judgements.outcome} = 'warned')`.mapWith(judgements.createdAt),
        })
        .from(judgements)
        .where(
          and(
            eq(judgements.workspaceId, workspace.workspaceId),
            eq(judgements.channelId, channelId),
            inArray(judgements.decisionId, decisionIds),
          ),
        )
        .groupBy(judgements.decisionId);
      return new Map(
        rows.map((r) => [
          r.decisionId,
          { warnedInThread: Boolean(r.warnedInThread), dismissedInThread: Boolean(r.dismissedInThread), lastWarnedInChannelAt: r.lastWarnedAt ?? null },
        ]),
      );
    },

    async record(j) {
      const values = {
        workspaceId: j.workspace.workspaceId,
        channelId: j.channelId,
        messageTs: j.messageTs,
        threadTs: j.threadTs,
        author: j.author,
        decisionId: j.decisionId,
        decisionRef: j.decisionRef,
        topicScore: j.topic,
        stanceScore: j.stance,
        tier: j.tier,
        outcome: j.outcome,
        mode: j.mode,
      };
      try {
        const [row] = await db
          .insert(judgements)
          .values(values)
          .onConflictDoUpdate({
            target: [judgements.workspaceId, judgements.channelId, judgements.messageTs, judgements.decisionId],
            // An edit that turns a quiet judgement into a warning upgrades it; anything else is a repeat.
            set: { outcome: values.outcome, tier: values.tier, topicScore: values.topicScore, stanceScore: values.stanceScore },
            setWhere: sql`${judgements.outcome} <> 'warned' and excluded.outcome = 'warned'`,
          })
          .returning(stored);
        return row ? toStored(row) : null;
      } catch (error) {
        // The thread already has its warning about this decision (another delivery or replica won).
        if (isUniqueViolation(error)) return null;
        throw error;
      }
    },

    async attachWarning(workspace, id, warningTs) {
      await db
        .update(judgements)
        .set({ warningTs })
        .where(and(eq(judgements.workspaceId, workspace.workspaceId), eq(judgements.id, id)));
    },

    async find(workspace, id) {
      const [row] = await db
        .select(stored)
        .from(judgements)
        .where(and(eq(judgements.workspaceId, workspace.workspaceId), eq(judgements.id, id)));
      return row ? toStored(row) : null;
    },

    async giveFeedback(workspace, id, feedback, userId) {
      const [row] = await db
        .update(judgements)
        .set({ feedback, feedbackBy: userId, feedbackAt: sql`now()` })
        .where(and(eq(judgements.workspaceId, workspace.workspaceId), eq(judgements.id, id), sql`${judgements.feedback} is null`))
        .returning(stored);
      return row ? toStored(row) : null;
    },
  };
}

function toStored(row: { feedback: string | null } & Omit<StoredJudgement, 'feedback'>): StoredJudgement {
  return { ...row, feedback: row.feedback as Feedback | null };
}
