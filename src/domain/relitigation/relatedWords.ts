import { plainTextOf } from './slackText.js';
import { stemOf, termBagOf } from './terms.js';
import type { MatchableDecision } from './types.js';
import type { WordVectors } from './wordVectors.js';

// A decision's most telling words, and a few neighbours each: enough to meet a message in other
// words, few enough that the index row stays small.
const SOURCE_WORDS = 24;
const MIN_WEIGHT = 0.4;

/**
 * Words near a decision's own in meaning (word-vector neighbours of its telling words), not in the
 * decision itself: what retrieval also finds it by ("homework" for a take-home exercise). Derived
 * by the model, so stored with its version (decision_index) and rebuilt by a reindex.
 */
export function relatedWordsOf(
  decision: Pick<MatchableDecision, 'title' | 'alternatives' | 'tags' | 'rationale' | 'context'>,
  vectors: WordVectors,
): string[] {
  const text = [decision.title, ...decision.alternatives, ...decision.tags, decision.rationale, decision.context]
    .map((t) => plainTextOf(t, { keepCode: true }).text)
    .join(' . ');
  const terms = termBagOf(text, vectors).terms;
  const own = new Set(terms.map((t) => t.stem));
  const related = new Set<string>();
  const telling = terms
    .filter((t) => t.weight >= MIN_WEIGHT && t.vectorId >= 0)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, SOURCE_WORDS);
  for (const term of telling)
    for (const near of vectors.neighboursOf(term.vectorId)) if (!own.has(stemOf(near))) related.add(near);
  return [...related];
}
