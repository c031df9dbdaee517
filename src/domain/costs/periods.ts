import { DateTime } from 'luxon';

export type PeriodKind = 'week' | 'month' | 'quarter';

/** A reporting period in a team's zone; weeks are ISO weeks, starting Monday. */
export interface CostPeriod {
  kind: PeriodKind;
  start: Date;
  /** Exclusive: the start of the next period. */
  end: Date;
  /** `2026-W47`, `November 2026`, `Q4 2026`. */
  label: string;
}

/** The period of `kind` that contains `now`, with its edges at midnight in `timeZone`. */
export function costPeriod(kind: PeriodKind, now: Date, timeZone: string): CostPeriod {
  // English labels whatever the host's locale: the Slack edge decides how to present them.
  const start = DateTime.fromJSDate(now, { zone: timeZone }).setLocale('en-US').startOf(kind);
  const end = start.plus({ [kind]: 1 });
  return { kind, start: start.toJSDate(), end: end.toJSDate(), label: labelOf(kind, start) };
}

/** The period just before `period`, of the same kind. */
export function previousPeriod(period: CostPeriod, timeZone: string): CostPeriod {
  return costPeriod(period.kind, new Date(period.start.getTime() - 1), timeZone);
}

function labelOf(kind: PeriodKind, start: DateTime): string {
  if (kind === 'week') return start.toFormat("kkkk-'W'WW");
  if (kind === 'month') return start.toFormat('LLLL yyyy');
  return `Q${start.quarter} ${start.year}`;
}
