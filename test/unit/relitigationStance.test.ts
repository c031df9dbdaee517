import { describe, expect, it } from 'vitest';
import { hashedFeatures } from '../../src/domain/relitigation/hashedFeatures.js';
import { readMessage } from '../../src/domain/relitigation/judge.js';
import { detector } from '../support/detector.js';

// Messages written for this test, in the voice of a team channel; none comes from the eval files.
const stance = (text: string) => readMessage(detector, text).stance;

describe('the learned stance model', () => {
  it('reads arguing to change a decision as more likely reopening than working within it', () => {
    const arguing = [
      'can we please rethink the rule that every dashboard has to live in grafana? it is slowing us down',
      'why are we still paying for the enterprise plan when nobody uses half of it? proposing we drop it',
      'i think we should go back to weekly releases, the daily train is burning people out',
    ];
    const within = [
      'added the new dashboard to grafana as agreed, link in the runbook',
      'the weekly release notes are published, thanks everyone',
      'how do i request access to the enterprise plan admin page?',
    ];
    const lowestArguing = Math.min(...arguing.map(stance));
    const highestWithin = Math.max(...within.map(stance));
    expect(lowestArguing).toBeGreaterThan(highestWithin);
  });

  it('gives every message a probability, empty or not', () => {
    for (const text of ['', ':tada:', '<@U123>', 'lunch?']) {
      const value = stance(text);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
  });

  it('folds features into unit-length hashed vectors, the same way every time', () => {
    const a = hashedFeatures(['w:cache', 'w:redis', 'w:cache'], 1024);
    const b = hashedFeatures(['w:cache', 'w:redis', 'w:cache'], 1024);
    expect([...a]).toEqual([...b]);
    const norm = [...a.values()].reduce((sum, v) => sum + v * v, 0);
    expect(norm).toBeCloseTo(1, 10);
    for (const bucket of a.keys()) expect(bucket).toBeLessThan(1024);
  });
});
