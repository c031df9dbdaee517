import type { Concept } from './concepts.js';
import { type DecisionProfile, decisionProfile } from './profile.js';
import { type MessageReading, reading, type Sentence } from './message.js';
import { plainTextOf } from './slackText.js';
import { hasReopenCue, sentencesOf, type Stance, stanceScore } from './stance.js';
import { type Commonness, topicMatch } from './topic.js';
import type { RetrievedCandidate, Tier, Verdict, WatchSensitivity } from './types.js';

/** Everything the judge concluded about one candidate, before tiers are given. */
export interface Assessment {
  candidate: RetrievedCandidate;
  topic: number;
  stance: number;
  namesRejected: boolean;
  /** The message leans the way this decision went (see TopicMatch): no rival reading for another. */
  agreesWithIt: boolean;
  evidence: string[];
  cues: string[];
}

interface Thresholds {
  strong: { topic: number; stance: number };
  weak: { topic: number; stance: number };
}

/**
 * Where a verdict becomes strong (posts a warning) or weak (recorded for the digest only). Normal
 * is tuned for precision: a warning on a message that only mentions a decision teaches people to
 * ignore the bot. Low asks for more of both; high accepts vaguer topics and milder proposals.
 */
export const THRESHOLDS: Record<Exclude<WatchSensitivity, 'off'>, Thresholds> = {
  low: { strong: { topic: 0.6, stance: 0.55 }, weak: { topic: 0.45, stance: 0.35 } },
  normal: { strong: { topic: 0.5, stance: 0.42 }, weak: { topic: 0.35, stance: 0.25 } },
  high: { strong: { topic: 0.4, stance: 0.33 }, weak: { topic: 0.28, stance: 0.18 } },
};

// A sentence counts as being about a decision from this topic score on, and as clearly about one from the next.
const SENTENCE_TOPIC = 0.2;
const CLEARLY_ABOUT = 0.45;
// Naming what a decision turned down tips an open-minded message towards reopening; a message
// that works within a decision somewhere (a bug, a how-to, a status) is not open-minded.
const REJECTED_NAMED_PULL = 0.3;
const OPEN_MINDED_BELOW = 0.4;
// In a message of several sentences, the sentences that argue say what is reopened; the others
// ("postmortem doc is up") count for this much.
const OTHER_SENTENCES_FACTOR = 0.85;
// Two candidates this close in topic are a coin toss: neither gets a warning on topic alone.
const AMBIGUOUS_MARGIN = 0.05;
// Of decisions the message matches about as well, the one recorded in its own channel is named.
const RECORDED_HERE_EDGE = AMBIGUOUS_MARGIN;

/**
 * Judges a Slack message against the decisions retrieval found for it. Returns a verdict for each
 * decision the message may reopen: at most one strong (the clearest), the rest weak. 'off' is the
 * caller's business; it gets no verdicts here.
 */
export function judge(message: string | MessageReading, candidates: RetrievedCandidate[], sensitivity: WatchSensitivity): Verdict[] {
  const read = reading(message);
  if (sensitivity === 'off' || candidates.length === 0 || !mayReopen(read)) return [];
  const thresholds = THRESHOLDS[sensitivity];
  const assessments = assess(read, candidates).sort(clearestFirst);
  const verdicts: Verdict[] = [];
  let strongGiven = false;
  for (const a of assessments) {
    let tier: Tier | null = null;
    if (!strongGiven && a.topic >= thresholds.strong.topic && a.stance >= thresholds.strong.stance && !isAmbiguous(a, assessments)) {
      tier = 'strong';
      strongGiven = true;
    } else if (a.topic >= thresholds.weak.topic && a.stance >= thresholds.weak.stance) {
      tier = 'weak';
    }
    if (tier) verdicts.push({ decision: a.candidate.decision, topic: round(a.topic), stance: round(a.stance), tier });
  }
  return verdicts;
}

/**
 * Whether the message could reopen anything at all: some sentence has a reopening cue. Without
 * one there is no verdict, weak or strong, whatever it is about, so the caller need not look up
 * candidates (most messages in a channel are not proposals).
 */
export function mayReopen(message: string | MessageReading): boolean {
  if (typeof message !== 'string') return message.stances.some((stance) => stance.reopen > 0);
  // Text not read yet, as for most messages the watcher sees: only the reopening cues are looked for.
  const plain = plainTextOf(message);
  return sentencesOf(plain.text).some((sentence) => hasReopenCue(sentence, plain.emoji));
}

/** Topic and stance of the message for every candidate, with the reasons. */
export function assess(message: string | MessageReading, candidates: RetrievedCandidate[], { explain = false } = {}): Assessment[] {
  const { whole, sentences } = reading(message);
  const proposed = new Set(sentences.flatMap((s) => [...s.proposed]));
  const opposed = new Set(sentences.flatMap((s) => [...s.opposed]));
  const decisions = candidates.map((c) => decisionProfile(c.decision));
  const commonness = commonnessAmong(decisions);
  // Which sentences are about which decision.
  const sentenceTopics = sentences.map((s) =>
    decisions.map((d) => topicMatch(s.profile, d, commonness, { proposed: s.proposed, opposed: s.opposed }).score),
  );
  const withinAnywhere = Math.max(0, ...sentences.map((s) => s.stance.within));

  return candidates.map((candidate, i) => {
    const decision = decisions[i]!;
    const topic = topicMatch(whole, decision, commonness, { proposed, opposed, explain });
    const stance = stanceTowards(i, decision, sentences, sentenceTopics);
    let score = stance.score;
    if (withinAnywhere < OPEN_MINDED_BELOW && topic.namesRejected) score += (1 - score) * REJECTED_NAMED_PULL * (score > 0 ? 1 : 0.5);
    const arguing = Math.max(0, ...sentences.map((s, k) => (s.stance.reopen > 0 ? sentenceTopics[k]![i]! : 0)));
    return {
      candidate,
      topic: sentences.length > 1 ? Math.max(topic.score * OTHER_SENTENCES_FACTOR, arguing) : topic.score,
      stance: score,
      namesRejected: topic.namesRejected,
      agreesWithIt: topic.agreesWithIt,
      evidence: topic.evidence,
      cues: stance.cues,
    };
  });
}

/**
 * The message's stance towards decision `d`, from the sentences about `d` and those not clearly
 * about another decision ("can we revisit?"), each adding its part. A sentence proposing
 * something unrelated to `d` ("we should try Svelte" against an SSO decision) argues half as much
 * against it. What the other sentences say in working-within terms ("postmortem doc is up")
 * counts half.
 */
function stanceTowards(d: number, decision: DecisionProfile, sentences: Sentence[], sentenceTopics: number[][]): { score: number; cues: string[] } {
  const scores: number[] = [];
  const cues: string[] = [];
  sentences.forEach((sentence, s) => {
    const topics = sentenceTopics[s]!;
    const aboutThis = topics[d]! >= SENTENCE_TOPIC;
    const aboutAnother = topics.some((t, o) => o !== d && t >= CLEARLY_ABOUT);
    if (!aboutThis && aboutAnother) return;
    const proposesOtherThings = sentence.proposed.size > 0 && ![...sentence.proposed].some((c) => relatesTo(c, decision));
    const elsewhere = Math.max(0, ...sentences.filter((_, o) => o !== s).map((o) => o.stance.within));
    const stance: Stance = {
      ...sentence.stance,
      reopen: sentence.stance.reopen * (proposesOtherThings ? 0.5 : 1),
      within: 1 - (1 - sentence.stance.within) * (1 - elsewhere / 2),
    };
    const score = stanceScore(stance);
    if (score > 0) {
      scores.push(score);
      cues.push(...stance.cues);
    }
  });
  // A complaint in one sentence and a proposal in the next are one argument.
  return { score: 1 - scores.reduce((rest, score) => rest * (1 - score), 1), cues: [...new Set(cues)] };
}

function relatesTo(concept: Concept, decision: DecisionProfile): boolean {
  return decision.key.concepts.has(concept) || decision.body.concepts.has(concept) || concept.families.some((f) => decision.families.has(f));
}

/** The order verdicts are given in: the clearest reading first, and of near-equals the one recorded here. */
export function clearestFirst(a: Assessment, b: Assessment): number {
  return rank(b) - rank(a);
}

function rank(a: Assessment): number {
  return a.topic * a.stance + (a.candidate.recordedHere ? RECORDED_HERE_EDGE : 0);
}

function isAmbiguous(a: Assessment, all: Assessment[]): boolean {
  if (a.namesRejected) return false;
  // A decision the message goes along with is no rival reading of it, unless this one is too.
  return all.some(
    (o) => o !== a && (!o.agreesWithIt || a.agreesWithIt) && o.topic >= a.topic - AMBIGUOUS_MARGIN && o.stance >= a.stance - AMBIGUOUS_MARGIN,
  );
}

function commonnessAmong(decisions: DecisionProfile[]): Commonness {
  const words = new Map<string, number>();
  const pairs = new Map<string, number>();
  const concepts = new Map<Concept, number>();
  for (const d of decisions) {
    for (const stem of new Set([...d.key.words.keys(), ...d.body.words.keys()])) words.set(stem, (words.get(stem) ?? 0) + 1);
    for (const pair of new Set([...d.key.pairs, ...d.body.pairs])) pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
    for (const c of new Set([...d.key.concepts, ...d.body.concepts])) concepts.set(c, (concepts.get(c) ?? 0) + 1);
  }
  return {
    word: (stem) => Math.max(1, words.get(stem) ?? 1),
    pair: (pair) => Math.max(1, pairs.get(pair) ?? 1),
    concept: (concept) => Math.max(1, concepts.get(concept) ?? 1),
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

