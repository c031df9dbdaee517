/**
 * How a detector did on labelled lines, counted as `eval-relitigation` counts (the scoring
 * contract of test/fixtures/relitigation/README.md); training's cross-validation counts the same way.
 */
export interface EvalCounts {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
  false_alarm_rate_related: number;
  false_alarm_rate_unrelated: number;
}

export type EvalLabel = 'relitigation' | 'related_not_relitigation' | 'unrelated';

/** One line as judged: its label, whether its own decision was warned about, and how many others were. */
export interface JudgedLine {
  label: EvalLabel;
  /** Counts for `relitigation` lines only: on the other labels every warning is a false alarm. */
  ownWarned: boolean;
  othersWarned: number;
}

/**
 * True positive: a reopening line whose own decision is warned about; false negative: one whose
 * is not; false positive: every other decision warned about, on any line.
 */
export function countEval(lines: JudgedLine[]): EvalCounts {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const alarms = { related_not_relitigation: 0, unrelated: 0 };
  const totals = { related_not_relitigation: 0, unrelated: 0 };
  for (const line of lines) {
    fp += line.othersWarned;
    if (line.label === 'relitigation') {
      if (line.ownWarned) tp += 1;
      else fn += 1;
    } else {
      totals[line.label] += 1;
      if (line.othersWarned > 0) alarms[line.label] += 1;
    }
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const rate = (label: keyof typeof totals) => (totals[label] === 0 ? 0 : alarms[label] / totals[label]);
  return {
    precision: round(precision),
    recall: round(recall),
    f1: round(precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)),
    tp,
    fp,
    fn,
    false_alarm_rate_related: round(rate('related_not_relitigation')),
    false_alarm_rate_unrelated: round(rate('unrelated')),
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
