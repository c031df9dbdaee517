import { siblingsOf, uniqueConcepts } from './concepts.js';
import { type MessageReading, reading } from './message.js';
import type { MessageQuery } from './types.js';
import { GENERIC_WORDS, isContentWord } from './words.js';

// Enough for a long Slack message while the full-text query stays a cheap index lookup.
const MAX_OWN_WORDS = 12;
const MAX_NAMES_PER_CONCEPT = 6;
const MAX_WORDS = 32;
const MAX_RELATED = 16;
const MAX_RIVALS_PER_CONCEPT = 8;
const NAMES_MIN_WEIGHT = 0.5;
// Rivals are looked up only for concepts telling enough that their rivals matter.
const RIVALS_MIN_WEIGHT = 0.8;

/**
 * What retrieval searches for a message: what it names and its own telling words, then every
 * other name of the things it names (so "RN" finds "React Native"), and separately the rivals of
 * what it proposes (so "why not Flutter?" finds the decision to stay on React Native). Everyday
 * words ("team", "week", "use") and the words of arguing ("revisit", "instead") are left out: they
 * match a large share of any workspace's decisions and say nothing about which one is meant.
 */
export function messageQuery(message: string | MessageReading): MessageQuery {
  const { plain, whole, sentences } = reading(message);
  const own = unique(
    whole.tokens.filter((t) => isContentWord(t) && !GENERIC_WORDS.has(t.lower) && !GENERIC_WORDS.has(t.stem)).map((t) => t.lower),
  ).slice(0, MAX_OWN_WORDS);
  const named = [...whole.concepts];
  // Everyday concepts ("deploy": ship, shipping, release…) would widen the search more than they narrow it.
  const names = named
    .filter((c) => c.weight >= NAMES_MIN_WEIGHT)
    .flatMap((c) => c.names.slice(0, MAX_NAMES_PER_CONCEPT).map((n) => n.toLowerCase()));
  // The canonical names of what it names first, then its longest words: the most telling terms
  // lead, since retrieval pairs the first few.
  const canonical = named.filter((c) => c.weight >= RIVALS_MIN_WEIGHT).map((c) => c.canonical.toLowerCase());
  const longestFirst = [...own].sort((a, b) => b.length - a.length);
  const words = unique([...canonical, ...longestFirst, ...names]).slice(0, MAX_WORDS);
  // Rivals only of what the message proposes ("why not Flutter?"): those are how a message names
  // the decision it reopens without naming it. Looking up the rivals of everything it mentions
  // would multiply the rows the index reads.
  const proposed = sentences.flatMap((sentence) => [...sentence.proposed]);
  const rivals = uniqueConcepts(proposed)
    .filter((c) => c.weight >= RIVALS_MIN_WEIGHT)
    .flatMap((c) => siblingsOf(c).slice(0, MAX_RIVALS_PER_CONCEPT).map((s) => s.canonical.toLowerCase()));
  return {
    words,
    related: unique(rivals.filter((r) => !words.includes(r))).slice(0, MAX_RELATED),
    text: plain.text.toLowerCase(),
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
