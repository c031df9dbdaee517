import { type CostKind, type CostSum, type CostTotals, sumCostsByCurrency } from '../costs/sums.js';
import { formatRef } from '../decision.js';
import { COMMAND } from '../command.js';

/**
 * A reflection digest: what a channel decided, changed, let lapse and argued again over one period,
 * what coordinating cost, and a few questions drawn from those facts. Pure: the caller reads the
 * facts and the clock; this orders them, compares the periods and picks the questions.
 */

/** A decision as a digest lists it. Title is Slack-encoded, as stored. */
export interface DigestDecision {
  ref: number;
  title: string;
  permalink: string | null;
  /** `YYYY-MM-DD`; null for an imported record whose file gave no date. */
  decidedOn: string | null;
  deciders: string[];
}

export type DigestChange = 'superseded' | 'reversed' | 'deprecated';

export interface DigestChangedDecision {
  decision: DigestDecision;
  change: DigestChange;
  /** The decision that replaced it, when one did. */
  by: { ref: number } | null;
}

export type DigestRevisit = DigestDecision & { /** `YYYY-MM-DD`, on or before the period's end. */ revisitOn: string };

export interface DigestRelitigatedDecision {
  ref: number;
  title: string;
  /** Warnings posted about it in the period. */
  warnings: number;
  /** Of those, the ones people confirmed as a reopening. */
  confirmed: number;
}

export interface DigestRelitigation {
  /** Warnings posted. */
  warned: number;
  /** Warnings people confirmed as a reopening. */
  confirmed: number;
  /** Warnings people marked as not a reopening. */
  dismissed: number;
  /** Matches too uncertain to warn about, recorded for the digest only. */
  weak: number;
  byDecision: DigestRelitigatedDecision[];
}

export type DigestCostKind = CostKind;
export type DigestCostTotals = CostTotals;

export interface DigestData {
  period: { label: string; start: Date; end: Date };
  /** Decisions made in the period: recorded in it, or imported with a date in it. */
  decided: DigestDecision[];
  /** Records imported in the period, whatever their dates: history brought in, not decided now. */
  imported: number;
  changed: DigestChangedDecision[];
  dueForRevisit: DigestRevisit[];
  relitigation: DigestRelitigation;
  costs: { current: DigestCostTotals[]; previous: DigestCostTotals[] };
  /** A few sentences from the LLM when one is configured; null otherwise. */
  narrative: string | null;
}

/** How one kind of cost (in one currency) moved against the previous period. */
export interface DigestCostTrend {
  kind: DigestCostKind;
  currency: string;
  /** Percent change of person-hours (waiting hours for review waits); null when there was none before. */
  percent: number | null;
}

export type DigestCostSum = CostSum;

export interface Digest extends DigestData {
  /** Nothing decided, changed, due or argued again: the digest says so briefly. Costs and imports do not count. */
  empty: boolean;
  /** One per kind and currency of the current period, in the order meeting, review wait, relitigation. */
  trend: DigestCostTrend[];
  /** The current period's costs summed per currency. */
  totals: DigestCostSum[];
  /** Percent change of all person-hours against the previous period; null when there were none before. */
  personHoursChange: number | null;
  /** Two or three questions for the team, most pressing first. Refs only, no user text. */
  questions: string[];
}

/** Warnings about one decision from which the digest asks whether it needs a supersede. */
export const REOPENED_AT_LEAST = 2;
/** A rise in person-hours, in percent, from which the digest asks which meeting could have been a record. */
export const COST_RISE_PERCENT = 25;
/** Dismissed warnings from which (when they outnumber the confirmed ones) the digest asks whether the watcher is too eager. */
export const DISMISSED_AT_LEAST = 3;
const MAX_QUESTIONS = 3;
const KIND_ORDER: readonly DigestCostKind[] = ['meeting', 'review_wait', 'relitigation'];

export function buildDigest(data: DigestData): Digest {
  const byRef = (a: { ref: number }, b: { ref: number }) => a.ref - b.ref;
  // Most pressing first, so whatever a long list has to leave out is the least of it.
  const decided = [...data.decided].sort(byRef);
  const changed = [...data.changed].sort((a, b) => byRef(a.decision, b.decision));
  const dueForRevisit = [...data.dueForRevisit].sort((a, b) => a.revisitOn.localeCompare(b.revisitOn) || byRef(a, b));
  const relitigation = { ...data.relitigation, byDecision: [...data.relitigation.byDecision].sort(mostReopenedFirst) };
  const current = [...data.costs.current].sort(byKindAndCurrency);
  const previous = [...data.costs.previous].sort(byKindAndCurrency);
  const narrative = data.narrative?.trim() || null;

  const empty =
    decided.length === 0 &&
    changed.length === 0 &&
    dueForRevisit.length === 0 &&
    relitigation.warned === 0 &&
    relitigation.byDecision.length === 0;
  const trend = current.map((line) => ({ kind: line.kind, currency: line.currency, percent: trendOf(line, previous) }));
  const personHoursChange = percentChange(
    sum(current, (c) => c.personHours),
    sum(previous, (c) => c.personHours),
  );

  const digest: Omit<Digest, 'questions'> = {
    period: data.period,
    decided,
    imported: data.imported,
    changed,
    dueForRevisit,
    relitigation,
    costs: { current, previous },
    narrative,
    empty,
    trend,
    totals: sumCostsByCurrency(current),
    personHoursChange,
  };
  return { ...digest, questions: questionsFor(digest) };
}

function mostReopenedFirst(a: DigestRelitigatedDecision, b: DigestRelitigatedDecision): number {
  return b.warnings - a.warnings || b.confirmed - a.confirmed || a.ref - b.ref;
}

function byKindAndCurrency(a: DigestCostTotals, b: DigestCostTotals): number {
  return KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.currency.localeCompare(b.currency);
}

/** Review waits are delay first: they trend on hours waited, the other kinds on person-hours. */
function measure(line: DigestCostTotals): number {
  return line.kind === 'review_wait' ? line.waitHours : line.personHours;
}

function trendOf(line: DigestCostTotals, previous: DigestCostTotals[]): number | null {
  const before = previous.find((p) => p.kind === line.kind && p.currency === line.currency);
  return before ? percentChange(measure(line), measure(before)) : null;
}

function percentChange(now: number, before: number): number | null {
  return before > 0 ? ((now - before) / before) * 100 : null;
}

function sum<T>(items: T[], of: (item: T) => number): number {
  return items.reduce((total, item) => total + of(item), 0);
}

/** Person-hours, money and build-hours per currency (money in different currencies never adds up). */

/**
 * Questions in order of how much they ask of the team: a decision that keeps coming back, revisits
 * nobody took up, a rise in coordination, a watcher people keep overruling, a quiet period, a
 * supersede people may have missed. When the facts raise fewer than two, gentler ones fill in. Deterministic: the same facts ask the same.
 */
function questionsFor(digest: Omit<Digest, 'questions'>): string[] {
  const questions: string[] = [];
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

  const mostReopened = digest.relitigation.byDecision[0];
  if (mostReopened && mostReopened.warnings >= REOPENED_AT_LEAST) {
    const confirmed = mostReopened.confirmed > 0 ? ` (${mostReopened.confirmed} confirmed)` : '';
    questions.push(
      `${formatRef(mostReopened.ref)} was reopened ${mostReopened.warnings} times${confirmed}: does it need a supersede?`,
    );
  }

  const overdue = digest.dueForRevisit;
  if (overdue.length === 1) {
    questions.push(
      `${formatRef(overdue[0]!.ref)} was due for a revisit on ${overdue[0]!.revisitOn}: who owns revisiting it?`,
    );
  } else if (overdue.length > 1) {
    const oldest = overdue[0]!;
    questions.push(
      `${overdue.length} decisions are past their revisit date, the oldest ${formatRef(oldest.ref)} since ${oldest.revisitOn}: who owns revisiting them?`,
    );
  }

  const rise = digest.personHoursChange;
  if (rise !== null && rise >= COST_RISE_PERCENT) {
    questions.push(
      `Coordination took ${Math.round(rise)}% more person-hours than the period before: which meeting could have been a decision record?`,
    );
  }

  const { dismissed, confirmed } = digest.relitigation;
  if (dismissed >= DISMISSED_AT_LEAST && dismissed > confirmed) {
    questions.push(
      `${plural(dismissed, 'relitigation warning was', 'relitigation warnings were')} dismissed as not a reopening: is the watcher too eager? \`${COMMAND} watch low\` makes it quieter.`,
    );
  }

  if (digest.decided.length === 0) {
    questions.push(
      'No decisions were recorded this period: was anything settled in a meeting, a call or a DM that belongs in the ledger?',
    );
  }

  const replaced = digest.changed.find((c) => c.by !== null);
  if (replaced) {
    questions.push(
      `${formatRef(replaced.decision.ref)} was superseded by ${formatRef(replaced.by!.ref)}: has everyone who relied on ${formatRef(replaced.decision.ref)} heard?`,
    );
  }

  if (digest.decided.length > 0) {
    questions.push(
      `Of the ${plural(digest.decided.length, 'decision', 'decisions')} recorded this period, which is likeliest to be argued again, and does its record say why it was taken?`,
    );
  }
  questions.push('What did the team argue about this period that never became a decision record?');

  // The last two pushes always make at least two.
  return questions.slice(0, MAX_QUESTIONS);
}
