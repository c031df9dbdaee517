import { type Concept, siblingsOf } from './concepts.js';
import type { DecisionProfile, DecisionText, TextProfile } from './profile.js';

/** How surely a message (or one sentence of it) is about a decision, and why. */
export interface TopicMatch {
  /** 0–1. */
  score: number;
  /**
   * The message names something the decision turned down (or a thing of the same kind), or argues
   * against what it chose ("no more X", "instead of X"): the strongest sign of reopening it.
   */
  namesRejected: boolean;
  /** The message names an alternative to what the decision chose (same family, not in the decision). */
  namesSibling: boolean;
  /**
   * The message leans the way the decision went: it proposes what the decision chose, or argues
   * against what it turned down. Whatever it reopens, it is not this decision.
   */
  agreesWithIt: boolean;
  /** Human-readable reasons, for the eval's --verbose output and for tests. */
  evidence: string[];
}

/**
 * How common each word, word pair and concept is among the decisions being compared: sharing a
 * word that many candidates share ("service") says less than sharing one only this decision has
 * ("inbox"); a phrase of reasons many decisions gave ("cannot hire fast enough") says less than
 * the name of the one service a decision is about.
 */
export interface Commonness {
  word(stem: string): number;
  pair(pair: string): number;
  concept(concept: Concept): number;
}

// Evidence weights. A product both sides name is worth about as much as three shared rare words.
const SAME_CONCEPT_IN_NAMES = 1.0;
const SAME_CONCEPT_IN_REASONS = 0.6;
const SIBLING_CONCEPT = 0.5;
// A rival named as what should be done instead ("why not run Tekton") is about the decision it would replace.
const PROPOSED_FACTOR = 1.5;
const REJECTED_BONUS = 0.35;
const REJECTED_PHRASE = 0.9;
// Arguing against what a decision turned down, or for what it chose, is evidence the message means another one.
const CONTRADICTION = 0.35;
// Two shared words alone stay below the strong bar (1 − e^(−0.66) < 0.5): it takes a third, a phrase or a concept.
const WORD_IN_NAMES = 0.33;
const WORD_IN_REASONS = 0.18;
const GENERIC_FACTOR = 0.2;
const TYPO_FACTOR = 0.7;
const PAIR = 0.3;
const PAIR_IN_REASONS_FACTOR = 0.4;
const MAX_PAIRS = 3;

/**
 * Adds up the evidence that a text is about a decision — the same concepts, rivals of what it
 * chose, what it turned down, shared words (rarer ones count more, words of its names more than
 * words of its reasons), shared word pairs, misspellings of its names — and maps the sum to 0–1
 * with 1 − e^(−sum): each further piece of evidence adds less.
 */
export function topicMatch(
  message: TextProfile,
  decision: DecisionProfile,
  commonness: Commonness,
  {
    proposed = new Set(),
    opposed = new Set(),
    explain = false,
  }: { proposed?: ReadonlySet<Concept>; opposed?: ReadonlySet<Concept>; explain?: boolean } = {},
): TopicMatch {
  const evidence: string[] = [];
  let sum = 0;
  let namesRejected = false;
  let namesSibling = false;
  let agreesWithIt = false;
  // Reasons are text only when asked for: judging runs on every message and allocates little.
  const add = (weight: number, why: () => string) => {
    sum += weight;
    if (explain) evidence.push(`${why()} +${weight.toFixed(2)}`);
  };

  const credited = new Set<Concept>();
  const siblingFamilies = new Set<string>();
  for (const concept of message.concepts) {
    const rarity = commonness.concept(concept) ** -0.25;
    if (decision.key.concepts.has(concept) || decision.body.concepts.has(concept)) {
      const where = decision.key.concepts.has(concept) ? SAME_CONCEPT_IN_NAMES : SAME_CONCEPT_IN_REASONS;
      add(where * concept.weight * rarity, () => concept.canonical);
      credited.add(concept);
      if (decision.rejectedConcepts.has(concept)) {
        if (opposed.has(concept)) {
          // "switch from X", "drop X" where the decision already turned X down: the message is about another choice.
          agreesWithIt = true;
          add(-CONTRADICTION * concept.weight, () => `argues against what it turned down: ${concept.canonical}`);
        } else {
          namesRejected = true;
          add(REJECTED_BONUS * concept.weight * (proposed.has(concept) ? PROPOSED_FACTOR : 1), () => `turned down: ${concept.canonical}`);
        }
      } else if (opposed.has(concept)) {
        // "no more X", "drop X", "instead of X" where X is what the decision chose.
        namesRejected = true;
        add(REJECTED_BONUS * concept.weight, () => `argues against: ${concept.canonical}`);
      } else if (proposed.has(concept) && decision.key.concepts.has(concept)) {
        // Proposing what the decision chose is agreeing with it (or not knowing it), not reopening it.
        agreesWithIt = true;
        add(-CONTRADICTION * concept.weight, () => `proposes what it chose: ${concept.canonical}`);
      }
      continue;
    }
    const kind = concept.kinds.find((k) => decision.rejectedKinds.has(k));
    if (kind) {
      namesRejected = true;
      add(REJECTED_BONUS * concept.weight * (proposed.has(concept) ? PROPOSED_FACTOR : 1), () => `kin of what was turned down: ${concept.canonical} (${kind})`);
    }
    const family = concept.families
      .filter((f) => decision.families.has(f) && !siblingFamilies.has(f))
      .sort((a, b) => decision.families.get(b)! - decision.families.get(a)!)[0];
    if (family && siblingsOf(concept).some((s) => decision.key.concepts.has(s) || decision.body.concepts.has(s))) {
      siblingFamilies.add(family);
      namesSibling = true;
      const factor = (proposed.has(concept) ? PROPOSED_FACTOR : 1) * decision.families.get(family)!;
      add(SIBLING_CONCEPT * concept.weight * factor, () => `${concept.canonical} (${family}${proposed.has(concept) ? ', proposed' : ''})`);
    }
  }

  const messageStems = message.tokens.map((t) => t.stem);
  for (const phrase of decision.rejectedPhrases) {
    if (phrase.length > 1 && containsSequence(messageStems, phrase) && !phraseCredited(phrase, decision, credited)) {
      namesRejected = true;
      add(REJECTED_PHRASE, () => `turned down: ${phrase.join(' ')}`);
    }
  }

  for (const [stem, generic] of message.words) {
    const inNames = decision.key.words.has(stem);
    const inReasons = !inNames && decision.body.words.has(stem);
    const factor = (generic ? GENERIC_FACTOR : 1) / Math.sqrt(commonness.word(stem));
    if (inNames) add(WORD_IN_NAMES * factor, () => stem);
    else if (inReasons) add(WORD_IN_REASONS * factor, () => stem);
    else if (!generic && stem.length >= 5) {
      const typo = typoOf(stem, decision.key);
      if (typo) {
        const weight = typo.concept && !credited.has(typo.concept) ? SAME_CONCEPT_IN_NAMES * typo.concept.weight : WORD_IN_NAMES;
        if (typo.concept) credited.add(typo.concept);
        add(weight * TYPO_FACTOR, () => `${stem}≈${typo.stem}`);
      }
    }
  }

  let pairs = 0;
  for (const pair of message.pairs) {
    if (pairs >= MAX_PAIRS) break;
    const inNames = decision.key.pairs.has(pair);
    if (!inNames && !decision.body.pairs.has(pair)) continue;
    pairs += 1;
    // As for words: a phrase every candidate shares tells them apart no better than none.
    const rarity = 1 / Math.sqrt(commonness.pair(pair));
    if (inNames) add(PAIR * rarity, () => `"${pair}"`);
    // A phrase of its reasons ("cannot hire fast enough") is shared by every decision that gave them.
    else add(PAIR * PAIR_IN_REASONS_FACTOR * rarity, () => `"${pair}" (reasons)`);
  }

  return { score: 1 - Math.exp(-Math.max(0, sum)), namesRejected, namesSibling, agreesWithIt, evidence };
}

function containsSequence(haystack: string[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let k = 0; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

function phraseCredited(phrase: string[], decision: DecisionProfile, credited: Set<Concept>): boolean {
  return [...credited].some((c) => decision.rejectedConcepts.has(c) && phrase.length <= c.canonical.split(/\s+/).length + 1);
}

/** A decision word one edit away (a typo: "terrafrom", "kubernets"), with the concept it names, if any. */
function typoOf(stem: string, names: DecisionText): { stem: string; concept: Concept | null } | null {
  for (const word of names.longWords) {
    if (Math.abs(word.stem.length - stem.length) <= 1 && withinOneEdit(stem, word.stem)) return word;
  }
  return null;
}

/** Damerau–Levenshtein distance ≤ 1 (one insertion, deletion, substitution or swap of neighbours). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
