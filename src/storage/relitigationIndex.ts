import { sql } from 'drizzle-orm';
import type { MessageQuery, RelitigationIndex } from '../app/ports.js';
import type { RetrievedCandidate } from '../domain/relitigation/types.js';
import type { Db } from './database.js';
import { rowsOf } from './insertDecisions.js';

// Typo matching looks at the longer words the message itself typed.
const TYPO_MIN_LENGTH = 7;
const TYPO_MAX_WORDS = 2;

/**
 * Finds the recorded decisions a message may be about, in one call of the SQL function
 * `relitigation_candidates` (drizzle/0009_relitigation_candidates.sql, as 0011 redefines it; a
 * function so its plan is made once per session — planning cost as much as running). It is led by
 * the message's rarest words in this workspace (decision_terms, kept by triggers): in a ledger
 * where forty services each chose a message queue, "orders" picks the decision "switch orders from
 * Kafka to SQS" reopens, where "kafka" would pick any of forty.
 * - The message's words and names become lexemes (to_tsvector, as the decisions' vectors were
 *   made); those no decision carries drop out. What it typed counts whole, other names of what it
 *   names (messageQuery's: "k8s" for "Kubernetes") half — a decision already carries the aliases of
 *   what it names, and a product's five names must not outweigh the one word saying which service
 *   — and rivals of what it proposes ("flutter" for "react native") less again; each is weighted
 *   by inverse document frequency.
 * - Passes over the `search` GIN index with the six typed words fewest decisions name: decisions
 *   carrying four of them, the most specific readings; three, only when fours found too few (each
 *   pass stops at 48, in no order, so among hundreds that carry three the one carrying five would
 *   be missed); two, only when those found too few; every decision carrying one that at most 32
 *   decisions name; any decision carrying one of the rarest words, only when all those found too
 *   few; and, for long typed words no decision carries (typos, names the stemmer does not know),
 *   pg_trgm: `match_text LIKE '%terraf%'` on the trigram GIN index, most similar first. Every pass
 *   is cut off, so a message of common words costs a bounded amount of work, and the function
 *   allows no sequential scan: no pass reads every decision of the workspace.
 * - Every decision found is scored by the weights of the words it shares with the message — whole
 *   in its names (title, alternatives, aliases, tags: what it chose, turned down and applies to),
 *   a tenth in its reasons, which echo complaints many decisions share, and a quarter more if it
 *   was recorded in the message's channel — and the best `limit` are read whole. Chosen and turned
 *   down weigh the same here: which way a message leans is the judge's question.
 * Only accepted decisions not under review are found, and a private channel's only from that channel.
 */
export function createRelitigationIndex(db: Db): RelitigationIndex {
  return {
    async candidates(workspace, channelId, query, limit) {
      if (query.words.length === 0 && query.related.length === 0) return [];
      const result = await db.execute(sql`select * from relitigation_candidates(
        ${workspace.workspaceId}, ${channelId}, ${query.text}, ${query.words.join(' ')}, ${query.related.join(' ')},
        string_to_array(${typoWordsOf(query).join(' ')}, ' '), ${limit}::int)`);
      return rowsOf<CandidateRow>(result).map(toCandidate);
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
  text_rank: number;
  trigram: number;
  recorded_here: boolean;
}

function toCandidate(row: CandidateRow): RetrievedCandidate {
  return {
    decision: {
      id: row.id,
      ref: Number(row.ref),
      title: row.title,
      rationale: row.rationale,
      context: row.context,
      alternatives: parseStrings(row.alternatives),
      aliases: parseStrings(row.aliases),
      tags: parseStrings(row.tags),
    },
    textRank: Number(row.text_rank),
    trigramSimilarity: Number(row.trigram),
    recordedHere: row.recorded_here === true,
  };
}

/** The message's own longer words (not the names retrieval added), longest first; letters only. */
function typoWordsOf(query: MessageQuery): string[] {
  const typed = new Set(query.text.match(/[\p{L}]+/gu) ?? []);
  return query.words
    .filter((w) => w.length >= TYPO_MIN_LENGTH && typed.has(w))
    .sort((a, b) => b.length - a.length)
    .slice(0, TYPO_MAX_WORDS);
}


function parseStrings(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
