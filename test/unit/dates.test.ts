import { describe, expect, it } from 'vitest';
import { addToDate, isValidIsoDate, parseRevisitPhrase } from '../../src/domain/dates.js';

describe('dates', () => {
  it('adds months without spilling into the next month', () => {
    expect(addToDate('2027-01-31', 1, 'month')).toBe('2027-02-28');
    expect(addToDate('2028-01-31', 1, 'month')).toBe('2028-02-29');
    expect(addToDate('2026-11-22', 1, 'year')).toBe('2027-11-22');
    expect(addToDate('2026-12-30', 2, 'week')).toBe('2027-01-13');
  });

  it('validates ISO dates strictly', () => {
    expect(isValidIsoDate('2027-02-28')).toBe(true);
    expect(isValidIsoDate('2027-02-29')).toBe(false);
    expect(isValidIsoDate('27-02-01')).toBe(false);
  });

  it('reads relative and named revisit phrases', () => {
    expect(parseRevisitPhrase('in 10 days', '2026-11-22')).toEqual({ ok: true, date: '2026-12-02' });
    expect(parseRevisitPhrase('in a month', '2026-11-22')).toEqual({ ok: true, date: '2026-12-22' });
    expect(parseRevisitPhrase('next quarter', '2026-11-22')).toEqual({ ok: true, date: '2027-02-22' });
    expect(parseRevisitPhrase('in 0 days', '2026-11-22')).toEqual({ ok: false });
    expect(parseRevisitPhrase('when it hurts', '2026-11-22')).toEqual({ ok: false });
  });
});
