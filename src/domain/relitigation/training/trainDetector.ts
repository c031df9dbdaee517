import { type EvalCounts, countEval } from '../evalCounts.js';
import { linearScore, type SparseLinearModel, sigmoid, sparseScore } from '../linearModel.js';
import { plainTextOf } from '../slackText.js';
import { stanceFeatures } from '../stance.js';
import { termBagOf } from '../terms.js';
import { decisionViewOf, TOPIC_FEATURES, topicFeatures } from '../topicFeatures.js';
import type { MatchableDecision } from '../types.js';
import type { WordVectors } from '../wordVectors.js';
import { fitDense, fitSparse } from './logistic.js';

/** One labelled line of the training file (test/fixtures/relitigation/README.md). */
export interface TrainingLine {
  id: string;
  area: string;
  decision: string;
  message: string;
  label: 'relitigation' | 'related_not_relitigation' | 'unrelated';
}

export type Sensitivity = 'low' | 'normal' | 'high';

/**
 * The precision each channel sensitivity's warnings are calibrated to on cross-validation. A false
 * alarm costs a team's trust, so even "high" asks that most warnings be right.
 */
export const TARGET_PRECISION: Record<Sensitivity, number> = { low: 0.95, normal: 0.88, high: 0.75 };
// Weak verdicts are only counted in digests, yet should be right seven times in ten; the bar also
// keeps most channel chatter from reaching the database at all (see mayReopen).
const WEAK_PRECISION = 0.7;
// A threshold is only trusted where this many warnings back it.
const MIN_WARNINGS = 15;

export const STANCE_BUCKETS = 1 << 18;
const STANCE_FIT = { steps: 300, learningRate: 0.05, l2: 1e-4 };
const TOPIC_FIT = { steps: 400, learningRate: 0.05, l2: 1e-4 };

/** Precomputed inputs of one area: its decisions (a workspace of its own) and every line's features against them. */
interface AreaData {
  area: string;
  lines: { line: TrainingLine; own: number; stance: Map<number, number>; topic: number[][] }[];
}

export interface LineScore {
  line: TrainingLine;
  /** The best reading's score (topic × stance), and whether it is the line's own decision. */
  score: number;
  ownIsBest: boolean;
}

export interface TrainedParameters {
  stance: SparseLinearModel;
  topic: ReturnType<typeof fitDense> & { features: string[] };
  thresholds: Record<Sensitivity, { strong: number; weak: number }>;
}

export interface TrainingResult {
  parameters: TrainedParameters;
  /** Leave-one-area-out cross-validation at the calibrated "normal" threshold, overall and per area. */
  crossValidation: EvalCounts & { mode: 'offline'; threshold: number; areas: Record<string, EvalCounts> };
}

/**
 * Fits the detector on the training lines: a stance model over message features, a topic model
 * over message–decision features, and thresholds calibrated on leave-one-area-out
 * cross-validation (fit on seven areas, score the eighth), so they reflect topics the model was not
 * fitted on. `decisionOf` turns a decision's text into the record the app would keep.
 */
export function trainDetector(
  lines: TrainingLine[],
  vectors: WordVectors,
  decisionOf: (text: string, index: number) => MatchableDecision,
  progress: (message: string) => void = () => {},
): TrainingResult {
  progress('reading the training lines');
  const areas = prepareAreas(lines, vectors, decisionOf);
  const scores: LineScore[] = [];
  for (const held of areas) {
    progress(`cross-validation: fitting without ${held.area}`);
    const fitted = fit(areas.filter((a) => a !== held));
    scores.push(...scoreArea(held, fitted));
  }
  const thresholds = calibrate(scores);
  progress('fitting on every area');
  const final = fit(areas);
  const threshold = thresholds.normal.strong;
  const byArea: Record<string, EvalCounts> = {};
  for (const area of areas)
    byArea[area.area] = countAt(
      scores.filter((s) => s.line.area === area.area),
      threshold,
    );
  return {
    parameters: { ...final, thresholds },
    crossValidation: { ...countAt(scores, threshold), mode: 'offline', threshold, areas: byArea },
  };
}

function prepareAreas(
  lines: TrainingLine[],
  vectors: WordVectors,
  decisionOf: (text: string, index: number) => MatchableDecision,
): AreaData[] {
  const names = [...new Set(lines.map((l) => l.area))].sort();
  let decisionIndex = 0;
  return names.map((area) => {
    const own = lines.filter((l) => l.area === area);
    const texts = [...new Set(own.map((l) => l.decision))];
    const views = texts.map((text) => decisionViewOf(decisionOf(text, decisionIndex++), vectors));
    return {
      area,
      lines: own.map((line) => {
        const plain = plainTextOf(line.message);
        const bag = termBagOf(plain.text, vectors);
        return {
          line,
          own: texts.indexOf(line.decision),
          stance: stanceFeatures(plain, bag, STANCE_BUCKETS),
          topic: topicFeatures(bag, views, vectors).features,
        };
      }),
    };
  });
}

function fit(areas: AreaData[]): Omit<TrainedParameters, 'thresholds'> {
  const lines = areas.flatMap((a) => a.lines);
  const stance = {
    ...fitSparse(
      lines.map((l) => l.stance),
      lines.map((l) => (l.line.label === 'relitigation' ? 1 : 0)),
      STANCE_FIT,
    ),
    buckets: STANCE_BUCKETS,
  };
  // Topic: a reopening or related line is about its own decision and no other; an unrelated line about none.
  const rows: number[][] = [];
  const labels: number[] = [];
  for (const l of lines) {
    l.topic.forEach((features, d) => {
      rows.push(features);
      labels.push(l.line.label !== 'unrelated' && d === l.own ? 1 : 0);
    });
  }
  const topic = fitDense(rows, labels, TOPIC_FIT);
  return { stance, topic: { ...topic, features: [...TOPIC_FEATURES] } };
}

function scoreArea(area: AreaData, fitted: Omit<TrainedParameters, 'thresholds'>): LineScore[] {
  return area.lines.map((l) => {
    const stance = sigmoid(sparseScore(fitted.stance, l.stance));
    const topics = l.topic.map((features) => sigmoid(linearScore(fitted.topic, features)));
    let best = 0;
    for (let d = 1; d < topics.length; d++) if (topics[d]! > topics[best]!) best = d;
    return { line: l.line, score: topics[best]! * stance, ownIsBest: best === l.own };
  });
}

/** Counts as the eval does: a warning is the best reading when its score reaches the threshold. */
export function countAt(scores: LineScore[], threshold: number): EvalCounts {
  return countEval(
    scores.map((s) => {
      const warned = s.score >= threshold;
      const ownWarned = warned && s.ownIsBest && s.line.label === 'relitigation';
      return { label: s.line.label, ownWarned, othersWarned: warned && !ownWarned ? 1 : 0 };
    }),
  );
}

/**
 * For each sensitivity, the lowest score whose warnings (every line scoring at least that) reach
 * the target precision on cross-validation: the most warnings that precision allows.
 */
function calibrate(scores: LineScore[]): Record<Sensitivity, { strong: number; weak: number }> {
  const sorted = [...scores].sort((a, b) => b.score - a.score);
  const lowestAt = (target: number) => {
    let tp = 0;
    let warned = 0;
    let threshold = sorted[0]?.score ?? 1;
    for (const s of sorted) {
      warned += 1;
      if (s.line.label === 'relitigation' && s.ownIsBest) tp += 1;
      if (warned >= MIN_WARNINGS && tp / warned >= target) threshold = s.score;
    }
    return Math.round(threshold * 1e4) / 1e4;
  };
  const weak = lowestAt(WEAK_PRECISION);
  const at = (s: Sensitivity) => ({
    strong: lowestAt(TARGET_PRECISION[s]),
    weak: Math.min(weak, lowestAt(TARGET_PRECISION[s])),
  });
  return { low: at('low'), normal: at('normal'), high: at('high') };
}
