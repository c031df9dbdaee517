import ical from 'node-ical';
import type { CalendarResponse, DateWithTimeZone, VEvent } from 'node-ical';
import { countPeople, looksLikeEmail, normaliseEmail } from './icsAttendees.js';
import { expandOccurrences, type Occurrence } from './icsOccurrences.js';
import { looksLikeIcs, screenIcs } from './icsScreen.js';

/**
 * Why an occurrence in the window is not a meeting, checked in this order (first match wins):
 * - `invalid`: the VEVENT has no UID or no readable DTSTART, or could not be processed (counted once per VEVENT);
 * - `all_day`: a date, not a meeting (Google and Outlook mark these free anyway);
 * - `cancelled`: STATUS:CANCELLED on the event or on this instance's override;
 * - `free`: TRANSP:TRANSPARENT ("show as free"): the owner says it does not take their time,
 *   which is how office hours, optional talks and holds are usually marked;
 * - `bad_duration`: shorter than a minute or longer than 24 h (no DTEND and no DURATION gives
 *   zero length, RFC 5545 §3.6.1);
 * - `declined`: the feed owner is an attendee with PARTSTAT=DECLINED;
 * - `solo`: fewer than two people would be there (focus blocks, reminders, personal holds).
 * Occurrences starting outside the window are not counted at all.
 */
export type SkipReason = 'invalid' | 'all_day' | 'cancelled' | 'free' | 'bad_duration' | 'declined' | 'solo';

export const SKIP_REASONS: readonly SkipReason[] = [
  'invalid',
  'all_day',
  'cancelled',
  'free',
  'bad_duration',
  'declined',
  'solo',
];

export type IcsMeeting = {
  /**
   * `${uid}|${instance ISO UTC}`, the idempotency key. The instant is the RECURRENCE-ID for an
   * overridden instance and the start otherwise, so moving one instance of a series keeps its key.
   */
  key: string;
  uid: string;
  title: string;
  start: Date;
  end: Date;
  minutes: number;
  /** Attendees who did not decline (rooms excluded), plus the organizer once if not listed. */
  attendees: number;
};

export type IcsMeetingsResult =
  | {
      ok: true;
      meetings: IcsMeeting[];
      skipped: Record<SkipReason, number>;
      /** Whose declines were honoured; null when unknown (no declined check was made). */
      ownerEmail: string | null;
      /** maxOccurrences was reached (or an RRULE could not be expanded): the list is partial. */
      truncated: boolean;
    }
  | { ok: false; problem: 'not_a_calendar' | 'malformed' };

export type IcsMeetingsOptions = {
  /** The feed owner, for declines. Default: X-WR-CALNAME when it is an address (Google feeds). */
  ownerEmail?: string | null;
  /** Occurrences looked at, across all events, before giving up (hostile or runaway feeds). */
  maxOccurrences?: number;
};

export const DEFAULT_MAX_OCCURRENCES = 5000;
const MAX_MEETING_MS = 24 * 60 * 60 * 1000;

/** The meetings of an iCalendar feed that start in [from, to). Never throws. */
export function meetingsFromIcs(
  icsText: string,
  window: { from: Date; to: Date },
  options: IcsMeetingsOptions = {},
): IcsMeetingsResult {
  if (!looksLikeIcs(icsText)) return { ok: false, problem: 'not_a_calendar' };
  // node-ical would read a BOM as part of the first property name and skip that line.
  const text = icsText.replace(/^\uFEFF/, '');
  if (screenIcs(text) !== null) return { ok: false, problem: 'malformed' };
  let calendar: CalendarResponse;
  try {
    calendar = ical.sync.parseICS(text);
  } catch {
    return { ok: false, problem: 'malformed' };
  }

  const ownerEmail = ownerOf(calendar, options.ownerEmail);
  const skipped = Object.fromEntries(SKIP_REASONS.map((reason) => [reason, 0])) as Record<SkipReason, number>;
  const meetings: IcsMeeting[] = [];
  let budget = options.maxOccurrences ?? DEFAULT_MAX_OCCURRENCES;
  let truncated = false;
  const windowIsUsable = isUsableDate(window.from) && isUsableDate(window.to) && window.from < window.to;

  for (const component of windowIsUsable ? Object.values(calendar) : []) {
    if (!isVEvent(component)) continue;
    if (budget <= 0) {
      truncated = true;
      break;
    }
    const uid = textOf(component.uid);
    if (uid === '' || !isUsableDate(component.start)) {
      skipped.invalid += 1;
      budget -= 1;
      continue;
    }
    // node-ical hands back loosely typed data; one odd event must not lose the whole feed.
    try {
      const expansion = expandOccurrences(component, window, budget);
      budget -= Math.max(1, expansion.processed);
      truncated ||= expansion.truncated;
      for (const occurrence of expansion.occurrences) {
        const verdict = classify(uid, occurrence, ownerEmail);
        if (typeof verdict === 'string') skipped[verdict] += 1;
        else meetings.push(verdict);
      }
    } catch {
      skipped.invalid += 1;
      budget -= 1;
    }
  }

  meetings.sort((a, b) => a.start.getTime() - b.start.getTime() || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { ok: true, meetings, skipped, ownerEmail, truncated };
}

function classify(uid: string, occurrence: Occurrence, ownerEmail: string | null): IcsMeeting | SkipReason {
  const { component, series, start, end } = occurrence;
  // An override may repeat only what changed; anything it leaves out comes from the series.
  const status = textOf(component.status ?? series.status).toUpperCase();
  const transparency = textOf(component.transparency ?? series.transparency).toUpperCase();

  if (component.datetype === 'date' || (start as DateWithTimeZone).dateOnly === true) return 'all_day';
  if (status === 'CANCELLED') return 'cancelled';
  if (transparency === 'TRANSPARENT') return 'free';
  const durationMs = end.getTime() - start.getTime();
  const minutes = Math.round(durationMs / 60_000);
  if (!(minutes >= 1 && durationMs <= MAX_MEETING_MS)) return 'bad_duration';
  const people = countPeople(
    component.organizer ?? series.organizer,
    component.attendee ?? series.attendee,
    ownerEmail,
  );
  if (people.ownerDeclined) return 'declined';
  if (people.counted < 2) return 'solo';

  return {
    key: `${uid}|${occurrence.slot.toISOString()}`,
    uid,
    title: textOf(component.summary ?? series.summary),
    start: new Date(start.getTime()),
    end: new Date(end.getTime()),
    minutes,
    attendees: people.counted,
  };
}

function ownerOf(calendar: CalendarResponse, explicit: string | null | undefined): string | null {
  const given = normaliseEmail(explicit);
  if (given !== null) return given;
  const calendarName = normaliseEmail(calendar.vcalendar?.['WR-CALNAME']);
  return calendarName !== null && looksLikeEmail(calendarName) ? calendarName : null;
}

function isVEvent(component: unknown): component is VEvent {
  return typeof component === 'object' && component !== null && (component as { type?: unknown }).type === 'VEVENT';
}

function isUsableDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

// node-ical returns `{ params, val }` instead of a string when a property has parameters
// (SUMMARY;LANGUAGE=de:…), and numbers or booleans for values that look like them.
function textOf(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object' && value !== null && 'val' in value) return textOf(value.val);
  return '';
}
