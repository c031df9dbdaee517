import { DateTime } from 'luxon';
import { dayIn } from './costs/days.js';
import { addToDate } from './dates.js';

/**
 * A stretch of time `[start, end)`: what every count of the ledger covers — a digest's facts, its
 * preview, `/decide costs` and the chart's bars. Instants, not days: a digest posted Friday 16:00
 * counts Friday's morning meeting this week and its evening one next week, as it does decisions.
 * Consecutive periods share their edge, so together they count everything once.
 */
export interface Period {
  start: Date;
  /** Exclusive: the next period's start. */
  end: Date;
}

/**
 * Where an edge between periods falls in a zone's calendar. Costs are summed per local day; a day
 * an edge cuts through is read from its events (by their instant), every other day from its sums.
 */
export interface DayEdge {
  at: Date;
  /** `YYYY-MM-DD`, the local day `at` falls on. */
  day: string;
  /** `at` is that day's first instant: the whole day lies after the edge, and its sums serve. */
  startsDay: boolean;
}

export function dayEdgeOf(at: Date, timeZone: string): DayEdge {
  const day = dayIn(at, timeZone);
  return { at, day, startsDay: firstInstantOf(day, timeZone).getTime() === at.getTime() };
}

/**
 * The dates a record known only by its date counts for in `period`: those whose first instant (in
 * `timeZone`) lies in it, as `[from, to)`. Every date belongs to exactly one of consecutive periods.
 */
export function datesStartingIn(period: Period, timeZone: string): { from: string; to: string } {
  return {
    from: firstDateStartingAtOrAfter(period.start, timeZone),
    to: firstDateStartingAtOrAfter(period.end, timeZone),
  };
}

/** The last date whose first instant comes before `at`: a revisit due on it is due by then. */
export function lastDateStartingBefore(at: Date, timeZone: string): string {
  const edge = dayEdgeOf(at, timeZone);
  return edge.startsDay ? addToDate(edge.day, -1, 'day') : edge.day;
}

/**
 * Where the `count` periods of `days` calendar days before `start` begin, oldest first: the same
 * local time, so a change of clocks between them moves no edge.
 */
export function earlierByDays(start: Date, days: number, timeZone: string, count: number): Date[] {
  const local = DateTime.fromJSDate(start, { zone: timeZone });
  return Array.from({ length: count }, (_, k) => local.minus({ days: days * (count - k) }).toJSDate());
}

function firstDateStartingAtOrAfter(at: Date, timeZone: string): string {
  const edge = dayEdgeOf(at, timeZone);
  return edge.startsDay ? edge.day : addToDate(edge.day, 1, 'day');
}

/** The first instant of a local day (midnight, or the end of a gap where the clocks skip midnight). */
function firstInstantOf(day: string, timeZone: string): Date {
  return DateTime.fromISO(day, { zone: timeZone }).startOf('day').toJSDate();
}
