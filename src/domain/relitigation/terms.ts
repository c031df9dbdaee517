import { stemmer } from 'stemmer';
import type { WordVectors } from './wordVectors.js';

/** A word of a text as the detector weighs it. */
export interface Term {
  /** Lower-cased, as written (what an explanation shows). */
  word: string;
  /** Porter stem: "caching" and "caches" meet. */
  stem: string;
  /** 0–1, from how rare the word is (see WordVectors.informativeness). */
  weight: number;
  /** Id in the word-vector table, or -1. */
  vectorId: number;
}

/** A text's distinct content words (one per stem, the first spelling kept) and their weighted mean vector. */
export interface TermBag {
  terms: Term[];
  /** The most telling terms (at most TELLING), those whose meaning is compared word by word. */
  telling: Set<Term>;
  totalWeight: number;
  mean: Float32Array;
}

// A long message's meaning is compared through its most telling words only (see topicFeatures).
const TELLING = 40;

// Runs of letters and digits; linear on any input.
const WORD = /[\p{L}\p{N}]+/gu;
const DIGITS = /^\d+$/;
// A number says little by itself ("3 weeks", "2 engineers").
const NUMBER_WEIGHT = 0.2;

/** Every word of a plain text, lower-cased, in order (duplicates kept). */
export function wordsOf(plainText: string): string[] {
  return plainText.toLowerCase().match(WORD) ?? [];
}

export function termBagOf(plainText: string, vectors: WordVectors): TermBag {
  const seen = new Map<string, Term>();
  for (const word of wordsOf(plainText)) {
    if (word.length < 2) continue;
    const stem = stemOf(word);
    if (seen.has(stem)) continue;
    const vectorId = vectors.idOf(word);
    const weight = DIGITS.test(word) ? NUMBER_WEIGHT : vectors.informativeness(vectorId);
    if (weight > 0) seen.set(stem, { word, stem, weight, vectorId });
  }
  const terms = [...seen.values()];
  const mean = new Float32Array(vectors.dims);
  let totalWeight = 0;
  for (const t of terms) {
    totalWeight += t.weight;
    if (t.vectorId >= 0) vectors.addTo(mean, t.vectorId, t.weight);
  }
  const telling = new Set([...terms].sort((a, b) => b.weight - a.weight).slice(0, TELLING));
  return { terms, telling, totalWeight, mean };
}

const stems = new Map<string, string>();
const MAX_REMEMBERED_STEMS = 50_000;

/** Porter stem of a lower-cased word, remembered. */
export function stemOf(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = stemmer(word);
    if (stems.size >= MAX_REMEMBERED_STEMS) stems.clear();
    stems.set(word, stem);
  }
  return stem;
}
