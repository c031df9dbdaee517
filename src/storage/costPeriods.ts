import { type SQL, sql } from 'drizzle-orm';
import { type DayEdge, dayEdgeOf } from '../domain/period.js';

/**
 * Which of consecutive periods a cost falls in, as SQL over `cost_daily` and `cost_events`.
 *
 * A cost counts at its (day, instant): its day in the team's zone when it was recorded, then its
 * instant. An edge is (its local day, its instant), or (its day, -infinity) when it is that day's
 * first instant, and a cost falls in the period whose edges enclose it. While the zone has not
 * changed that is the same as comparing instants; after a change it still gives every cost to
 * exactly one of consecutive periods, the one its day's sums say.
 *
 * Days no edge cuts through are whole inside one period: their sums in `cost_daily` serve. A day an
 * edge cuts through is read from its events, of which there are a handful.
 */
export interface PeriodCut {
  /** Days some edge cuts through, read from their events. */
  cutDays: string[];
  /** The index of the period a `cost_daily` row of a whole day falls in (null outside them all). */
  periodOfDay: SQL;
  /** `cost_daily` rows of whole days inside the periods. */
  wholeDays: SQL;
  /** The index of the period a `cost_events` row falls in (null outside them all). */
  periodOfEvent: SQL;
  /** `cost_events` rows inside the periods (any day); `day` bounds first, for the index. */
  eventsWithin: SQL;
  /** `cost_events` rows inside the periods on the days edges cut through. */
  eventsOnCutDays: SQL;
}

/** The cut of consecutive periods `[edges[0], edges[1])`, `[edges[1], edges[2])`…, edges ascending. */
export function periodCut(edges: Date[], timeZone: string): PeriodCut {
  if (edges.length < 2) throw new RangeError('periods need at least two edges');
  const cut = edges.map((at) => dayEdgeOf(at, timeZone));
  const first = cut[0]!;
  const last = cut.at(-1)!;
  const cutDays = [...new Set(cut.filter((e) => !e.startsDay).map((e) => e.day))];
  const inner = cut.slice(1);
  const periodOf = (before: (edge: DayEdge) => SQL) =>
    sql.join([sql`case`, ...inner.map((edge, i) => sql`when ${before(edge)} then ${i}`), sql`end`], sql` `);
  const eventBefore = (edge: DayEdge) => sql`(day, occurred_at) < (${edge.day}::date, ${eventKey(edge)}::timestamptz)`;
  const eventsWithin = sql`day >= ${first.day}::date and day <= ${last.day}::date
    and (day, occurred_at) >= (${first.day}::date, ${eventKey(first)}::timestamptz) and ${eventBefore(last)}`;
  const onCutDays =
    cutDays.length > 0
      ? sql`day in (${sql.join(
          cutDays.map((d) => sql`${d}::date`),
          sql`, `,
        )})`
      : sql`false`;
  return {
    cutDays,
    periodOfDay: periodOf((edge) => sql`day < ${edge.day}::date`),
    wholeDays:
      cutDays.length > 0
        ? sql`day >= ${first.day}::date and day < ${last.day}::date and not (${onCutDays})`
        : sql`day >= ${first.day}::date and day < ${last.day}::date`,
    periodOfEvent: periodOf(eventBefore),
    eventsWithin,
    eventsOnCutDays: sql`${onCutDays} and ${eventsWithin}`,
  };
}

/** An edge's instant, or -infinity when it opens its day: then every cost of that day lies after it. */
function eventKey(edge: DayEdge): string {
  return edge.startsDay ? '-infinity' : edge.at.toISOString();
}
