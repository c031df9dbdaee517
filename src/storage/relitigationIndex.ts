import { type SQL, sql } from 'drizzle-orm';
import type { MessageQuery, RelitigationIndex, Workspace } from '../app/ports.js';
import type { RetrievedCandidate } from '../domain/relitigation/types.js';
import type { Db } from './database.js';
import { rowsOf } from './insertDecisions.js';

// Trigram matching is for the message's own longer words (typos, product names); short words
// share trigrams with everything and would turn the index lookup into a scan.
const TRIGRAM_MIN_LENGTH = 5;
const TRIGRAM_MAX_WORDS = 6;
const FULL_TEXT_MAX_WORDS = 72;

/**
 * Finds the recorded decisions a message may be about, in two index-driven passes unioned:
 * full-text search of the message's words (OR-ed) against the weighted `search` vector (GIN), and
 * pg_trgm word similarity of its longer words against `match_text` (GIN, gin_trgm_ops). Both are
 * limited before they are joined, so the cost follows the number of matches, not of decisions.
 * The same SQL runs on PGlite and PostgreSQL.
 */
export function createRelitigationIndex(db: Db): RelitigationIndex {
  return {
    async candidates(workspace, channelId, query, limit) {
      const tsquery = toOrTsQuery(query.words);
      const trigramWords = trigramWordsOf(query);
      if (!tsquery && trigramWords.length === 0) return [];
      const result = await db.execute(candidatesSql(workspace, channelId, tsquery, trigramWords, limit));
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
}

function candidatesSql(workspace: Workspace, channelId: string, tsquery: string | null, trigramWords: string[], limit: number): SQL {
  // Accepted, not under review, visible from the channel: public, or recorded in this very channel.
  const eligible = sql`d.workspace_id = ${workspace.workspaceId} and d.status = 'accepted' and d.under_review_since is null
    and (d.channel_private = false or d.channel_id = ${channelId})`;
  const textQuery = tsquery ? sql`to_tsquery('english', ${tsquery})` : sql`null::tsquery`;
  const byText = tsquery
    ? sql`select d.id from decisions d where d.search @@ ${textQuery} and ${eligible}
          order by ts_rank(d.search, ${textQuery}) desc limit ${limit}`
    : sql`select null::uuid as id where false`;
  // `word %> match_text`-style tests, one per word, OR-ed: each is a GIN bitmap scan.
  const similarity = trigramWords.length > 0
    ? sql`greatest(${sql.join(trigramWords.map((w) => sql`word_similarity(${w}, d.match_text)`), sql`, `)})`
    : sql`0`;
  const byName = trigramWords.length > 0
    ? sql`select d.id from decisions d where (${sql.join(trigramWords.map((w) => sql`d.match_text %> ${w}`), sql` or `)}) and ${eligible}
          order by ${similarity} desc limit ${limit}`
    : sql`select null::uuid as id where false`;
  return sql`
    with by_text as (${byText}), by_name as (${byName}),
    pool as (select id from by_text union select id from by_name)
    select d.id::text as id, d.ref::int as ref, d.title, d.rationale, d.context,
           d.alternatives::text as alternatives, d.aliases::text as aliases, d.tags::text as tags,
           coalesce(ts_rank(d.search, ${textQuery}), 0)::float8 as text_rank,
           (${similarity})::float8 as trigram
    from decisions d join pool on pool.id = d.id
    order by text_rank desc, trigram desc, d.ref desc
    limit ${limit}`;
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
  };
}

/**
 * `a | (b & c) | d` from words and names: only letters and digits reach to_tsquery, so no user
 * text can inject query syntax. Multi-word names ("github actions") need all their words.
 */
export function toOrTsQuery(words: string[]): string | null {
  const terms = new Set<string>();
  for (const word of words.slice(0, FULL_TEXT_MAX_WORDS)) {
    const parts = word.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    if (parts.length === 1) terms.add(parts[0]!);
    else if (parts.length > 1) terms.add(`(${parts.join(' & ')})`);
  }
  return terms.size > 0 ? [...terms].join(' | ') : null;
}

/** The message's own longer words (not the names retrieval added), longest first. */
function trigramWordsOf(query: MessageQuery): string[] {
  const typed = new Set(query.text.match(/[\p{L}\p{N}]+/gu) ?? []);
  return query.words
    .filter((w) => w.length >= TRIGRAM_MIN_LENGTH && typed.has(w) && /^[\p{L}\p{N}]+$/u.test(w))
    .sort((a, b) => b.length - a.length)
    .slice(0, TRIGRAM_MAX_WORDS);
}

function parseStrings(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
