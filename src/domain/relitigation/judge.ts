import type { Concept } from './concepts.js';
import { type DecisionProfile, decisionProfile, profileOf } from './profile.js';
import { plainTextOf } from './slackText.js';
import { type Stance, sentencesOf, stanceOf, stanceScore } from './stance.js';
import { type Commonness, topicMatch } from './topic.js';
import type { RetrievedCandidate, Tier, Verdict, WatchSensitivity } from './types.js';

/** Everything the judge concluded about one candidate, before tiers are given. */
export interface Assessment {
  candidate: RetrievedCandidate;
  topic: number;
  stance: number;
  namesRejected: boolean;
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

// A sentence counts as being about a decision from this topic score on.
const SENTENCE_TOPIC = 0.2;
// Naming what a decision turned down (or a rival of what it chose) tips an open-minded message towards reopening.
const REJECTED_NAMED_PULL = 0.3;
const SIBLING_NAMED_PULL = 0.15;
// Two candidates this close in topic are a coin toss: neither gets a warning on topic alone.
const AMBIGUOUS_MARGIN = 0.04;

/**
 * Judges a Slack message against the decisions retrieval found for it. Returns a verdict for each
 * decision the message may reopen: at most one strong (the clearest), the rest weak. 'off' is the
 * caller's business; it gets no verdicts here.
 */
export function judge(messageText: string, candidates: RetrievedCandidate[], sensitivity: WatchSensitivity): Verdict[] {
  if (sensitivity === 'off' || candidates.length === 0) return [];
  const thresholds = THRESHOLDS[sensitivity];
  const assessments = assess(messageText, candidates).sort((a, b) => b.topic * b.stance - a.topic * a.stance);
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

/** Topic and stance of the message for every candidate, with the reasons. */
export function assess(messageText: string, candidates: RetrievedCandidate[]): Assessment[] {
  const plain = plainTextOf(messageText);
  const whole = profileOf(plain.text);
  const sentences = sentencesOf(plain.text).map((text) => ({ profile: profileOf(text), stance: stanceOf(text, plain.emoji) }));
  const decisions = candidates.map((c) => decisionProfile(c.decision));
  const commonness = commonnessAmong(decisions);

  // Which sentences are about which decision.
  const sentenceTopics = sentences.map((s) => decisions.map((d) => topicMatch(s.profile, d, commonness).score));

  return candidates.map((candidate, i) => {
    const topic = topicMatch(whole, decisions[i]!, commonness);
    const stance = stanceTowards(i, sentences, sentenceTopics);
    let score = stanceScore(stance);
    const withinAnywhere = Math.max(0, ...sentences.map((s) => s.stance.within));
    if (withinAnywhere < 0.4) {
      if (topic.namesRejected) score += (1 - score) * REJECTED_NAMED_PULL * (score > 0 ? 1 : 0.5);
      else if (topic.namesSibling) score += (1 - score) * SIBLING_NAMED_PULL * (score > 0 ? 1 : 0.5);
    }
    return {
      candidate,
      topic: topic.score,
      stance: score,
      namesRejected: topic.namesRejected,
      evidence: topic.evidence,
      cues: stance.cues,
    };
  });
}

/**
 * The message's stance towards decision `d`: the strongest stance among the sentences about `d`
 * and the sentences about no decision at all ("can we revisit?"), never one about another
 * decision. What the other sentences say in working-within terms ("postmortem doc is up")
 * counts half.
 */
function stanceTowards(d: number, sentences: { stance: Stance }[], sentenceTopics: number[][]): Stance {
  let best: Stance = { reopen: 0, within: 0, cues: [] };
  let bestScore = -1;
  sentences.forEach((sentence, s) => {
    const topics = sentenceTopics[s]!;
    const aboutThis = topics[d]! >= SENTENCE_TOPIC;
    const aboutNone = topics.every((t) => t < SENTENCE_TOPIC);
    if (!aboutThis && !aboutNone) return;
    const elsewhere = Math.max(0, ...sentences.filter((_, o) => o !== s).map((o) => o.stance.within));
    const stance: Stance = {
      reopen: sentence.stance.reopen,
      within: 1 - (1 - sentence.stance.within) * (1 - elsewhere / 2),
      cues: sentence.stance.cues,
    };
    const score = stanceScore(stance);
    if (score > bestScore) {
      best = stance;
      bestScore = score;
    }
  });
  return best;
}

function isAmbiguous(a: Assessment, all: Assessment[]): boolean {
  if (a.namesRejected) return false;
  return all.some((o) => o !== a && o.topic >= a.topic - AMBIGUOUS_MARGIN && o.stance >= a.stance - AMBIGUOUS_MARGIN);
}

function commonnessAmong(decisions: DecisionProfile[]): Commonness {
  const words = new Map<string, number>();
  const concepts = new Map<Concept, number>();
  for (const d of decisions) {
    for (const stem of new Set([...d.key.words.keys(), ...d.body.words.keys()])) words.set(stem, (words.get(stem) ?? 0) + 1);
    for (const c of new Set([...d.key.concepts, ...d.body.concepts])) concepts.set(c, (concepts.get(c) ?? 0) + 1);
  }
  return {
    word: (stem) => Math.max(1, words.get(stem) ?? 1),
    concept: (concept) => Math.max(1, concepts.get(concept) ?? 1),
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

