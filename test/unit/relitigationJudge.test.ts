import { describe, expect, it } from 'vitest';
import { assess, judge, mayReopen, readMessage } from '../../src/domain/relitigation/judge.js';
import type { MatchableDecision } from '../../src/domain/relitigation/types.js';
import { detector } from '../support/detector.js';

// Decisions and messages written for this test (none from the eval files), judged by the committed model.
function decision(ref: number, title: string, more: Partial<MatchableDecision> = {}): MatchableDecision {
  return {
    id: `decision-${ref}`,
    ref,
    title,
    rationale: '',
    context: '',
    alternatives: [],
    aliases: [],
    tags: [],
    ...more,
  };
}

const ORDERS = decision(7, 'The orders service stays on PostgreSQL', {
  rationale: 'Refunds need multi-row transactions',
  alternatives: ['MongoDB'],
});
const MOBILE = decision(19, 'Mobile apps are built with React Native', {
  alternatives: ['Flutter', 'native Swift and Kotlin apps'],
});
const POSTMORTEMS = decision(6, 'Every major incident gets a blameless postmortem within five business days');
const ON_CALL = decision(2, 'On-call is a weekly rotation with a primary and a secondary, handoff on Mondays');
const ALL = [ORDERS, MOBILE, POSTMORTEMS, ON_CALL];

const verdictsOf = (text: string, sensitivity: 'low' | 'normal' | 'high' = 'normal') =>
  judge(detector, readMessage(detector, text), ALL, sensitivity);
const strongRefs = (text: string, sensitivity: 'low' | 'normal' | 'high' = 'normal') =>
  verdictsOf(text, sensitivity)
    .filter((v) => v.tier === 'strong')
    .map((v) => v.decision.ref);

describe('judge', () => {
  it('warns when a message argues to replace what a decision chose', () => {
    expect(
      strongRefs(
        'honestly can we move the orders service off postgresql and onto mongodb? the schema migrations are killing us',
      ),
    ).toEqual([7]);
  });

  it('explains a warning: the shared words, and the rejected alternative the message brings up', () => {
    const [verdict] = verdictsOf(
      'honestly can we move the orders service off postgresql and onto mongodb? the schema migrations are killing us',
    );
    expect(verdict!.reasons.sharedWords).toEqual(expect.arrayContaining(['orders', 'postgresql']));
    expect(verdict!.reasons.rejectedNamed).toBe('MongoDB');
  });

  it('does not warn about a message that works within a decision', () => {
    expect(strongRefs('added an index on the orders table in postgresql, deploy is out')).toEqual([]);
    expect(strongRefs("postmortem for last week's incident is in the wiki, thanks all")).toEqual([]);
  });

  it('gives at most one strong verdict, the best reading first', () => {
    const verdicts = verdictsOf('why are we still on react native? flutter would fix the scrolling jank on android');
    expect(verdicts.filter((v) => v.tier === 'strong').length).toBeLessThanOrEqual(1);
    const scores = assess(
      detector,
      readMessage(detector, 'why are we still on react native? flutter would fix the scrolling jank'),
      ALL,
    ).map((a) => a.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('warns more readily at high sensitivity than at low', () => {
    const { thresholds } = detector.model;
    expect(thresholds.high.strong).toBeLessThanOrEqual(thresholds.normal.strong);
    expect(thresholds.normal.strong).toBeLessThanOrEqual(thresholds.low.strong);
    const texts = [
      'why are we still on react native? flutter would fix the scrolling jank on android',
      'honestly can we move the orders service off postgresql and onto mongodb?',
      'can we do two-week on-call rotations instead, handoffs every monday are a pain',
    ];
    const count = (s: 'low' | 'high') => texts.filter((t) => strongRefs(t, s).length > 0).length;
    expect(count('high')).toBeGreaterThanOrEqual(count('low'));
  });

  it('judges nothing when the watcher is off or there is nothing to judge against', () => {
    expect(verdictsOf('honestly can we move orders to mongodb?', 'high').length).toBeGreaterThan(0);
    expect(judge(detector, readMessage(detector, 'honestly can we move orders to mongodb?'), ALL, 'off')).toEqual([]);
    expect(judge(detector, readMessage(detector, 'honestly can we move orders to mongodb?'), [], 'normal')).toEqual([]);
  });

  it('lets most everyday messages through without looking anything up', () => {
    const everyday = ['lunch at noon?', 'thanks! :tada:', 'standup moved to 10:15 today', 'good morning everyone'];
    expect(everyday.filter((t) => mayReopen(detector, readMessage(detector, t), 'normal'))).toEqual([]);
  });
});
