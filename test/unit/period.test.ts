import { describe, expect, it } from 'vitest';
import { datesStartingIn, dayEdgeOf, earlierByDays, lastDateStartingBefore } from '../../src/domain/period.js';

const at = (iso: string) => new Date(iso);
const BERLIN = 'Europe/Berlin';

describe('where a period edge falls in the calendar', () => {
  it('knows a local midnight opens its day, and any other instant cuts it', () => {
    expect(dayEdgeOf(at('2026-11-19T23:00:00Z'), BERLIN)).toEqual({
      at: at('2026-11-19T23:00:00Z'),
      day: '2026-11-20',
      startsDay: true,
    });
    expect(dayEdgeOf(at('2026-11-20T15:00:00Z'), BERLIN)).toMatchObject({ day: '2026-11-20', startsDay: false });
    expect(dayEdgeOf(at('2026-11-20T00:00:00Z'), BERLIN)).toMatchObject({ day: '2026-11-20', startsDay: false });
  });

  it('opens a day where the clocks skip midnight at its first instant', () => {
    // Santiago moved its clocks from 00:00 to 01:00 on 6 September 2026.
    expect(dayEdgeOf(at('2026-09-06T04:00:00Z'), 'America/Santiago')).toMatchObject({
      day: '2026-09-06',
      startsDay: true,
    });
  });
});

describe('dates counted in a period', () => {
  it("gives a date to the period holding its first instant: Friday to the week before a Friday 16:00 digest's", () => {
    const week = { start: at('2026-11-13T15:00:00Z'), end: at('2026-11-20T15:00:00Z') };
    expect(datesStartingIn(week, BERLIN)).toEqual({ from: '2026-11-14', to: '2026-11-21' });
    const next = { start: week.end, end: at('2026-11-27T15:00:00Z') };
    expect(datesStartingIn(next, BERLIN).from).toBe(datesStartingIn(week, BERLIN).to);
  });

  it('counts a date from its own midnight when a period starts there', () => {
    const month = { start: at('2026-10-31T23:00:00Z'), end: at('2026-11-30T23:00:00Z') };
    expect(datesStartingIn(month, BERLIN)).toEqual({ from: '2026-11-01', to: '2026-12-01' });
  });

  it('takes revisits due on the day a period ends in, unless it ends at that day’s midnight', () => {
    expect(lastDateStartingBefore(at('2026-11-20T15:00:00Z'), BERLIN)).toBe('2026-11-20');
    expect(lastDateStartingBefore(at('2026-11-19T23:00:00Z'), BERLIN)).toBe('2026-11-19');
  });
});

describe('earlier periods of a number of days', () => {
  it('start at the same local time, oldest first, across a change of clocks', () => {
    expect(earlierByDays(at('2026-11-02T09:00:00Z'), 7, BERLIN, 2)).toEqual([
      at('2026-10-19T08:00:00Z'),
      at('2026-10-26T09:00:00Z'),
    ]);
  });
});
