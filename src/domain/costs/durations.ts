import { parseDecimal } from './numbers.js';

/** Meeting lengths and head counts as people type them into a command or a form. */

/** A meeting longer than a day is a typo, or not a meeting. */
export const MAX_MEETING_MINUTES = 24 * 60;

/** Beyond any all-hands; a larger count is a typo. */
export const MAX_ATTENDEES = 10_000;

export type DurationProblem = 'not_a_duration' | 'zero' | 'too_long';
export type DurationParse = { ok: true; minutes: number } | { ok: false; problem: DurationProblem };

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const HOURS = '(?:h|hrs?|hours?)';
const MINUTES = '(?:m|mins?|minutes?)';
// `1h30`: the trailing minutes may drop their unit, as people write it.
const HOURS_THEN_MINUTES = new RegExp(String.raw`^${NUMBER}\s*${HOURS}(?:\s*(\d{1,2})\s*${MINUTES}?)?$`);
// A bare number is minutes: nobody means a 45-hour meeting.
const MINUTES_ONLY = new RegExp(String.raw`^${NUMBER}\s*${MINUTES}?$`);
const CLOCK = /^(\d{1,2}):([0-5]\d)$/;

/**
 * Reads a meeting length: `45`, `45m`, `45 min`, `1h`, `2 h`, `1h30`, `1h 30m`, `1:30`, `1.5h`,
 * `1,5h`. Case-insensitive. Rounds to whole minutes, since nobody books a meeting by the second.
 */
export function parseDuration(text: string): DurationParse {
  const minutes = minutesOf(text.trim().toLowerCase());
  if (minutes === null) return { ok: false, problem: 'not_a_duration' };
  const whole = Math.round(minutes);
  if (whole === 0) return { ok: false, problem: 'zero' };
  if (whole > MAX_MEETING_MINUTES) return { ok: false, problem: 'too_long' };
  return { ok: true, minutes: whole };
}

function minutesOf(text: string): number | null {
  const clock = CLOCK.exec(text);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  const hours = HOURS_THEN_MINUTES.exec(text);
  if (hours) {
    const hourCount = parseDecimal(hours[1]!)!;
    if (hours[2] === undefined) return hourCount * 60;
    const extra = Number(hours[2]);
    // `1.5h30` and `1h75` are typos, not durations to guess at.
    if (!Number.isInteger(hourCount) || extra >= 60) return null;
    return hourCount * 60 + extra;
  }
  const minutes = MINUTES_ONLY.exec(text);
  return minutes ? parseDecimal(minutes[1]!) : null;
}

export type AttendeesProblem = 'not_a_number' | 'too_few' | 'too_many';
export type AttendeesParse = { ok: true; attendees: number } | { ok: false; problem: AttendeesProblem };

/** Reads a head count: a whole number from 1 to MAX_ATTENDEES. */
export function parseAttendees(text: string): AttendeesParse {
  const match = /^([+-]?)(\d+)$/.exec(text.trim());
  if (!match) return { ok: false, problem: 'not_a_number' };
  const count = Number(match[2]);
  if (match[1] === '-' || count === 0) return { ok: false, problem: 'too_few' };
  if (count > MAX_ATTENDEES) return { ok: false, problem: 'too_many' };
  return { ok: true, attendees: count };
}
