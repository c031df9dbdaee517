import { DateTime, IANAZone } from 'luxon';
import type { IsoWeekday } from '../costs/workingHours.js';
import { isValidTimeZone } from '../timeZones.js';
import { earlierByDays, type Period } from '../period.js';

/**
 * When a channel's reflection digest is posted: a wall-clock time in a zone, every day, every week
 * on one weekday, or every month on one day. Pure: every function takes the instant it reasons about.
 */

export const DIGEST_CADENCES = ['daily', 'weekly', 'monthly'] as const;
export type DigestCadence = (typeof DIGEST_CADENCES)[number];

export interface DigestSchedule {
  cadence: DigestCadence;
  /** Weekly only: ISO weekday, Monday 1. */
  weekday: IsoWeekday | null;
  /** Monthly only: 1–28, so every month has the day. */
  dayOfMonth: number | null;
  /** Local wall-clock time, `HH:MM` (24-hour). */
  time: string;
  /** IANA zone; null follows the workspace's default, which the caller resolves. */
  timeZone: string | null;
}

export const MAX_DAY_OF_MONTH = 28;

export type DigestArgumentProblem =
  | 'unknown_cadence'
  | 'missing_day'
  /** Weekly: no weekday name. */
  | 'invalid_day'
  | 'invalid_time'
  | 'invalid_time_zone'
  /** Monthly: anything but a day from 1 to 28 (`31`, `last`, `fri`). */
  | 'day_of_month_out_of_range';

export type DigestArguments =
  | { kind: 'set'; schedule: DigestSchedule }
  | { kind: 'off' }
  | { kind: 'preview' }
  | { kind: 'show' }
  | { kind: 'invalid'; problem: DigestArgumentProblem };

const WEEKDAYS: Record<string, IsoWeekday> = {
  mon: 1,
  monday: 1,
  tue: 2,
  tues: 2,
  tuesday: 2,
  wed: 3,
  weds: 3,
  wednesday: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
  sun: 7,
  sunday: 7,
};
const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

// Words people put between the parts ("weekly on friday at 4pm"); they carry nothing.
const FILLERS = new Set(['on', 'at', 'the', 'every']);

/**
 * Reads what follows `/decide digest`: `weekly fri 16:00`, `weekly friday 4pm`, `daily 9:30`,
 * `monthly 1st 09:00`, each optionally followed by an IANA zone (`Europe/Berlin`, `UTC`);
 * `off`; `preview`; nothing at all shows the current schedule. The time is required: a digest
 * that arrives at an hour nobody chose is worse than one more question.
 */
export function parseDigestArguments(rest: string): DigestArguments {
  // "4 pm" and "4 p.m." are one token, "4pm".
  const text = rest.trim().replace(/(\d)\s*([ap])\.?m\.?(?=\s|$)/gi, '$1$2m');
  if (text === '') return { kind: 'show' };
  const [first = '', ...others] = text.split(/\s+/);
  const word = first.toLowerCase();
  const tokens = others.filter((token) => !FILLERS.has(token.toLowerCase()));
  if (tokens.length === 0 && (word === 'off' || word === 'preview')) return { kind: word };
  if (!(DIGEST_CADENCES as readonly string[]).includes(word)) return invalid('unknown_cadence');
  const cadence = word as DigestCadence;

  let weekday: IsoWeekday | null = null;
  let dayOfMonth: number | null = null;
  if (cadence !== 'daily') {
    const dayToken = tokens[0];
    if (dayToken === undefined || parseTime(dayToken) !== null) return invalid('missing_day');
    tokens.shift();
    if (cadence === 'weekly') {
      weekday = WEEKDAYS[dayToken.toLowerCase().replace(/s$/, '')] ?? null;
      if (weekday === null) return invalid('invalid_day');
    } else {
      // "monthly last 09:00" and "monthly 31 09:00" get the same answer: which days there are.
      const day = /^(\d{1,2})(?:st|nd|rd|th)?$/i.exec(dayToken);
      dayOfMonth = day ? Number(day[1]) : null;
      if (dayOfMonth === null || dayOfMonth < 1 || dayOfMonth > MAX_DAY_OF_MONTH)
        return invalid('day_of_month_out_of_range');
    }
  }

  const time = tokens[0] === undefined ? null : parseTime(tokens[0]);
  if (time === null) return invalid('invalid_time');
  const zoneTokens = tokens.slice(1);
  let timeZone: string | null = null;
  if (zoneTokens.length > 0) {
    // Zone names have no spaces; anything after the zone is a typo, not a second zone.
    timeZone = zoneTokens.length === 1 ? canonicalZone(zoneTokens[0]!) : null;
    if (timeZone === null) return invalid('invalid_time_zone');
  }
  return { kind: 'set', schedule: { cadence, weekday, dayOfMonth, time, timeZone } };
}

function invalid(problem: DigestArgumentProblem): DigestArguments {
  return { kind: 'invalid', problem };
}

/** `16:00`, `9:30`, `4pm`, `9:30am`, `12am` → `HH:MM`; null for anything else. */
export function parseTime(text: string): string | null {
  const clock = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (clock) return `${clock[1]!.padStart(2, '0')}:${clock[2]}`;
  const twelve = /^(1[0-2]|0?[1-9])(?::([0-5]\d))?([ap])m$/i.exec(text);
  if (!twelve) return null;
  const hour = (Number(twelve[1]) % 12) + (twelve[3]!.toLowerCase() === 'p' ? 12 : 0);
  return `${String(hour).padStart(2, '0')}:${twelve[2] ?? '00'}`;
}

/** The zone's canonical spelling (`europe/berlin` → `Europe/Berlin`), or null when it is no IANA zone. */
function canonicalZone(text: string): string | null {
  // Intl also takes offsets such as `+05:00`, which luxon's IANAZone cannot place.
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(text) || !isValidTimeZone(text)) return null;
  return new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone;
}

/** The zone a schedule runs in: its own, else the workspace's default. */
export function digestTimeZone(schedule: DigestSchedule, defaultTimeZone: string): string {
  return schedule.timeZone ?? defaultTimeZone;
}

/**
 * The most recent scheduled run at or before `now`. `timeZone` is the workspace default, used when
 * the schedule has no zone of its own. A time that does not exist on a spring-forward day runs as
 * far after it as the clocks jumped (02:30 → 03:30); one that happens twice on the fall-back day
 * runs once, at its first occurrence. Throws on a schedule parseDigestArguments would not produce.
 */
export function latestRunAt(schedule: DigestSchedule, now: Date, timeZone: string): Date {
  const rule = checked(schedule, timeZone);
  const date = anchorDate(rule, now);
  const at = runOn(rule, date);
  return new Date(at <= now.getTime() ? at : runOn(rule, step(rule, date, -1)));
}

/** The first scheduled run strictly after `now`. */
export function nextRunAt(schedule: DigestSchedule, now: Date, timeZone: string): Date {
  const rule = checked(schedule, timeZone);
  let date = anchorDate(rule, now);
  while (runOn(rule, date) <= now.getTime()) date = step(rule, date, 1);
  return new Date(runOn(rule, date));
}

/** How many periods before a digest's own its chart shows; the last of them is the trend's "period before". */
export const EARLIER_PERIODS = 7;

export interface DigestPeriod extends Period {
  /** The previous scheduled run before `end` (`start` is inclusive, `end` exclusive, as every Period). */
  start: Date;
  /** The run itself (or, for a preview, now). */
  end: Date;
  /**
   * `weekly:2026-11-20T16:00@Europe/Berlin`: the cadence, the run's local time and the zone, so
   * every replica names a run the same way, and a changed schedule makes a new key.
   */
  key: string;
  /** `week to Fri 20 Nov 2026`. */
  label: string;
  /**
   * Where the EARLIER_PERIODS periods before it start, oldest first; each runs to the next one's
   * start, the last to `start`. They are the digests posted before, so the chart's bars and the
   * trend count what those digests counted.
   */
  earlier: Date[];
}

const UNIT: Record<DigestCadence, string> = { daily: 'day', weekly: 'week', monthly: 'month' };

/** The period a digest posted at `runAt` covers: from the scheduled run before it up to `runAt`. */
export function digestPeriodOf(schedule: DigestSchedule, runAt: Date, timeZone: string): DigestPeriod {
  const zone = checked(schedule, timeZone).zone;
  const runBefore = (at: Date) => latestRunAt(schedule, new Date(at.getTime() - 1), timeZone);
  const start = runBefore(runAt);
  const earlier = [runBefore(start)];
  while (earlier.length < EARLIER_PERIODS) earlier.unshift(runBefore(earlier[0]!));
  // English whatever the host's locale, as in costs/periods.ts.
  const local = DateTime.fromJSDate(runAt, { zone }).setLocale('en-US');
  return {
    start,
    end: new Date(runAt.getTime()),
    key: digestRunKey(schedule, runAt, timeZone),
    label: `${UNIT[schedule.cadence]} to ${local.toFormat('ccc d LLL yyyy')}`,
    earlier,
  };
}

/** A run's DigestPeriod.key alone: cheap enough to name every schedule's run on every tick. */
export function digestRunKey(schedule: DigestSchedule, runAt: Date, timeZone: string): string {
  const zone = checked(schedule, timeZone).zone;
  // Latin digits whatever the host's locale: replicas on differently configured hosts agree.
  const local = DateTime.fromJSDate(runAt, { zone }).setLocale('en-US');
  return `${schedule.cadence}:${local.toFormat("yyyy-MM-dd'T'HH:mm")}@${zone}`;
}

const ROLLING_DAYS = 7;

/**
 * The period a digest made at `now` covers, outside its schedule (a preview, an operator's run):
 * the next scheduled digest's period so far — from the last run up to now, nothing the last digest
 * counted — or the last seven days for a channel without a schedule.
 */
export function currentDigestPeriod(schedule: DigestSchedule | null, now: Date, timeZone: string): DigestPeriod {
  if (schedule) return { ...digestPeriodOf(schedule, nextRunAt(schedule, now, timeZone), timeZone), end: now };
  const starts = earlierByDays(now, ROLLING_DAYS, timeZone, EARLIER_PERIODS + 1);
  return {
    start: starts.at(-1)!,
    end: now,
    key: `last-${ROLLING_DAYS}-days:${now.toISOString()}`,
    label: `the last ${ROLLING_DAYS} days`,
    earlier: starts.slice(0, -1),
  };
}

/** `every Friday at 16:00 (Europe/Berlin)`, `every day at 09:30 (UTC)`, `on the 1st of every month at 09:00 (UTC)`. */
export function describeSchedule(schedule: DigestSchedule, timeZone: string): string {
  const rule = checked(schedule, timeZone);
  const when = `at ${schedule.time} (${rule.zone})`;
  if (rule.cadence === 'daily') return `every day ${when}`;
  if (rule.cadence === 'weekly') return `every ${WEEKDAY_NAMES[rule.weekday - 1]} ${when}`;
  return `on the ${ordinal(rule.dayOfMonth)} of every month ${when}`;
}

function ordinal(n: number): string {
  const suffix =
    n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

// ─── calendar arithmetic ───
// Dates are walked as UTC calendar days (as in costs/workingHours.ts), so no zone rule can skip or
// repeat one; only the final wall-clock reading is placed in the zone.

type Rule =
  | { cadence: 'daily'; minutes: number; zone: string }
  | { cadence: 'weekly'; weekday: IsoWeekday; minutes: number; zone: string }
  | { cadence: 'monthly'; dayOfMonth: number; minutes: number; zone: string };

function checked(schedule: DigestSchedule, defaultTimeZone: string): Rule {
  const zone = digestTimeZone(schedule, defaultTimeZone);
  if (!isValidTimeZone(zone)) throw new RangeError(`Unknown time zone ${zone}`);
  const clock = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(schedule.time);
  if (!clock) throw new RangeError(`Digest time ${schedule.time} is not HH:MM`);
  const minutes = Number(clock[1]) * 60 + Number(clock[2]);
  if (schedule.cadence === 'daily') return { cadence: 'daily', minutes, zone };
  if (schedule.cadence === 'weekly') {
    const weekday = schedule.weekday;
    if (weekday === null || !Number.isInteger(weekday) || weekday < 1 || weekday > 7)
      throw new RangeError(`A weekly digest needs a weekday, not ${weekday}`);
    return { cadence: 'weekly', weekday, minutes, zone };
  }
  const day = schedule.dayOfMonth;
  if (day === null || !Number.isInteger(day) || day < 1 || day > MAX_DAY_OF_MONTH)
    throw new RangeError(`A monthly digest needs a day from 1 to ${MAX_DAY_OF_MONTH}, not ${day}`);
  return { cadence: 'monthly', dayOfMonth: day, minutes, zone };
}

/** The latest scheduled calendar day on or before `now`'s local date, as a UTC midnight. */
function anchorDate(rule: Rule, now: Date): DateTime {
  const local = DateTime.fromJSDate(now, { zone: rule.zone });
  const today = DateTime.utc(local.year, local.month, local.day);
  if (rule.cadence === 'daily') return today;
  if (rule.cadence === 'weekly') return today.minus({ days: (today.weekday - rule.weekday + 7) % 7 });
  const thisMonth = today.set({ day: rule.dayOfMonth });
  return thisMonth <= today ? thisMonth : thisMonth.minus({ months: 1 });
}

function step(rule: Rule, date: DateTime, by: 1 | -1): DateTime {
  if (rule.cadence === 'daily') return date.plus({ days: by });
  if (rule.cadence === 'weekly') return date.plus({ weeks: by });
  // The day is at most 28, so adding months never clamps it.
  return date.plus({ months: by });
}

const MS_PER_HOUR = 3_600_000;

/** Epoch ms of the run on a calendar day: the first reading of the wall-clock time, or past a gap. */
function runOn(rule: Rule, date: DateTime): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, Math.floor(rule.minutes / 60), rule.minutes % 60);
  const zone = IANAZone.create(rule.zone);
  // The offsets in force twelve hours either side cover both readings of a time the clocks repeat.
  const readings = [zone.offset(wall - 12 * MS_PER_HOUR), zone.offset(wall + 12 * MS_PER_HOUR)]
    .map((offsetMinutes) => wall - offsetMinutes * 60_000)
    .filter((ts) => wall === ts + zone.offset(ts) * 60_000);
  if (readings.length > 0) return Math.min(...readings);
  // In a spring-forward gap luxon moves the time forward by the gap: 02:30 becomes 03:30.
  return DateTime.fromObject(
    {
      year: date.year,
      month: date.month,
      day: date.day,
      hour: Math.floor(rule.minutes / 60),
      minute: rule.minutes % 60,
    },
    { zone: rule.zone },
  ).toMillis();
}
