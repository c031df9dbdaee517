import type { MessageQuery } from '../../app/ports.js';
import { findConcepts, siblingsOf, uniqueConcepts } from './concepts.js';
import { plainTextOf } from './slackText.js';
import { isContentWord, tokenize } from './words.js';

// Enough for a long Slack message; the full-text query stays a cheap index lookup.
const MAX_OWN_WORDS = 24;
const MAX_WORDS = 72;
// Rivals are added only for concepts telling enough that their rivals are worth a lookup.
const SIBLING_MIN_WEIGHT = 0.6;

/**
 * What retrieval searches for a message: its own content words, then every other name of the
 * things it names (so "RN" finds "React Native"), then their rivals (so "Flutter" finds the
 * decision to stay on React Native). The database stems and weighs them; judging happens after.
 */
export function messageQuery(slackText: string): MessageQuery {
  const plain = plainTextOf(slackText);
  const tokens = tokenize(plain.text);
  const own = unique(tokens.filter(isContentWord).map((t) => t.lower)).slice(0, MAX_OWN_WORDS);
  const named = uniqueConcepts(findConcepts(tokens).map((m) => m.concept));
  const otherNames = named.flatMap((c) => c.names.map((n) => n.toLowerCase()));
  const rivals = named
    .filter((c) => c.weight >= SIBLING_MIN_WEIGHT)
    .flatMap((c) => siblingsOf(c).map((s) => s.canonical.toLowerCase()));
  return {
    words: unique([...own, ...otherNames, ...rivals]).slice(0, MAX_WORDS),
    text: plain.text.toLowerCase(),
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
