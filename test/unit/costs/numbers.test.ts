import { describe, expect, it } from 'vitest';
import { parseDecimal, roundTo } from '../../../src/domain/costs/numbers.js';

describe('roundTo', () => {
  it('rounds half away from zero, including ties binary cannot represent', () => {
    expect(roundTo(7.199999999999999, 1)).toBe(7.2);
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(2.5, 0)).toBe(3);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(266.6666666, 2)).toBe(266.67);
    expect(roundTo(1234.5678, -2)).toBe(1200);
  });

  it('never returns negative zero', () => {
    expect(roundTo(-0.4, 0)).toBe(0);
  });
});

describe('parseDecimal', () => {
  it('reads plain decimals with a point or a comma', () => {
    expect(parseDecimal('120')).toBe(120);
    expect(parseDecimal(' 1,2 ')).toBe(1.2);
    expect(parseDecimal('0.25')).toBe(0.25);
    expect(parseDecimal('-3')).toBe(-3);
  });

  it('refuses thousands separators, exponents and words', () => {
    expect(parseDecimal('1,000.5')).toBeNull();
    expect(parseDecimal('1e3')).toBeNull();
    expect(parseDecimal('')).toBeNull();
    expect(parseDecimal('ten')).toBeNull();
  });
});
