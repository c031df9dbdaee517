import { type DecisionContent, LIMITS } from '../decision.js';
import { type Concept, conceptsIn } from './concepts.js';
import { plainTextOf } from './slackText.js';

/** What a decision is known by, beyond its own words, and what it turned down. */
export interface MatchingTerms {
  /** Other names of the things it names (Datadog → DD; Kubernetes → k8s), for retrieval. */
  aliases: string[];
  /** Alternatives its text rejects: "No new styled-components or other CSS-in-JS", "We are not renewing Splunk". */
  rejected: string[];
}

// Aliases are only added for telling concepts; "deploy" → "ship" would widen every search.
const ALIAS_MIN_WEIGHT = 0.8;
// match_text (the trigram column) holds the aliases, and trigram similarity costs time linear in its length.
const MAX_ALIASES = 12;
const MAX_PHRASE_WORDS = 4;

export function inferMatchingTerms(content: Pick<DecisionContent, 'title' | 'context' | 'rationale' | 'consequences' | 'alternatives'>): MatchingTerms {
  const sentences = [content.title, content.rationale, content.context, content.consequences]
    .map((t) => plainTextOf(t, { keepCode: true }).text)
    .flatMap((t) => t.split(/(?<=[.!?;])\s+/))
    .map((s) => s.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim())
    .filter((s) => s !== '');
  const rejected = sentences.flatMap(rejectedIn);
  const written = [...sentences, ...content.alternatives, ...rejected].join(' . ').toLowerCase();
  // Other names only of what the decision is about — what its title names, and what it turned
  // down — not of everything its reasons mention: "the schema keeps changing every sprint" in a
  // database decision must not make it a decision about sprints.
  const about = plainTextOf([content.title, ...content.alternatives, ...rejected].join(' . '), { keepCode: true }).text;
  const aliases: string[] = [];
  for (const concept of conceptsIn(about)) {
    if (concept.weight < ALIAS_MIN_WEIGHT) continue;
    for (const name of concept.names) {
      if (!containsName(written, name) && !aliases.some((a) => a.toLowerCase() === name.toLowerCase())) aliases.push(name);
    }
  }
  return { aliases: aliases.slice(0, MAX_ALIASES), rejected: dedupe(rejected) };
}

/**
 * The content to store: the person's own alternatives first, then the rejected ones read from the
 * text (case-insensitively new), within the record's limits; aliases likewise.
 */
export function withMatchingTerms(content: DecisionContent): DecisionContent {
  const inferred = inferMatchingTerms(content);
  const given = new Set(content.alternatives.map(dedupeKey));
  const newlyRejected = dedupe(inferred.rejected).filter((r) => r.length <= LIMITS.alternative && !given.has(dedupeKey(r)));
  const knownAliases = new Set(content.aliases.map(dedupeKey));
  return {
    ...content,
    alternatives: [...content.alternatives, ...newlyRejected].slice(0, Math.max(LIMITS.alternatives, content.alternatives.length)),
    aliases: [...content.aliases, ...inferred.aliases.filter((a) => !knownAliases.has(dedupeKey(a)))].slice(
      0,
      Math.max(MAX_ALIASES, content.aliases.length),
    ),
  };
}

// Verbs that, negated, turn their object down: "we are not adopting MongoDB", "won't renew Splunk".
const TURN_DOWN_VERB =
  '(?:adopt|adopting|add|adding|use|using|renew|renewing|migrate to|migrating to|move to|moving to|switch to|switching to|do|doing|allow|allowing|support|supporting|introduce|introducing|build|building|keep|keeping|buy|buying|pursue|pursuing|write|writing|go with|going with|run|running)';
const NEGATED_VERB = new RegExp(
  `\\b(?:not|never|no longer|won'?t|don'?t|doesn'?t)\\s+(?:be\\s+|going to\\s+)?${TURN_DOWN_VERB}\\s+(?:any\\s+|new\\s+|more\\s+)*([^.;:,]+)`,
  'gi',
);
// "We are dropping Bugsnag", "replace Jenkins with …", "moving off Heroku".
const TURNING_AWAY =
  /\b(?:dropping|drop|removing|remove|retiring|retire|deprecating|deprecate|sunsetting|phasing out|phase out|decommissioning|decommission|moving off|move off|moving away from|move away from|migrating off|migrate off|migrating away from|migrate away from|getting rid of|get rid of|abandoning|abandon|replacing|replace)\s+(?:the\s+|our\s+)?([^.;:,]+?)(?=\s+(?:with|by|in favou?r of|at|for|from|after|before)\b|[.;:,]|$)/gi;
const INSTEAD_OF = /\b(?:instead of|rather than)\s+([^.;:,]+)/gi;
const CHOSE_OVER = /\b(?:chose|chosen|picked|prefer|preferred|selected|went with|going with)\b[^.;:]*?\bover\s+([^.;:,]+)/gi;
const EVALUATED_AND_NOT =
  /\b(?:evaluated|considered|rejected|ruled out|looked at|tried|compared)\s+([^.;:]+?)\s+(?:and|but)\s+(?:we\s+)?(?:are|is|were|was|did|do|will|have|decided)\s*(?:not|n't|against)\b/gi;
const PASSIVE_TURN_DOWN =
  /(?:^|[,;:]\s*|\b(?:and|but)\s+)([^,;:]+?)\s+(?:is|are|was|were|has been|have been|will be|gets|get)\s+(?:being\s+)?(?:decommissioned|deprecated|removed|retired|dropped|sunset|sunsetted|phased out|not allowed|not used|not permitted|banned|rejected|frozen|deleted|not supported|no longer (?:used|supported|allowed))\b/gi;
// Lazy, so "MongoDB was ruled out" turns down MongoDB, not "MongoDB was".
const REJECTED_BY_NAME = /(?:^|[,;:]\s*)([^\s,;:]+(?:\s+[^\s,;:]+){0,2}?)\s+(?:was\s+|were\s+)?(?:rejected|ruled out)\b/gi;
// "No new standalone service repos", "no CloudFormation, no Pulumi", "There will be no unlimited free tier".
// A full stop ends the clause only before a space: ".env" and "Node.js" are names.
const NO_CLAUSE =
  /(?:^|[,;:]\s*|\b(?:and|but|be|is|are)\s+)no\s+((?:new|more|other|further)\s+)*((?:[^.;:()]|\.(?=\S))+?)(?=\s*(?:,\s*(?:no|except|including|unless)\b|\.(?:\s|$)|[;:()]|,\s*$|$))/gi;
const CLAUSE_END = /\s+(?:because|since|so that|until|unless|except|including|when|if|after that|by end|by the end|for now)\b.*$/i;
const PREPOSITION = /\s+(?:in|on|to|for|via|through|after|before|during|from|at|into|with|without|under|over|behind)(?:\s+|(?=\.))/i;
const LEADING_FILLER = /^(?:(?:the|a|an|any|all|our|their|its|new|more|other|further|existing|old|legacy|some)\s+)+/i;
const NOT_A_NAME = /^(?:I|The|A|An|We|Our|No|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays|January|February|March|April|May|June|July|August|September|October|November|December|Q[1-4])$/;

/** Alternatives one sentence turns down. */
function rejectedIn(sentence: string): string[] {
  const found: string[] = [];
  for (const pattern of [NEGATED_VERB, TURNING_AWAY, INSTEAD_OF, CHOSE_OVER]) {
    // The object ends where a prepositional phrase starts: "over Jest for speed" turns down Jest.
    for (const match of sentence.matchAll(pattern)) found.push(...listItems(beforePreposition(match[1]!)));
  }
  for (const pattern of [EVALUATED_AND_NOT, PASSIVE_TURN_DOWN, REJECTED_BY_NAME]) {
    for (const match of sentence.matchAll(pattern)) found.push(...listItems(match[1]!));
  }
  for (const match of sentence.matchAll(NO_CLAUSE)) found.push(...fromNoClause(match[2]!));
  return found.filter((item) => item.split(/\s+/).length <= MAX_PHRASE_WORDS);
}

/**
 * "No X": a short X is the thing turned down ("No self-merging"). With a place after it ("No
 * secrets in .env files, Kubernetes manifests or repo secrets", "No new workloads on ECS"), the
 * named places are; the head only counts if it names something.
 */
function fromNoClause(object: string): string[] {
  const clause = object.replace(CLAUSE_END, '').trim();
  const preposition = PREPOSITION.exec(clause);
  if (!preposition) {
    const items = listItems(clause);
    return items.filter((item) => namesSomething(item) || item.includes('-') || item.split(/\s+/).length >= 2);
  }
  const head = listItems(clause.slice(0, preposition.index));
  const tail = listItems(clause.slice(preposition.index + preposition[0].length)).filter((item) => !PREPOSITION.test(` ${item}`));
  return [...head, ...tail].filter(namesSomething);
}

function beforePreposition(phrase: string): string {
  const preposition = PREPOSITION.exec(phrase);
  return preposition ? phrase.slice(0, preposition.index) : phrase;
}

/** "styled-components or other CSS-in-JS" → both; "header-based or date-based versioning" → both, with the shared noun. */
function listItems(phrase: string): string[] {
  const items = phrase
    .replace(CLAUSE_END, '')
    .split(/\s*,\s*(?:and\s+|or\s+|nor\s+)?|\s+(?:or|and|nor)\s+(?:other\s+|any\s+)?/i)
    .map((item) => item.replace(LEADING_FILLER, '').replace(/[\s,.!?]+$/, '').trim())
    .filter((item) => item !== '' && /[\p{L}\p{N}]/u.test(item));
  const last = items[items.length - 1];
  const sharedNoun = last && last.split(/\s+/).length > 1 ? last.split(/\s+/).pop()! : null;
  return items.map((item, i) =>
    i < items.length - 1 && sharedNoun && /^[\p{L}]+-[\p{L}-]+$/u.test(item) ? `${item} ${sharedNoun}` : item,
  );
}

/** A product-like name: a known concept, or a word written like a name (DynamoDB, S3, k8s, .env, Jenkins). */
function namesSomething(phrase: string): boolean {
  if (phrase === '') return false;
  if (conceptsIn(phrase).some((c: Concept) => c.weight >= ALIAS_MIN_WEIGHT)) return true;
  // Capitalised (Jenkins), camel-cased (DynamoDB), letters then digits (S3, k8s) or a dotfile (.env); not "3pm".
  return phrase.split(/\s+/).some((word) => !NOT_A_NAME.test(word) && /^[A-Z]|[a-z][A-Z]|^[A-Za-z]+\d|^\.\w/.test(word));
}

function containsName(written: string, name: string): boolean {
  const escaped = name.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])${escaped}(?:$|[^\\p{L}\\p{N}])`, 'u').test(written);
}

function dedupe(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = dedupeKey(v);
    if (key === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** "CSS-in-JS" and "css in js" are the same alternative. */
function dedupeKey(value: string): string {
  return value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
