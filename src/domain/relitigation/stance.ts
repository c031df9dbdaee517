import { hashedFeatures } from './hashedFeatures.js';
import { type SparseLinearModel, sigmoid, sparseScore } from './linearModel.js';
import type { PlainText } from './slackText.js';
import { type TermBag, wordsOf } from './terms.js';

// The meaning of the message as a whole (its mean word vector) helps the stance model with words
// it never saw in training; scaled so it does not drown the words themselves (chosen on
// cross-validation).
const MEANING_SCALE = 0.5;

/**
 * A message's stance, whatever it is about: how likely it argues to reopen, replace or be exempt
 * from something decided, rather than to implement, cite, ask how-to or report a bug. A logistic
 * model over the message's words, word pairs, first words, emoji and punctuation, learned from
 * labelled messages (see trainDetector); what carries a stance ("can we", "why are we still",
 * "honestly", ":upside_down_face:") is learned, not listed. The hashed features take buckets
 * [0, buckets); the message's mean word vector the next `dims`.
 */
export function stanceFeatures(plain: PlainText, bag: TermBag, buckets: number): Map<number, number> {
  const words = wordsOf(plain.text);
  const names: string[] = [];
  for (let i = 0; i < words.length; i++) {
    names.push(`w:${words[i]}`);
    if (i > 0) names.push(`p:${words[i - 1]} ${words[i]}`);
  }
  names.push(`first:${words[0] ?? ''}`, `first2:${words.slice(0, 2).join(' ')}`);
  for (const emoji of plain.emoji) names.push(`emoji:${emoji}`);
  if (plain.text.includes('?')) names.push('has:question');
  if (plain.text.includes('!')) names.push('has:exclamation');
  if (plain.hadCode) names.push('has:code');
  names.push(`length:${Math.min(6, Math.floor(Math.log2(1 + words.length)))}`);
  const features = hashedFeatures(names, buckets);
  let norm = 0;
  for (const x of bag.mean) norm += x * x;
  if (norm > 0) {
    bag.mean.forEach((x, i) => {
      features.set(buckets + i, (MEANING_SCALE * x) / Math.sqrt(norm));
    });
  }
  return features;
}

/** Probability (0–1) that the message argues to reopen something. */
export function stanceOf(model: SparseLinearModel, plain: PlainText, bag: TermBag): number {
  return sigmoid(sparseScore(model, stanceFeatures(plain, bag, model.buckets)));
}
