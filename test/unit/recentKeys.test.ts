import { describe, expect, it } from 'vitest';
import { RecentKeys } from '../../src/slack/recentKeys.js';

describe('RecentKeys', () => {
  it('recognises a key it holds and forgets the oldest beyond its capacity', () => {
    const keys = new RecentKeys(3);
    expect(['a', 'b', 'c'].map((k) => keys.add(k))).toEqual([true, true, true]);
    expect(keys.add('b')).toBe(false);
    expect(keys.add('d')).toBe(true); // 'a' is forgotten
    expect(keys.add('a')).toBe(true); // … so it is new again, and 'b' goes
    expect(keys.add('c')).toBe(false);
    expect(keys.add('b')).toBe(true);
  });
});
