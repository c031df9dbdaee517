import { type SQL, sql } from 'drizzle-orm';
import type { MessageQuery, RelitigationIndex, Workspace } from '../app/ports.js';
import type { RetrievedCandidate } from '../domain/relitigation/types.js';
import type { Db } from './database.js';
import { rowsOf } from './insertDecisions.js';

// Every pass is cut off before it is ranked, so a word shared by thousands of decisions costs a
// bounded amount of work; the pass over pairs of the message's words keeps the best of those in.
const MATCHES_RANKED = 24;
const PAIRED_WORDS = 6;
// Typo matching: the longer words the message itself typed, by their first 60% (a typo late in a
// word leaves its start intact: "terrafrom" still contains "terraf").
const TYPO_MIN_LENGTH = 7;
const TYPO_MAX_WORDS = 2;
const TYPO_POOL = 8;
const FULL_TEXT_MAX_WORDS = 64;

/**
 * Finds the recorded decisions a message may be about, from three index-driven passes, unioned
 * and ranked by ts_rank:
 * - full-text search of all the message's words and names, OR-ed, against the weighted `search`
 *   vector (GIN), at most MATCHES_RANKED matches;
 * - when that pass was cut off, the same for decisions sharing at least two of its own words
 *   (rarer, so the likeliest targets are not crowded out by a word thousands of decisions use);
 * - pg_trgm, for typos and names the stemmer does not know: `match_text LIKE '%terraf%'` on the
 *   trigram GIN index, with word_similarity computed for the rows kept. Not `%>` in the WHERE
 *   clause: its selectivity estimate runs the operator over the column's statistics at every
 *   planning (milliseconds), and its recheck computes a similarity for every row that shares
 *   enough trigrams with the word (hundreds, for common letter runs); LIKE rechecks cheaply.
 * No pass reads every decision of the workspace; the same SQL runs on PGlite and PostgreSQL.
 */
export function createRelitigationIndex(db: Db): RelitigationIndex {
  return {
    async candidates(workspace, channelId, query, limit) {
      const terms = searchTerms(query);
      if (!terms.any && terms.typos.length === 0) return [];
      const result = await db.execute(candidatesSql(workspace, channelId, terms, limit));
      return rowsOf<CandidateRow>(result).map(toCandidate);
    },
  };
}

/** What the passes search for, from the domain's MessageQuery. */
export function searchTerms(query: MessageQuery): SearchTerms {
  return {
    any: toOrTsQuery([...query.words, ...query.related]),
    pairs: toPairsTsQuery(query.words.slice(0, PAIRED_WORDS)),
    typos: typoWordsOf(query),
  };
}

export interface SearchTerms {
  /** `a | (b & c) | …`, or null when the message has no searchable word. */
  any: string | null;
  /** `(a & (b | c)) | (b & c)`: at least two of the words; null with fewer than two. */
  pairs: string | null;
  /** Longer words to match by substring against the decisions' names. */
  typos: string[];
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

export function candidatesSql(workspace: Workspace, channelId: string, terms: SearchTerms, limit: number): SQL {
  // Accepted, not under review, visible from the channel: public, or recorded in this very channel.
  const eligible = sql`d.workspace_id = ${workspace.workspaceId} and d.status = 'accepted' and d.under_review_since is null
    and (d.channel_private = false or d.channel_id = ${channelId})`;
  // Search values go in as uncorrelated subqueries (InitPlans): evaluated once per statement, usable
  // as GIN index keys, and opaque to the planner, which therefore assumes a selective match and
  // takes the bitmap index path. With the constants visible it may estimate that thousands of rows
  // match and prefer a sequential scan with an early stop, which evaluates `@@` on every row it
  // passes (detoasting each vector): ten times slower at 10,000 decisions.
  const tsquery = (text: string) => sql`(select to_tsquery('english', ${text}))`;
  const any = terms.any ? tsquery(terms.any) : sql`null::tsquery`;
  // The passes carry only what ranking needs; the decisions' text is read for the few kept.
  const columns = sql`d.id, d.search`;
  const passes: SQL[] = [];
  if (terms.any) passes.push(sql`select *, false as by_name from first_pass`);
  if (terms.any && terms.pairs) {
    // Decisions sharing two of the message's words, in case the first pass was cut off before them:
    // a one-time filter, so it is not even scanned when the first pass found fewer.
    passes.push(sql`(select ${columns}, false from decisions d
      where (select count(*) from first_pass) >= ${MATCHES_RANKED} and d.search @@ ${tsquery(terms.pairs)} and ${eligible}
      limit ${MATCHES_RANKED})`);
  }
  if (terms.typos.length > 0) {
    const like = sql.join(terms.typos.map((w) => sql`d.match_text like (select ${`%${typoStem(w)}%`}::text)`), sql` or `);
    passes.push(sql`(select ${columns}, true from decisions d where (${like}) and ${eligible} limit ${TYPO_POOL})`);
  }
  const firstPass = terms.any
    ? sql`select ${columns} from decisions d where d.search @@ ${any} and ${eligible} limit ${MATCHES_RANKED}`
    : sql`select ${columns} from decisions d where false`;
  const similarity =
    terms.typos.length > 0
      ? sql`greatest(${sql.join(terms.typos.map((w) => sql`word_similarity(${w}, d.match_text)`), sql`, `)})`
      : sql`0::real`;
  // Each vector is ranked once, after the passes are cut off: ts_rank reads (and detoasts) it.
  return sql`
    with first_pass as materialized (${firstPass}),
    found as (select distinct on (id) * from (${sql.join(passes, sql` union all `)}) passes order by id, by_name desc),
    best as (
      select id, by_name, coalesce(ts_rank(search, ${any}), 0) as text_rank
      from found order by text_rank desc limit ${limit}
    )
    select d.id::text as id, d.ref::int as ref, d.title, d.rationale, d.context,
           d.alternatives::text as alternatives, d.aliases::text as aliases, d.tags::text as tags,
           best.text_rank::float8 as text_rank,
           (case when best.by_name then ${similarity} else 0 end)::float8 as trigram
    from best join decisions d on d.id = best.id
    order by text_rank desc, trigram desc, d.ref desc`;
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
 * `a | (b & c) | d` from words and names: only letters and digits (and the dots of version numbers)
 * reach to_tsquery, so no user text can inject query syntax. Multi-word names need all their words.
 */
export function toOrTsQuery(words: string[]): string | null {
  const terms = unique(words.slice(0, FULL_TEXT_MAX_WORDS).map(toTerm).filter((t) => t !== null));
  return terms.length > 0 ? terms.join(' | ') : null;
}

/**
 * Decisions sharing at least two of the words, written `(a & (b | c)) | (b & c)`: the same as
 * every pair OR-ed, in half the terms, and GIN evaluates the query tree for every row it reads.
 */
export function toPairsTsQuery(words: string[]): string | null {
  const terms = unique(words.map(toTerm).filter((t) => t !== null));
  const clauses: string[] = [];
  for (let i = 0; i < terms.length - 1; i++) clauses.push(`(${terms[i]} & (${terms.slice(i + 1).join(' | ')}))`);
  return clauses.length > 0 ? clauses.join(' | ') : null;
}

function toTerm(word: string): string | null {
  const parts = word.toLowerCase().match(/\d+(?:\.\d+)+|[\p{L}\p{N}]+/gu) ?? [];
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0]! : `(${parts.join(' & ')})`;
}

/** The message's own longer words (not the names retrieval added), longest first. */
function typoWordsOf(query: MessageQuery): string[] {
  const typed = new Set(query.text.match(/[\p{L}]+/gu) ?? []);
  return query.words
    .filter((w) => w.length >= TYPO_MIN_LENGTH && typed.has(w))
    .sort((a, b) => b.length - a.length)
    .slice(0, TYPO_MAX_WORDS);
}

function typoStem(word: string): string {
  return word.slice(0, Math.ceil(word.length * 0.6));
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function parseStrings(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
