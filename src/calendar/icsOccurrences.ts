import type { DateWithTimeZone, VEvent } from 'node-ical';
import { DateTime } from 'luxon';

/**
 * A series' base VEVENT or one of its RECURRENCE-ID overrides. node-ical types overrides as
 * `Omit<VEvent, 'recurrences'>`, which its index signature collapses to `Record<string, unknown>`;
 * at run time they are plain VEVENTs.
 */
export type EventComponent = VEvent;

export type Occurrence = {
  /**
   * Which instance of the series this is: its RECURRENCE-ID when overridden, else its start.
   * RFC 5545 identifies an instance by UID + RECURRENCE-ID, so a moved instance keeps its slot.
   */
  slot: Date;
  start: Date;
  end: Date;
  /** The override for this instance, else the series itself. */
  component: EventComponent;
  series: VEvent;
};

export type Expansion = {
  occurrences: Occurrence[];
  /** Instances looked at, in the window or not: what the caller's budget is charged. */
  processed: number;
  /** Some instances were not looked at: over budget, or the RRULE could not be expanded. */
  truncated: boolean;
};

/**
 * The occurrences of one parsed VEVENT that start in [from, to), honouring EXDATE and
 * RECURRENCE-ID overrides, at most `budget` of them.
 *
 * Written here rather than with node-ical's `expandRecurringEvent`, which
 * - misses an override moved into the window from a slot outside it,
 * - widens `to` to the end of the day when `to` is midnight in the *host's* time zone,
 * - returns every instance at once with no cap.
 * The RRULE itself is node-ical's: it is expanded in DTSTART's TZID, so a 10:00 Berlin
 * meeting stays at 10:00 local across a DST change.
 */
export function expandOccurrences(series: VEvent, window: { from: Date; to: Date }, budget: number): Expansion {
  const bySlot = new Map<string, Occurrence>();
  let truncated = false;

  if (series.rrule) {
    const duration = series.end ? series.end.getTime() - series.start.getTime() : Number.NaN;
    // Throws past rrule-temporal's own 10,000-iteration guard (e.g. FREQ=SECONDLY).
    let slots: Date[];
    try {
      slots = series.rrule.between(window.from, window.to, true);
    } catch {
      slots = [];
      truncated = true;
    }
    if (slots.length > budget) {
      slots = slots.slice(0, budget);
      truncated = true;
    }
    for (const slot of slots) {
      bySlot.set(slotKey(slot), {
        slot,
        start: slot,
        end: new Date(slot.getTime() + duration),
        component: series,
        series,
      });
    }
  } else if (series.recurrenceid === undefined) {
    bySlot.set(slotKey(series.start), {
      slot: series.start,
      start: series.start,
      end: series.end ?? series.start,
      component: series,
      series,
    });
  }

  // node-ical files each override under two keys (date and ISO); visit each object once.
  for (const override of new Set(Object.values(series.recurrences ?? {}) as EventComponent[])) {
    const slot = override.recurrenceid;
    if (!isDate(slot)) continue;
    const start = isDate(override.start) ? override.start : slot;
    bySlot.set(slotKey(slot), { slot, start, end: override.end ?? start, component: override, series });
  }

  const occurrences: Occurrence[] = [];
  for (const [key, occurrence] of bySlot) {
    if (isExcluded(series, key, occurrence.slot)) continue;
    if (!(occurrence.start >= window.from && occurrence.start < window.to)) continue;
    if (occurrences.length === budget) {
      truncated = true;
      break;
    }
    occurrences.push(occurrence);
  }
  return { occurrences, processed: bySlot.size, truncated };
}

function isDate(value: unknown): value is DateWithTimeZone {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

// All-day slots are calendar days (node-ical's RRULE wrapper builds them at host-local
// midnight, flagged dateOnly, and keys EXDATE/RECURRENCE-ID by local date); timed slots are instants.
function slotKey(date: DateWithTimeZone): string {
  return date.dateOnly ? localDay(date) : date.toISOString();
}

function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

// node-ical keys a DATE-TIME EXDATE by its ISO instant and by its day, and a DATE EXDATE by its
// day only. A timed instance is excluded by its exact instant, or by a DATE EXDATE on its day in
// the series' zone (RFC 5545 lets a date exclude every instance that day).
function isExcluded(series: VEvent, key: string, slot: DateWithTimeZone): boolean {
  const exdate = series.exdate;
  if (!exdate) return false;
  if (slot.dateOnly) return exdate[key] !== undefined;
  if (exdate[key] !== undefined) return true;
  const zone = series.start.tz ?? 'UTC';
  const zoned = DateTime.fromJSDate(slot, { zone });
  const day = (zoned.isValid ? zoned : DateTime.fromJSDate(slot, { zone: 'UTC' })).toISODate();
  return day !== null && exdate[day]?.dateOnly === true;
}
