import { DateTime } from 'luxon';
import { isValidTimeZone } from '../timeZones.js';

/** ISO weekday: 1 is Monday, 7 is Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** When a team works: the same wall-clock hours on each of its working days, in its own zone. */
export interface WorkingSchedule {
  workingDays: readonly IsoWeekday[];
  /** `HH:MM`, wall-clock time in `timeZone`. */
  workdayStart: string;
  /** `HH:MM`, after `workdayStart`; `24:00` is the end of the day. */
  workdayEnd: string;
  /** IANA zone name, e.g. `Europe/Berlin`. */
  timeZone: string;
}

const MINUTES_PER_DAY = 24 * 60;
const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;

/** Minutes after midnight for `HH:MM` or `H:MM`, from `00:00` to `24:00`; null for anything else. */
export function parseClock(text: string): number | null {
  const match = /^(\d{1,2}):([0-5]\d)$/.exec(text.trim());
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= MINUTES_PER_DAY ? minutes : null;
}

/**
 * Working hours within [start, end): the parts that fall on a working day between workdayStart and
 * workdayEnd in the schedule's zone. Each day's window is placed in wall-clock time and measured in
 * real time, so 09:00–17:00 is 8 hours on the days clocks change too, and a window spanning the
 * change itself is an hour shorter or longer. One step per calendar day, so months cost little.
 * 0 when end is not after start. Throws on a schedule validateCostSettings would have refused.
 */
export function workingHoursBetween(start: Date, end: Date, schedule: WorkingSchedule): number {
  const from = start.getTime();
  const to = end.getTime();
  if (!(to > from)) return 0;
  const { open, close, zone } = checked(schedule);
  const days = new Set<number>(schedule.workingDays);
  // Days are walked as UTC calendar dates, as in dates.ts, so no zone rule can skip or repeat one.
  const firstDay = utcDateOf(DateTime.fromMillis(from, { zone }));
  const lastDay = utcDateOf(DateTime.fromMillis(to, { zone }));
  let ms = 0;
  for (let day = firstDay; day <= lastDay; day += MS_PER_DAY) {
    if (!days.has(new Date(day).getUTCDay() || 7)) continue;
    const windowStart = wallClock(day, open, zone);
    const windowEnd = wallClock(day, close, zone);
    ms += Math.max(0, Math.min(to, windowEnd) - Math.max(from, windowStart));
  }
  return ms / MS_PER_HOUR;
}

function checked(schedule: WorkingSchedule): { open: number; close: number; zone: string } {
  const open = parseClock(schedule.workdayStart);
  const close = parseClock(schedule.workdayEnd);
  if (open === null || close === null || close <= open)
    throw new RangeError(`Working hours ${schedule.workdayStart}–${schedule.workdayEnd} are not a window`);
  if (!isValidTimeZone(schedule.timeZone)) throw new RangeError(`Unknown time zone ${schedule.timeZone}`);
  return { open, close, zone: schedule.timeZone };
}

function utcDateOf(local: DateTime): number {
  return Date.UTC(local.year, local.month - 1, local.day);
}

/** The instant at `minutes` after midnight on a calendar date in `zone`; 24:00 is the next midnight. */
function wallClock(utcDate: number, minutes: number, zone: string): number {
  const date = new Date(utcDate + Math.floor(minutes / MINUTES_PER_DAY) * MS_PER_DAY);
  const minute = minutes % MINUTES_PER_DAY;
  return DateTime.fromObject(
    {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: Math.floor(minute / 60),
      minute: minute % 60,
    },
    { zone },
  ).toMillis();
}
