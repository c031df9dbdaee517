import { describe, expect, it } from 'vitest';
import {
  currentDigestPeriod,
  describeSchedule,
  type DigestSchedule,
  digestPeriodOf,
  latestRunAt,
  nextRunAt,
  parseDigestArguments,
  parseTime,
} from '../../../src/domain/digest/schedule.js';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';

const schedule = (overrides: Partial<DigestSchedule> = {}): DigestSchedule => ({
  cadence: 'daily',
  weekday: null,
  dayOfMonth: null,
  time: '02:30',
  timeZone: null,
  ...overrides,
});
const at = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();

describe('parseDigestArguments', () => {
  it.each([
    ['weekly fri 16:00', schedule({ cadence: 'weekly', weekday: 5, time: '16:00' })],
    ['weekly Friday 4pm Europe/Berlin', schedule({ cadence: 'weekly', weekday: 5, time: '16:00', timeZone: BERLIN })],
    ['weekly on fridays at 4 p.m.', schedule({ cadence: 'weekly', weekday: 5, time: '16:00' })],
    ['WEEKLY mon 9:30am utc', schedule({ cadence: 'weekly', weekday: 1, time: '09:30', timeZone: 'UTC' })],
    ['weekly sun 23:59', schedule({ cadence: 'weekly', weekday: 7, time: '23:59' })],
    ['daily 09:30', schedule({ time: '09:30' })],
    ['daily 9:30 america/new_york', schedule({ time: '09:30', timeZone: NEW_YORK })],
    ['daily 12am', schedule({ time: '00:00' })],
    ['daily 12:15pm', schedule({ time: '12:15' })],
    ['monthly 1 09:00', schedule({ cadence: 'monthly', dayOfMonth: 1, time: '09:00' })],
    [
      'monthly on the 28th at 5pm Europe/Berlin',
      schedule({ cadence: 'monthly', dayOfMonth: 28, time: '17:00', timeZone: BERLIN }),
    ],
  ])('reads "%s" as a schedule', (text, expected) => {
    expect(parseDigestArguments(text)).toEqual({ kind: 'set', schedule: expected });
  });

  it('reads nothing as "show", and off and preview as themselves', () => {
    expect(parseDigestArguments('   ')).toEqual({ kind: 'show' });
    expect(parseDigestArguments('off')).toEqual({ kind: 'off' });
    expect(parseDigestArguments('PREVIEW')).toEqual({ kind: 'preview' });
  });

  it.each([
    ['fortnightly fri 16:00', 'unknown_cadence'],
    ['off for now', 'unknown_cadence'],
    ['emails go out on Mondays', 'unknown_cadence'],
    ['weekly', 'missing_day'],
    ['weekly 16:00', 'missing_day'],
    ['monthly 9am', 'missing_day'],
    ['weekly funday 16:00', 'invalid_day'],
    ['weekly fri', 'invalid_time'],
    ['weekly fri 25:00', 'invalid_time'],
    ['daily 4.30', 'invalid_time'],
    ['daily 13pm', 'invalid_time'],
    ['daily fri 09:00', 'invalid_time'],
    ['daily 09:30 Mars/Olympus_Mons', 'invalid_time_zone'],
    ['daily 09:30 +05:00', 'invalid_time_zone'],
    ['daily 09:30 Europe/Berlin please', 'invalid_time_zone'],
    ['monthly 31 09:00', 'day_of_month_out_of_range'],
    ['monthly 0 09:00', 'day_of_month_out_of_range'],
    ['monthly last 09:00', 'day_of_month_out_of_range'],
  ])('refuses "%s" with %s', (text, problem) => {
    expect(parseDigestArguments(text)).toEqual({ kind: 'invalid', problem });
  });

  it('reads times on the 24-hour clock and with am/pm, and nothing else', () => {
    expect(['0:00', '9:05', '16:00', '23:59', '12am', '1am', '12pm', '11:45pm'].map(parseTime)).toEqual([
      '00:00',
      '09:05',
      '16:00',
      '23:59',
      '00:00',
      '01:00',
      '12:00',
      '23:45',
    ]);
    expect(['24:00', '9:5', '0am', '13pm', '16:00pm', 'noon', ''].map(parseTime)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('latestRunAt and nextRunAt', () => {
  it('runs a 02:30 Berlin digest at 03:30 on the spring-forward day, 2026-03-29', () => {
    const daily = schedule();
    expect(iso(latestRunAt(daily, at('2026-03-29T01:29:00Z'), BERLIN))).toBe('2026-03-28T01:30:00.000Z');
    expect(iso(latestRunAt(daily, at('2026-03-29T01:30:00Z'), BERLIN))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(nextRunAt(daily, at('2026-03-28T12:00:00Z'), BERLIN))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(nextRunAt(daily, at('2026-03-29T01:30:00Z'), BERLIN))).toBe('2026-03-30T00:30:00.000Z');
  });

  it('runs a 02:30 Berlin digest once on the fall-back day, 2026-10-25, at the first 02:30', () => {
    const daily = schedule();
    expect(iso(nextRunAt(daily, at('2026-10-25T00:00:00Z'), BERLIN))).toBe('2026-10-25T00:30:00.000Z');
    // 01:45Z is the second 02:45 local: the run at the first 02:30 is still the latest.
    expect(iso(latestRunAt(daily, at('2026-10-25T01:45:00Z'), BERLIN))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(nextRunAt(daily, at('2026-10-25T00:30:00Z'), BERLIN))).toBe('2026-10-26T01:30:00.000Z');
  });

  it('handles New York spring forward, 2026-03-08, and fall back, 2026-11-01', () => {
    const daily = schedule();
    expect(iso(latestRunAt(daily, at('2026-03-08T07:29:00Z'), NEW_YORK))).toBe('2026-03-07T07:30:00.000Z');
    expect(iso(nextRunAt(daily, at('2026-03-07T12:00:00Z'), NEW_YORK))).toBe('2026-03-08T07:30:00.000Z');
    expect(iso(nextRunAt(daily, at('2026-03-08T07:30:00Z'), NEW_YORK))).toBe('2026-03-09T06:30:00.000Z');

    const halfPastOne = schedule({ time: '01:30' });
    expect(iso(nextRunAt(halfPastOne, at('2026-10-31T12:00:00Z'), NEW_YORK))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(latestRunAt(halfPastOne, at('2026-11-01T06:45:00Z'), NEW_YORK))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(nextRunAt(halfPastOne, at('2026-11-01T05:30:00Z'), NEW_YORK))).toBe('2026-11-02T06:30:00.000Z');
  });

  it('keeps a 09:00 wall-clock time across the change, so the UTC instant moves', () => {
    const nine = schedule({ time: '09:00' });
    expect(iso(latestRunAt(nine, at('2026-03-08T12:00:00Z'), NEW_YORK))).toBe('2026-03-07T14:00:00.000Z');
    expect(iso(nextRunAt(nine, at('2026-03-08T12:00:00Z'), NEW_YORK))).toBe('2026-03-08T13:00:00.000Z');
  });

  it('finds weekly runs on their weekday, the run itself counting as the latest but never as the next', () => {
    const friday = schedule({ cadence: 'weekly', weekday: 5, time: '16:00', timeZone: BERLIN });
    expect(iso(latestRunAt(friday, at('2026-11-20T15:00:00Z'), 'UTC'))).toBe('2026-11-20T15:00:00.000Z');
    expect(iso(latestRunAt(friday, at('2026-11-20T14:59:59Z'), 'UTC'))).toBe('2026-11-13T15:00:00.000Z');
    expect(iso(nextRunAt(friday, at('2026-11-20T15:00:00Z'), 'UTC'))).toBe('2026-11-27T15:00:00.000Z');
    expect(iso(nextRunAt(friday, at('2026-11-16T08:00:00Z'), 'UTC'))).toBe('2026-11-20T15:00:00.000Z');

    const sunday = schedule({ cadence: 'weekly', weekday: 7 });
    expect(iso(latestRunAt(sunday, at('2026-10-25T02:00:00Z'), BERLIN))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(nextRunAt(sunday, at('2026-10-25T00:30:00Z'), BERLIN))).toBe('2026-11-01T01:30:00.000Z');
  });

  it('finds monthly runs, across a year end and a change of offset', () => {
    const first = schedule({ cadence: 'monthly', dayOfMonth: 1, time: '09:00', timeZone: 'UTC' });
    expect(iso(latestRunAt(first, at('2026-11-18T10:00:00Z'), BERLIN))).toBe('2026-11-01T09:00:00.000Z');
    expect(iso(latestRunAt(first, at('2026-11-01T08:59:00Z'), BERLIN))).toBe('2026-10-01T09:00:00.000Z');
    expect(iso(nextRunAt(first, at('2026-12-15T00:00:00Z'), BERLIN))).toBe('2027-01-01T09:00:00.000Z');

    const last = schedule({ cadence: 'monthly', dayOfMonth: 28, time: '09:00' });
    expect(iso(latestRunAt(last, at('2026-01-10T00:00:00Z'), 'UTC'))).toBe('2025-12-28T09:00:00.000Z');
    expect(iso(nextRunAt(last, at('2026-02-28T09:00:00Z'), 'UTC'))).toBe('2026-03-28T09:00:00.000Z');

    const berlin = schedule({ cadence: 'monthly', dayOfMonth: 1, time: '09:00' });
    expect(iso(latestRunAt(berlin, at('2026-04-01T06:59:00Z'), BERLIN))).toBe('2026-03-01T08:00:00.000Z');
    expect(iso(latestRunAt(berlin, at('2026-04-01T07:00:00Z'), BERLIN))).toBe('2026-04-01T07:00:00.000Z');
  });

  it("uses the schedule's own zone over the workspace default", () => {
    const nineUtc = schedule({ time: '09:00', timeZone: 'UTC' });
    expect(iso(latestRunAt(nineUtc, at('2026-06-01T12:00:00Z'), NEW_YORK))).toBe('2026-06-01T09:00:00.000Z');
    expect(iso(latestRunAt(schedule({ time: '09:00' }), at('2026-06-01T12:00:00Z'), NEW_YORK))).toBe(
      '2026-05-31T13:00:00.000Z',
    );
  });

  it('refuses a schedule the parser would not produce', () => {
    expect(() => latestRunAt(schedule({ cadence: 'weekly' }), at('2026-06-01T12:00:00Z'), 'UTC')).toThrow(RangeError);
    expect(() =>
      nextRunAt(schedule({ cadence: 'monthly', dayOfMonth: 31 }), at('2026-06-01T12:00:00Z'), 'UTC'),
    ).toThrow(RangeError);
    expect(() => latestRunAt(schedule({ time: '9:00' }), at('2026-06-01T12:00:00Z'), 'UTC')).toThrow(RangeError);
    expect(() => latestRunAt(schedule(), at('2026-06-01T12:00:00Z'), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('digestPeriodOf', () => {
  const friday = schedule({ cadence: 'weekly', weekday: 5, time: '16:00', timeZone: BERLIN });

  it('covers the week since the previous run, keyed and labelled by the local run time, and knows the runs before', () => {
    expect(digestPeriodOf(friday, at('2026-11-20T15:00:00Z'), 'UTC')).toEqual({
      start: at('2026-11-13T15:00:00Z'),
      end: at('2026-11-20T15:00:00Z'),
      key: 'weekly:2026-11-20T16:00@Europe/Berlin',
      label: 'week to Fri 20 Nov 2026',
      // The digests posted before: 16:00 in Berlin on each side of the clocks going back.
      earlier: [
        '2026-09-25T14:00:00Z',
        '2026-10-02T14:00:00Z',
        '2026-10-09T14:00:00Z',
        '2026-10-16T14:00:00Z',
        '2026-10-23T14:00:00Z',
        '2026-10-30T15:00:00Z',
        '2026-11-06T15:00:00Z',
      ].map(at),
    });
  });

  it('previews the current period up to now, or the last seven days at the same local time without a schedule', () => {
    const now = at('2026-11-23T09:15:00Z');
    // The next digest's period so far: nothing the one posted on the 20th counted.
    expect(currentDigestPeriod(friday, now, 'UTC')).toMatchObject({
      start: at('2026-11-20T15:00:00Z'),
      end: now,
      label: 'week to Fri 27 Nov 2026',
    });
    const rolling = currentDigestPeriod(null, now, BERLIN);
    expect(rolling).toMatchObject({ start: at('2026-11-16T09:15:00Z'), end: now, label: 'the last 7 days' });
    // Seven weeks back the clocks were an hour ahead: 10:15 in Berlin is 08:15 UTC.
    expect(rolling.earlier[0]).toEqual(at('2026-09-28T08:15:00Z'));
    expect(rolling.earlier.at(-1)).toEqual(at('2026-11-09T09:15:00Z'));
  });

  it('labels days and months, and a week that spans the fall-back is 169 hours long', () => {
    expect(digestPeriodOf(schedule({ time: '09:30' }), at('2026-03-29T07:30:00Z'), BERLIN)).toMatchObject({
      start: at('2026-03-28T08:30:00Z'),
      end: at('2026-03-29T07:30:00Z'),
      key: 'daily:2026-03-29T09:30@Europe/Berlin',
      label: 'day to Sun 29 Mar 2026',
    });
    expect(
      digestPeriodOf(
        schedule({ cadence: 'monthly', dayOfMonth: 1, time: '09:00' }),
        at('2026-04-01T07:00:00Z'),
        BERLIN,
      ),
    ).toMatchObject({
      start: at('2026-03-01T08:00:00Z'),
      end: at('2026-04-01T07:00:00Z'),
      key: 'monthly:2026-04-01T09:00@Europe/Berlin',
      label: 'month to Wed 1 Apr 2026',
    });
    const sunday = schedule({ cadence: 'weekly', weekday: 7 });
    const period = digestPeriodOf(sunday, at('2026-11-01T01:30:00Z'), BERLIN);
    expect(period.start).toEqual(at('2026-10-25T00:30:00Z'));
    expect((period.end.getTime() - period.start.getTime()) / 3_600_000).toBe(169);
  });

  it('gives every replica the same key for a run, whenever in the period it looks, and each run its own', () => {
    const keys = ['2026-11-20T15:00:00Z', '2026-11-20T15:00:30Z', '2026-11-23T09:00:00Z', '2026-11-27T14:59:59Z'].map(
      (now) => digestPeriodOf(friday, latestRunAt(friday, at(now), 'UTC'), 'UTC').key,
    );
    expect(new Set(keys)).toEqual(new Set(['weekly:2026-11-20T16:00@Europe/Berlin']));

    const daily = schedule();
    const runs: string[] = [];
    for (
      let run = latestRunAt(daily, at('2026-10-23T12:00:00Z'), BERLIN);
      run < at('2026-10-28T00:00:00Z');
      run = nextRunAt(daily, run, BERLIN)
    )
      runs.push(digestPeriodOf(daily, run, BERLIN).key);
    expect(runs).toEqual([
      'daily:2026-10-23T02:30@Europe/Berlin',
      'daily:2026-10-24T02:30@Europe/Berlin',
      'daily:2026-10-25T02:30@Europe/Berlin',
      'daily:2026-10-26T02:30@Europe/Berlin',
      'daily:2026-10-27T02:30@Europe/Berlin',
    ]);
    expect(digestPeriodOf(daily, at('2026-03-29T01:30:00Z'), BERLIN).key).toBe('daily:2026-03-29T03:30@Europe/Berlin');
  });
});

describe('describeSchedule', () => {
  it('says when the digest comes, in English, with the zone in force', () => {
    expect(describeSchedule(schedule({ cadence: 'weekly', weekday: 5, time: '16:00', timeZone: BERLIN }), 'UTC')).toBe(
      'every Friday at 16:00 (Europe/Berlin)',
    );
    expect(describeSchedule(schedule({ time: '09:30' }), NEW_YORK)).toBe('every day at 09:30 (America/New_York)');
    expect(describeSchedule(schedule({ cadence: 'monthly', dayOfMonth: 1, time: '09:00' }), 'UTC')).toBe(
      'on the 1st of every month at 09:00 (UTC)',
    );
    expect(describeSchedule(schedule({ cadence: 'monthly', dayOfMonth: 22, time: '09:00' }), 'UTC')).toBe(
      'on the 22nd of every month at 09:00 (UTC)',
    );
    expect(describeSchedule(schedule({ cadence: 'monthly', dayOfMonth: 13, time: '09:00' }), 'UTC')).toBe(
      'on the 13th of every month at 09:00 (UTC)',
    );
  });
});
