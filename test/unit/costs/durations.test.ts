import { describe, expect, it } from 'vitest';
import { parseAttendees, parseDuration } from '../../../src/domain/costs/durations.js';

describe('parseDuration', () => {
  it('reads the ways people write a meeting length', () => {
    const cases: [string, number][] = [
      ['45', 45],
      ['45m', 45],
      ['45min', 45],
      ['45 mins', 45],
      ['45 Minutes', 45],
      ['90m', 90],
      ['1h', 60],
      ['2 h', 120],
      ['2 hours', 120],
      ['1h30', 90],
      ['1h30m', 90],
      ['1h 30 min', 90],
      ['1 hour 30 minutes', 90],
      ['1:30', 90],
      ['1.5h', 90],
      ['1,5h', 90],
      ['1.25H', 75],
      ['24h', 1440],
    ];
    for (const [text, minutes] of cases) expect(parseDuration(text), text).toEqual({ ok: true, minutes });
  });

  it('rounds to whole minutes', () => {
    expect(parseDuration('1.33h')).toEqual({ ok: true, minutes: 80 });
    expect(parseDuration('0.5')).toEqual({ ok: true, minutes: 1 });
  });

  it('refuses nothing, more than a day and what is not a duration', () => {
    const cases: [string, string][] = [
      ['0', 'zero'],
      ['0h', 'zero'],
      ['0:00', 'zero'],
      ['0.4', 'zero'],
      ['24h1', 'too_long'],
      ['25h', 'too_long'],
      ['1441', 'too_long'],
      ['-45', 'not_a_duration'],
      ['', 'not_a_duration'],
      ['soon', 'not_a_duration'],
      ['45s', 'not_a_duration'],
      ['1h75', 'not_a_duration'],
      ['1.5h30', 'not_a_duration'],
      ['1:75', 'not_a_duration'],
    ];
    for (const [text, problem] of cases) expect(parseDuration(text), text).toEqual({ ok: false, problem });
  });
});

describe('parseAttendees', () => {
  it('reads a whole number of people', () => {
    expect(parseAttendees('8')).toEqual({ ok: true, attendees: 8 });
    expect(parseAttendees(' +12 ')).toEqual({ ok: true, attendees: 12 });
    expect(parseAttendees('10000')).toEqual({ ok: true, attendees: 10000 });
  });

  it('says why a count is refused', () => {
    expect(parseAttendees('0')).toEqual({ ok: false, problem: 'too_few' });
    expect(parseAttendees('-2')).toEqual({ ok: false, problem: 'too_few' });
    expect(parseAttendees('10001')).toEqual({ ok: false, problem: 'too_many' });
    expect(parseAttendees('99999999999999999999999')).toEqual({ ok: false, problem: 'too_many' });
    expect(parseAttendees('2.5')).toEqual({ ok: false, problem: 'not_a_number' });
    expect(parseAttendees('eight')).toEqual({ ok: false, problem: 'not_a_number' });
    expect(parseAttendees('')).toEqual({ ok: false, problem: 'not_a_number' });
  });
});
