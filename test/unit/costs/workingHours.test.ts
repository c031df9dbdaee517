import { describe, expect, it } from 'vitest';
import { parseClock, type WorkingSchedule, workingHoursBetween } from '../../../src/domain/costs/workingHours.js';

const officeHours = (timeZone: string): WorkingSchedule => ({
  workingDays: [1, 2, 3, 4, 5],
  workdayStart: '09:00',
  workdayEnd: '17:00',
  timeZone,
});
const roundTheClock = (timeZone: string): WorkingSchedule => ({
  workingDays: [1, 2, 3, 4, 5, 6, 7],
  workdayStart: '00:00',
  workdayEnd: '24:00',
  timeZone,
});
const hoursBetween = (start: string, end: string, schedule: WorkingSchedule) =>
  workingHoursBetween(new Date(start), new Date(end), schedule);

describe('workingHoursBetween', () => {
  it('counts only the part of a day inside working hours', () => {
    expect(hoursBetween('2026-11-17T10:00Z', '2026-11-17T15:30Z', officeHours('UTC'))).toBe(5.5);
    expect(hoursBetween('2026-11-17T07:00Z', '2026-11-17T19:00Z', officeHours('UTC'))).toBe(8);
    expect(hoursBetween('2026-11-17T17:30Z', '2026-11-18T08:00Z', officeHours('UTC'))).toBe(0);
  });

  it('counts only Monday for a wait from Friday evening to Monday morning', () => {
    expect(hoursBetween('2026-11-20T18:00Z', '2026-11-23T10:30Z', officeHours('UTC'))).toBe(1.5);
  });

  it('is 0 for an empty or backwards span', () => {
    expect(hoursBetween('2026-11-17T10:00Z', '2026-11-17T10:00Z', officeHours('UTC'))).toBe(0);
    expect(hoursBetween('2026-11-17T15:00Z', '2026-11-17T10:00Z', officeHours('UTC'))).toBe(0);
  });

  it('adds up spans of weeks and of a year', () => {
    // Mon 2 Nov 13:00 → Mon 30 Nov 11:00: 4 + 4 × 8 + 3 × 40 + 2.
    expect(hoursBetween('2026-11-02T13:00Z', '2026-11-30T11:00Z', officeHours('UTC'))).toBe(158);
    // 2026 has 261 weekdays.
    expect(hoursBetween('2026-01-01T00:00Z', '2027-01-01T00:00Z', officeHours('UTC'))).toBe(2088);
  });

  it('uses the weekday and hours of the team’s zone', () => {
    // Sunday 23:00 UTC is Monday 08:00 in Tokyo; the wait ends Monday 11:00 there.
    expect(hoursBetween('2026-11-22T23:00Z', '2026-11-23T02:00Z', officeHours('Asia/Tokyo'))).toBe(2);
    expect(hoursBetween('2026-11-22T23:00Z', '2026-11-23T02:00Z', officeHours('UTC'))).toBe(0);
  });

  it('keeps office hours at 8 real hours across the March and October changes in Berlin', () => {
    // Fri 16:00 CET → Mon 10:00 CEST (clocks went forward on Sunday 29 March).
    expect(hoursBetween('2026-03-27T15:00Z', '2026-03-30T08:00Z', officeHours('Europe/Berlin'))).toBe(2);
    // Fri 16:00 CEST → Mon 10:00 CET (clocks went back on Sunday 25 October).
    expect(hoursBetween('2026-10-23T14:00Z', '2026-10-26T09:00Z', officeHours('Europe/Berlin'))).toBe(2);
    expect(hoursBetween('2026-03-23T00:00Z', '2026-03-30T20:00Z', officeHours('Europe/Berlin'))).toBe(48);
  });

  it('keeps office hours at 8 real hours across the March and November changes in New York', () => {
    // Fri 16:00 EST → Mon 10:00 EDT (8 March), then Fri 16:00 EDT → Mon 10:00 EST (1 November).
    expect(hoursBetween('2026-03-06T21:00Z', '2026-03-09T14:00Z', officeHours('America/New_York'))).toBe(2);
    expect(hoursBetween('2026-10-30T20:00Z', '2026-11-02T15:00Z', officeHours('America/New_York'))).toBe(2);
  });

  it('counts the 23- and 25-hour days of a round-the-clock schedule', () => {
    // Saturday 00:00 → Monday 00:00 in Berlin, over each change.
    expect(hoursBetween('2026-03-27T23:00Z', '2026-03-29T22:00Z', roundTheClock('Europe/Berlin'))).toBe(47);
    expect(hoursBetween('2026-10-23T22:00Z', '2026-10-25T23:00Z', roundTheClock('Europe/Berlin'))).toBe(49);
  });

  it('refuses a schedule that validation would have refused', () => {
    const start = new Date('2026-11-17T10:00Z');
    const end = new Date('2026-11-17T11:00Z');
    expect(() => workingHoursBetween(start, end, { ...officeHours('UTC'), workdayEnd: '08:00' })).toThrow(RangeError);
    expect(() => workingHoursBetween(start, end, officeHours('Mars/Olympus_Mons'))).toThrow(RangeError);
  });
});

describe('parseClock', () => {
  it('reads HH:MM from midnight to midnight', () => {
    expect(parseClock('09:00')).toBe(540);
    expect(parseClock('9:30')).toBe(570);
    expect(parseClock('24:00')).toBe(1440);
    expect(parseClock('24:01')).toBeNull();
    expect(parseClock('9h')).toBeNull();
  });
});
