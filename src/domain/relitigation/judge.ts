import type { Detector } from './detector.js';
import { linearScore, sigmoid } from './linearModel.js';
import { type PlainText, plainTextOf } from './slackText.js';
import { stanceOf } from './stance.js';
import { type TermBag, termBagOf } from './terms.js';
import { type DecisionView, decisionViewOf, topicFeatures } from './topicFeatures.js';
import type { MatchableDecision, Tier, Verdict, WatchSensitivity } from './types.js';

/** A message read once: its plain text, its words, and its stance, which decides whether anything is looked up. */
export interface MessageReading {
  plain: PlainText;
  bag: TermBag;
  stance: number;
}

export function readMessage(detector: Detector, slackText: string): MessageReading {
  const plain = plainTextOf(slackText);
  const bag = termBagOf(plain.text, detector.vectors);
  return { plain, bag, stance: stanceOf(detector.model.stance, plain, bag) };
}

/**
 * Whether the message could reopen any decision under this sensitivity: a verdict's score is its
 * topic probability times the stance, so a stance below the weak threshold rules every decision
 * out, and most channel messages are judged without a database round trip.
 */
export function mayReopen(detector: Detector, message: MessageReading, sensitivity: WatchSensitivity): boolean {
  if (sensitivity === 'off') return false;
  return message.stance >= detector.model.thresholds[sensitivity].weak;
}

/** The detector's reading of a message against one candidate. */
export interface Assessment {
  decision: MatchableDecision;
  topic: number;
  stance: number;
  /** topic × stance: how likely the message reopens this decision. */
  score: number;
  reasons: Verdict['reasons'];
}

/** Topic, stance and reasons for every candidate, best first. */
export function assess(detector: Detector, message: MessageReading, candidates: MatchableDecision[]): Assessment[] {
  if (candidates.length === 0) return [];
  const views = candidates.map((c) => viewOf(detector, c));
  const { features, evidence } = topicFeatures(message.bag, views, detector.vectors);
  return candidates
    .map((decision, i) => {
      const topic = sigmoid(linearScore(detector.model.topic, features[i]!));
      return { decision, topic, stance: message.stance, score: topic * message.stance, reasons: evidence[i]! };
    })
    .sort((a, b) => b.score - a.score || b.decision.ref - a.decision.ref);
}

/**
 * Judges a message against the decisions retrieval found: at most one strong verdict (the best
 * reading, when it clears the sensitivity's threshold), and weak ones for the other likely readings.
 */
export function judge(
  detector: Detector,
  message: MessageReading,
  candidates: MatchableDecision[],
  sensitivity: WatchSensitivity,
): Verdict[] {
  if (sensitivity === 'off' || !mayReopen(detector, message, sensitivity)) return [];
  const thresholds = detector.model.thresholds[sensitivity];
  const verdicts: Verdict[] = [];
  for (const [i, a] of assess(detector, message, candidates).entries()) {
    let tier: Tier | null = null;
    if (i === 0 && a.score >= thresholds.strong) tier = 'strong';
    else if (a.score >= thresholds.weak) tier = 'weak';
    if (tier)
      verdicts.push({ decision: a.decision, topic: round(a.topic), stance: round(a.stance), tier, reasons: a.reasons });
  }
  return verdicts;
}

// Views of the decisions seen lately, by detector (a new model reads decisions anew) and id.
const views = new WeakMap<Detector, Map<string, { signature: string; view: DecisionView }>>();
const MAX_REMEMBERED_VIEWS = 2_000;

/** The same decisions come back as candidates message after message: their views are remembered. */
function viewOf(detector: Detector, decision: MatchableDecision): DecisionView {
  let cache = views.get(detector);
  if (!cache) {
    cache = new Map();
    views.set(detector, cache);
  }
  const signature = [
    decision.title,
    decision.rationale,
    decision.context,
    ...decision.alternatives,
    '',
    ...decision.tags,
  ].join('\u0000');
  const known = cache.get(decision.id);
  if (known && known.signature === signature) {
    cache.delete(decision.id);
    cache.set(decision.id, known);
    return { ...known.view, decision };
  }
  const view = decisionViewOf(decision, detector.vectors);
  if (cache.size >= MAX_REMEMBERED_VIEWS) cache.delete(cache.keys().next().value!);
  cache.set(decision.id, { signature, view });
  return view;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
