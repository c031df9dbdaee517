import { DateTime } from 'luxon';

/** The calendar day (`YYYY-MM-DD`) `at` falls on in `timeZone`: what a cost counts for. */
export function dayIn(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toISODate()!;
}
