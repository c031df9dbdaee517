import type { MessageReading } from './judge.js';
import type { MessageQuery } from './types.js';

// Enough for a long Slack message while the full-text query stays a cheap index lookup.
const MAX_WORDS = 16;
// Words this common ("team", "week") match a large share of any ledger and say little.
const MIN_WEIGHT = 0.35;
const TYPO_MIN_LENGTH = 7;
const MAX_TYPO_WORDS = 2;

/**
 * What retrieval searches for a message: its telling words, the rarest first (rarity from the
 * word vectors' frequency ranks), and its longest words for typo matching.
 */
export function messageQuery(message: MessageReading): MessageQuery {
  const terms = message.bag.terms.filter((t) => t.weight >= MIN_WEIGHT);
  const words = terms
    .sort((a, b) => b.weight - a.weight || b.word.length - a.word.length)
    .map((t) => t.word)
    .slice(0, MAX_WORDS);
  const typos = words
    .filter((w) => w.length >= TYPO_MIN_LENGTH && /^\p{L}+$/u.test(w))
    .sort((a, b) => b.length - a.length)
    .slice(0, MAX_TYPO_WORDS);
  return { words, typos, text: message.plain.text.toLowerCase() };
}
