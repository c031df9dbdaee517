import { type SQL, sql } from 'drizzle-orm';
import type { MessageQuery, RelitigationIndex, Workspace } from '../app/ports.js';
import type { RetrievedCandidate } from '../domain/relitigation/types.js';
import type { Db } from './database.js';
import { rowsOf } from './insertDecisions.js';

// The message's lexemes that decisions of the workspace carry, rarest first: those scored.
const KNOWN_TERMS = 8;
// The rarest of those in decisions' names, in threes, pairs and alone, are what the passes look up.
const ANCHORS = 8;
// A word at most this many decisions name is telling alone: all of them are read.
const RARE_IN_NAMES = 32;
// Each pass is cut off, so a message of common words costs a bounded amount of work.
const PASS_LIMIT = 32;
const FALLBACK_LIMIT = 24;
// Typo matching: the longer words the message itself typed, by their first 60% (a typo late in a
// word leaves its start intact: "terrafrom" still contains "terraf").
const TYPO_MIN_LENGTH = 7;
const TYPO_MAX_WORDS = 2;
const TYPO_POOL = 8;
// What the message typed counts whole; other names of what it names (added by messageQuery: "k8s"
// for "Kubernetes") count half, since a decision already carries the aliases of what it names and
// a product with five names must not outweigh the one word that says which service it is about;
// rivals of what it proposes ("flutter" for "react native") count less again.
const NAME_WEIGHT = 0.5;
const RIVAL_WEIGHT = 0.3;
// A word in a decision's names (title, alternatives, aliases, tags: what it chose, turned down and
// applies to) says what the decision is about; one only in its reasons says little, since reasons
// echo complaints many decisions share. Chosen and turned down weigh the same here: which way a
// message leans is the judge's question.
const IN_REASONS = 0.1;

/**
 * Finds the recorded decisions a message may be about, in one statement, led by the message's
 * rarest words in this workspace (decision_terms, kept by triggers): in a ledger where forty
 * services each chose a message queue, "orders" picks the decision "switch orders from Kafka to
 * SQS" reopens, where "kafka" would pick any of forty.
 * - The message's words and names become lexemes (to_tsvector, as the decisions' vectors were
 *   made); those no decision carries drop out, the rest are weighted 1/√(decisions carrying it).
 * - Passes over the `search` GIN index: decisions sharing two of the six rarest lexemes; every
 *   decision carrying one that at most 32 decisions carry; only when those found too few, any
 *   decision sharing one of the six; and pg_trgm for typos and names the stemmer does not know
 *   (`match_text LIKE '%terraf%'` on the trigram GIN index, word_similarity for the rows kept).
 * - Every decision found is scored by the weights of the lexemes it shares with the message (less
 *   for those only in its reasons); the best `limit` are read whole.
 * No pass reads every decision of the workspace; the same SQL runs on PGlite and PostgreSQL.
 */
export function createRelitigationIndex(db: Db): RelitigationIndex {
  return {
    async candidates(workspace, channelId, query, limit) {
      const terms = searchTerms(query);
      if (terms.own === '' && terms.typos.length === 0) return [];
      const result = await db.execute(candidatesSql(workspace, channelId, terms, limit));
      return rowsOf<CandidateRow>(result).map(toCandidate);
    },
  };
}

export interface SearchTerms {
  /** The message as typed (lower-cased, markup removed), for to_tsvector. */
  typed: string;
  /** The message's telling words and the names of what it names, for to_tsvector. */
  own: string;
  /** Rivals of what it proposes, for to_tsvector. */
  related: string;
  /** Longer words to match by substring against the decisions' names. */
  typos: string[];
}

/** What the passes search for, from the domain's MessageQuery. */
export function searchTerms(query: MessageQuery): SearchTerms {
  return { typed: query.text, own: query.words.join(' '), related: query.related.join(' '), typos: typoWordsOf(query) };
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
  const lexemesOf = (text: string) => sql`unnest(tsvector_to_array(to_tsvector('english', ${text}::text)))`;
  // A pass's tsquery is built from the anchors as text and put in as an uncorrelated subquery (an
  // InitPlan): evaluated once per statement, usable as a GIN index key, and opaque to the planner,
  // which therefore takes the bitmap index path rather than a sequential scan that evaluates `@@`
  // on every row it passes.
  const pass = (clauses: SQL, cap: number, when: SQL = sql`true`) => sql`(select d.id from decisions d
      where ${when} and d.search @@ (select string_agg(clause, ' | ')::tsquery from (${clauses}) clauses) and ${eligible}
      limit ${cap})`;
  const passes: SQL[] = [
    sql`select id, false as by_name from by_words`,
    // Only when the passes over names found too few: any decision carrying one of the rarest words anywhere.
    sql`select id, false from ${pass(sql`select quote_literal(term) as clause from known order by decisions, term limit ${ANCHORS}`, FALLBACK_LIMIT, sql`(select count(*) from by_words) < ${limit}`)} fallback`,
  ];
  if (terms.typos.length > 0) {
    const like = sql.join(terms.typos.map((w) => sql`d.match_text like (select ${`%${typoStem(w)}%`}::text)`), sql` or `);
    passes.push(sql`(select d.id, true from decisions d where (${like}) and ${eligible} limit ${TYPO_POOL})`);
  }
  const similarity =
    terms.typos.length > 0
      ? sql`greatest(${sql.join(terms.typos.map((w) => sql`word_similarity(${w}, d.match_text)`), sql`, `)})`
      : sql`0::real`;
  return sql`
    with message_terms as (
      select term,
             case when bool_or(source = 'typed') and bool_or(source = 'own') then 1.0
                  when bool_or(source = 'own') then ${NAME_WEIGHT}::float8
                  else ${RIVAL_WEIGHT}::float8 end as weight
      from (
        select ${lexemesOf(terms.own)} as term, 'own' as source
        union all
        select ${lexemesOf(terms.typed)}, 'typed'
        union all
        select ${lexemesOf(terms.related)}, 'rival'
      ) lexemes
      -- Quoted into tsquery text below: the rare lexeme with a quote or backslash is left out, not escaped.
      where strpos(term, '''') = 0 and strpos(term, chr(92)) = 0
      group by term
      -- What the message typed counts only where messageQuery kept it: not its everyday words.
      having bool_or(source <> 'typed')
    ),
    known as materialized (
      select m.term, s.decisions, s.in_names as named_by, m.weight,
             -- Inverse document frequency, over the decisions the workspace has recorded (refs are sequential).
             m.weight * ln(1 + greatest(w.next_ref - 1, s.decisions)::float8 / s.decisions) as score_weight,
             quote_literal(m.term)::tsquery as anywhere,
             (quote_literal(m.term) || ':AB')::tsquery as in_names
      from message_terms m
      join decision_terms s on s.workspace_id = ${workspace.workspaceId} and s.term = m.term
      join workspaces w on w.workspace_id = ${workspace.workspaceId}
      where s.decisions > 0
      order by s.decisions, m.term
      limit ${KNOWN_TERMS}
    ),
    -- Words the message typed, so one product's five names do not fill every combination; the
    -- names of what it names only when it typed none that decisions name.
    anchors as materialized (
      select row_number() over (order by weight < 1, named_by, term) as n, quote_literal(term) || ':AB' as q, named_by
      from known
      where named_by > 0 and (weight = 1 or not exists (select 1 from known typed where typed.weight = 1 and typed.named_by > 0))
      order by weight < 1, named_by, term limit ${ANCHORS}
    ),
    by_three as materialized (
      ${pass(sql`select '(' || a.q || ' & ' || b.q || ' & ' || c.q || ')' as clause from anchors a join anchors b on a.n < b.n join anchors c on b.n < c.n`, PASS_LIMIT)}
    ),
    by_words as materialized (
      select id from by_three
      union
      -- Pairs only when threes found too few: a one-time filter, so the index is not even read otherwise.
      ${pass(sql`select '(' || a.q || ' & ' || b.q || ')' as clause from anchors a join anchors b on a.n < b.n`, PASS_LIMIT, sql`(select count(*) from by_three) < ${limit}`)}
      union
      ${pass(sql`select q as clause from anchors where named_by <= ${RARE_IN_NAMES}`, PASS_LIMIT)}
    ),
    found as (select id, bool_or(by_name) as by_name from (${sql.join(passes, sql` union all `)}) passes group by id),
    best as (
      select f.id, f.by_name, shared.score
      from found f join decisions d on d.id = f.id
      cross join lateral (
        select coalesce(sum(k.score_weight * (case when d.search @@ k.in_names then 1.0 else ${IN_REASONS}::float8 end)), 0) as score
        from known k where d.search @@ k.anywhere
      ) shared
      order by shared.score desc, f.id
      limit ${limit}
    )
    select d.id::text as id, d.ref::int as ref, d.title, d.rationale, d.context,
           d.alternatives::text as alternatives, d.aliases::text as aliases, d.tags::text as tags,
           best.score::float8 as text_rank,
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

function parseStrings(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
