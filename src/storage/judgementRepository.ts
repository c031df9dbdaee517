import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Feedback, JudgementRepository, NewJudgement, StoredJudgement } from '../app/relitigation/ports.js';
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
          lastWarnedAt: sql`max(${judgements.createdAt}) filter (where ${judgements.outcome} = 'warned')`.mapWith(
            judgements.createdAt,
          ),
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
          {
            warnedInThread: Boolean(r.warnedInThread),
            dismissedInThread: Boolean(r.dismissedInThread),
            lastWarnedInChannelAt: r.lastWarnedAt ?? null,
          },
        ]),
      );
    },

    async recordAll(list) {
      if (list.length === 0) return [];
      const insert = (rows: NewJudgement[]) =>
        db
          .insert(judgements)
          .values(rows.map(valuesOf))
          .onConflictDoUpdate({
            target: [judgements.workspaceId, judgements.channelId, judgements.messageTs, judgements.decisionId],
            // An edit that turns a quiet judgement into a warning upgrades it; anything else is a repeat.
            set: {
              outcome: sql`excluded.outcome`,
              tier: sql`excluded.tier`,
              topicScore: sql`excluded.topic_score`,
              stanceScore: sql`excluded.stance_score`,
              modelVersion: sql`excluded.model_version`,
            },
            setWhere: sql`${judgements.outcome} <> 'warned' and excluded.outcome = 'warned'`,
          })
          .returning(stored);
      let rows: Awaited<ReturnType<typeof insert>>;
      try {
        rows = await insert(list);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // The thread already has its warning about this decision (another delivery or replica won):
        // the message's other judgements are recorded without it.
        const quiet = list.filter((j) => j.outcome !== 'warned');
        rows = quiet.length > 0 ? await insert(quiet) : [];
      }
      const recorded = new Map(rows.map((row) => [row.decisionId, toStored(row)]));
      return list.map((j) => recorded.get(j.decisionId) ?? null);
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
        .where(
          and(
            eq(judgements.workspaceId, workspace.workspaceId),
            eq(judgements.id, id),
            sql`${judgements.feedback} is null`,
          ),
        )
        .returning(stored);
      return row ? toStored(row) : null;
    },
  };
}

function valuesOf(j: NewJudgement) {
  return {
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
    modelVersion: j.modelVersion,
  };
}

function toStored(row: { feedback: string | null } & Omit<StoredJudgement, 'feedback'>): StoredJudgement {
  return { ...row, feedback: row.feedback as Feedback | null };
}
