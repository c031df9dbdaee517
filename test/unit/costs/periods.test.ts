import { describe, expect, it } from 'vitest';
import { costPeriod, previousPeriod } from '../../../src/domain/costs/periods.js';

const at = (iso: string) => new Date(iso);

describe('costPeriod', () => {
  it('gives the ISO week starting Monday midnight in the team’s zone', () => {
    expect(costPeriod('week', at('2026-11-18T12:00Z'), 'Europe/Berlin')).toEqual({
      kind: 'week',
      start: at('2026-11-15T23:00Z'),
      end: at('2026-11-22T23:00Z'),
      label: '2026-W47',
    });
  });

  it('lets the zone decide which week an instant falls in', () => {
    // Sunday 23:30 UTC is already Monday in Berlin.
    expect(costPeriod('week', at('2026-11-22T23:30Z'), 'UTC').label).toBe('2026-W47');
    expect(costPeriod('week', at('2026-11-22T23:30Z'), 'Europe/Berlin').label).toBe('2026-W48');
  });

  it('labels the first days of January with the ISO week-year', () => {
    expect(costPeriod('week', at('2027-01-01T12:00Z'), 'UTC')).toEqual({
      kind: 'week',
      start: at('2026-12-28T00:00Z'),
      end: at('2027-01-04T00:00Z'),
      label: '2026-W53',
    });
  });

  it('gives months whose edges follow the zone’s offset on each side of a change', () => {
    expect(costPeriod('month', at('2026-10-15T12:00Z'), 'Europe/Berlin')).toEqual({
      kind: 'month',
      start: at('2026-09-30T22:00Z'),
      end: at('2026-10-31T23:00Z'),
      label: 'October 2026',
    });
    expect(costPeriod('month', at('2026-11-18T12:00Z'), 'America/New_York')).toEqual({
      kind: 'month',
      start: at('2026-11-01T04:00Z'),
      end: at('2026-12-01T05:00Z'),
      label: 'November 2026',
    });
  });

  it('gives calendar quarters', () => {
    expect(costPeriod('quarter', at('2026-11-18T12:00Z'), 'Europe/Berlin')).toEqual({
      kind: 'quarter',
      start: at('2026-09-30T22:00Z'),
      end: at('2026-12-31T23:00Z'),
      label: 'Q4 2026',
    });
  });
});

describe('previousPeriod', () => {
  it('steps back across a year boundary', () => {
    const zone = 'Europe/Berlin';
    const now = at('2027-01-06T12:00Z');
    expect(previousPeriod(costPeriod('week', now, zone), zone)).toMatchObject({
      label: '2026-W53',
      start: at('2026-12-27T23:00Z'),
      end: at('2027-01-03T23:00Z'),
    });
    expect(previousPeriod(costPeriod('month', now, zone), zone).label).toBe('December 2026');
    expect(previousPeriod(costPeriod('quarter', now, zone), zone)).toMatchObject({
      label: 'Q4 2026',
      end: at('2026-12-31T23:00Z'),
    });
  });
});
