import { plainTextOf } from './slackText.js';
import { type Term, type TermBag, termBagOf } from './terms.js';
import type { MatchableDecision, TopicEvidence } from './types.js';
import { cosineOf, type WordVectors } from './wordVectors.js';

/** A recorded decision as topic matching reads it: all its words, its title's, and what it turned down. */
export interface DecisionView {
  decision: MatchableDecision;
  all: TermBag;
  title: TermBag;
  rejected: { alternative: string; bag: TermBag }[];
}

export function decisionViewOf(decision: MatchableDecision, vectors: WordVectors): DecisionView {
  const plain = (text: string) => plainTextOf(text, { keepCode: true }).text;
  const all = [decision.title, ...decision.alternatives, ...decision.tags, decision.rationale, decision.context]
    .map(plain)
    .join(' . ');
  return {
    decision,
    all: termBagOf(all, vectors),
    title: termBagOf(plain(decision.title), vectors),
    rejected: decision.alternatives.map((alternative) => ({
      alternative,
      bag: termBagOf(plain(alternative), vectors),
    })),
  };
}

// A message word this close to a decision word (cosine) is "the same idea in other words".
export const NEAR_WORDS = 0.6;
const SOMEWHAT_NEAR = 0.4;
// A long message's meaning is compared through its most telling words only (TermBag.telling): a
// pasted issue of two hundred words would cost milliseconds per candidate. Shared words all count.
/** Names of the features, in the order topicFeatures returns them (the model's weights follow it). */
export const TOPIC_FEATURES = [
  'shared',
  'shared_in_title',
  'shared_in_rejected',
  'message_covered',
  'decision_covered',
  'mean_cosine',
  'alignment',
  'near_words',
  'somewhat_near_words',
  'title_alignment',
  'title_alignment_vs_best_other',
  'shared_vs_best_other',
  'mean_cosine_vs_best_other',
  'alignment_vs_best_other',
  'candidates',
] as const;

interface PairMeasures {
  shared: number;
  sharedInTitle: number;
  sharedInRejected: number;
  meanCosine: number;
  alignment: number;
  near: number;
  somewhatNear: number;
  titleAlignment: number;
  evidence: TopicEvidence;
}

/**
 * The features of a message against each candidate decision. Each pair is measured on its own
 * (shared words weighted by rarity, similarity of meaning from word vectors), then against the
 * best of the other candidates: a message is about the decision it matches best.
 */
export function topicFeatures(
  message: TermBag,
  decisions: DecisionView[],
  vectors: WordVectors,
): { features: number[][]; evidence: TopicEvidence[] } {
  const measures = decisions.map((d) => measure(message, d, vectors));
  const bestOther = (i: number, of: (m: PairMeasures) => number) =>
    Math.max(0, ...measures.filter((_, j) => j !== i).map(of));
  const features = measures.map((m, i) => [
    Math.log1p(m.shared),
    Math.log1p(m.sharedInTitle),
    Math.log1p(m.sharedInRejected),
    m.shared / (message.totalWeight + 1),
    m.shared / (decisions[i]!.all.totalWeight + 1),
    m.meanCosine,
    m.alignment,
    Math.log1p(m.near),
    Math.log1p(m.somewhatNear),
    m.titleAlignment,
    m.titleAlignment - bestOther(i, (o) => o.titleAlignment),
    Math.log1p(m.shared) - Math.log1p(bestOther(i, (o) => o.shared)),
    m.meanCosine - bestOther(i, (o) => o.meanCosine),
    m.alignment - bestOther(i, (o) => o.alignment),
    Math.log1p(decisions.length),
  ]);
  return { features, evidence: measures.map((m) => m.evidence) };
}

function measure(message: TermBag, decision: DecisionView, vectors: WordVectors): PairMeasures {
  const stems = new Set(decision.all.terms.map((t) => t.stem));
  const titleStems = new Set(decision.title.terms.map((t) => t.stem));
  const withVectors = decision.all.terms.filter((t) => t.vectorId >= 0);
  let shared = 0;
  let sharedInTitle = 0;
  let aligned = 0;
  let alignable = 0;
  let near = 0;
  let somewhatNear = 0;
  const sharedTerms: Term[] = [];
  const nearWords: { pair: [string, string]; weight: number }[] = [];
  for (const term of message.terms) {
    if (stems.has(term.stem)) {
      shared += term.weight;
      sharedTerms.push(term);
      if (titleStems.has(term.stem)) sharedInTitle += term.weight;
      aligned += term.weight;
      alignable += term.weight;
      continue;
    }
    if (term.vectorId < 0 || !message.telling.has(term)) continue;
    let best = 0;
    let bestWord = '';
    for (const d of withVectors) {
      const similarity = vectors.cosine(term.vectorId, d.vectorId);
      if (similarity > best) {
        best = similarity;
        bestWord = d.word;
      }
    }
    aligned += term.weight * best;
    alignable += term.weight;
    if (best >= NEAR_WORDS) {
      near += term.weight;
      nearWords.push({ pair: [term.word, bestWord], weight: term.weight * best });
    } else if (best >= SOMEWHAT_NEAR) somewhatNear += term.weight;
  }
  let sharedInRejected = 0;
  let rejectedNamed: string | null = null;
  for (const { alternative, bag } of decision.rejected) {
    const rejectedStems = new Set(bag.terms.map((t) => t.stem));
    const named = message.terms.filter((t) => rejectedStems.has(t.stem)).reduce((sum, t) => sum + t.weight, 0);
    if (named > sharedInRejected) {
      sharedInRejected = named;
      rejectedNamed = alternative;
    }
  }
  return {
    shared,
    sharedInTitle,
    somewhatNear,
    titleAlignment: titleAlignment(message, decision.title, vectors),
    sharedInRejected,
    meanCosine: cosineOf(message.mean, decision.all.mean),
    alignment: alignable > 0 ? aligned / alignable : 0,
    near,
    evidence: {
      sharedWords: sharedTerms.sort((a, b) => b.weight - a.weight).map((t) => t.word),
      nearWords: nearWords.sort((a, b) => b.weight - a.weight).map((n) => n.pair),
      rejectedNamed,
    },
  };
}

/**
 * How much of what the decision's title is about the message speaks of: each title word's best
 * match among the message's words (1 for the same stem, else cosine), weighted by rarity.
 */
function titleAlignment(message: TermBag, title: TermBag, vectors: WordVectors): number {
  const stems = new Set(message.terms.map((t) => t.stem));
  const withVectors = message.terms.filter((t) => t.vectorId >= 0 && message.telling.has(t));
  let aligned = 0;
  let total = 0;
  for (const term of title.terms) {
    total += term.weight;
    if (stems.has(term.stem)) {
      aligned += term.weight;
      continue;
    }
    if (term.vectorId < 0) continue;
    let best = 0;
    for (const m of withVectors) best = Math.max(best, vectors.cosine(term.vectorId, m.vectorId));
    aligned += term.weight * best;
  }
  return total > 0 ? aligned / total : 0;
}
