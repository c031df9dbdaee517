import { sql } from 'drizzle-orm';
import type { RelitigationIndex } from '../app/relitigation/ports.js';
import type { MatchableDecision } from '../domain/relitigation/types.js';
import type { Db } from './database.js';
import { rowsOf } from './insertDecisions.js';

/**
 * Finds the recorded decisions a message may be about, in one call of the SQL function
 * `relitigation_candidates` (drizzle/0009, as 0011 and 0013 redefine it; a function so its plan is
 * made once per session — planning cost as much as running). It is led by the message's rarest
 * words in this workspace (decision_terms, kept by triggers): in a ledger where forty services each
 * chose a message queue, "orders" picks the decision "switch orders from Kafka to SQS" reopens,
 * where "kafka" would pick any of forty.
 * - The message's words become lexemes (to_tsvector, as the decisions' vectors were made); those
 *   no decision carries drop out; each is weighted by inverse document frequency.
 * - Passes over the `search` GIN index with the six words fewest decisions name: decisions carrying
 *   four of them, the most specific readings; three, only when fours found too few; two, only when
 *   those found too few; every decision carrying one that at most 32 decisions name; any decision
 *   carrying one of the rarest words, only when all those found too few; for long typed words no
 *   decision carries (typos), pg_trgm on the decisions' names.
 * - Decisions whose model-derived index row (decision_index, this model version) holds the
 *   message's words: words near the decision's own in meaning.
 * - The channel's own most recent decisions fill the places left.
 * - Every decision found is scored by the weights of the words it shares with the message (whole
 *   in its names, a tenth in its reasons), plus its meaning matches, a quarter more if recorded in
 *   the message's channel; the best `limit` are read whole.
 * Only accepted decisions not under review are found, and a private channel's only from that channel.
 */
export function createRelitigationIndex(db: Db): RelitigationIndex {
  return {
    async candidates(workspace, channelId, query, limit, modelVersion, options = {}) {
      if (query.words.length === 0) return [];
      const words = query.words.join(' ');
      const result = await db.execute(sql`select * from relitigation_candidates(
        ${workspace.workspaceId}, ${channelId}, ${words}, ${words}, '',
        string_to_array(${query.typos.join(' ')}, ' '), ${limit}::int, ${modelVersion}, ${options.isolated === true})`);
      return rowsOf<CandidateRow>(result).map(toDecision);
    },

    async saveIndexRows(workspace, modelVersion, rows) {
      if (rows.length === 0) return;
      const values = sql.join(
        rows.map(
          (r) =>
            sql`(${r.decisionId}::uuid, ${workspace.workspaceId}::text, ${modelVersion}::text, to_tsvector('english', ${r.related.join(' ')}))`,
        ),
        sql`, `,
      );
      // Only decisions of this workspace get rows: an id from elsewhere is ignored, not indexed here.
      await db.execute(sql`
        insert into decision_index (decision_id, workspace_id, model_version, related)
        select v.decision_id, v.workspace_id, v.model_version, v.related
        from (values ${values}) as v (decision_id, workspace_id, model_version, related)
        join decisions d on d.id = v.decision_id and d.workspace_id = v.workspace_id
        on conflict (decision_id) do update
          set model_version = excluded.model_version, related = excluded.related, indexed_at = now()`);
    },

    async countUnindexed(modelVersion) {
      const result = await db.execute(sql`
        select count(*)::int as n from decisions d
        where not exists (select 1 from decision_index x where x.decision_id = d.id and x.model_version = ${modelVersion})`);
      return Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
    },

    async unindexed(modelVersion, limit, after) {
      const result = await db.execute(sql`
        select d.id::text, d.ref, d.title, d.rationale, d.context, d.alternatives::text, d.aliases::text, d.tags::text,
               d.workspace_id, d.enterprise_id
        from decisions d
        where not exists (select 1 from decision_index x where x.decision_id = d.id and x.model_version = ${modelVersion})
          and (d.workspace_id, d.ref) > (${after?.workspaceId ?? ''}::text, ${after?.ref ?? 0}::int)
        order by d.workspace_id, d.ref
        limit ${limit}`);
      return rowsOf<CandidateRow & { workspace_id: string; enterprise_id: string | null }>(result).map((row) => ({
        workspace: { workspaceId: row.workspace_id, enterpriseId: row.enterprise_id },
        decision: toDecision(row),
      }));
    },
  };
}

interface CandidateRow {
  id: string;
  ref: number;
  title: string;
  rationale: string;
  context: string;
  alternatives: string;
  aliases: string;
  tags: string;
}

function toDecision(row: CandidateRow): MatchableDecision {
  return {
    id: row.id,
    ref: Number(row.ref),
    title: row.title,
    rationale: row.rationale,
    context: row.context,
    alternatives: parseStrings(row.alternatives),
    aliases: parseStrings(row.aliases),
    tags: parseStrings(row.tags),
  };
}

function parseStrings(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
