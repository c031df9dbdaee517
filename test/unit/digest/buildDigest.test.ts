import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../../src/domain/digest/buildDigest.js';
import { costs, decision, digestData, revisit } from './digestData.js';

const QUIET =
  'No decisions were recorded this period: was anything settled in a meeting, a call or a DM that belongs in the ledger?';
const UNRECORDED = 'What did the team argue about this period that never became a decision record?';

describe('buildDigest', () => {
  it('calls a period with nothing decided, changed, due or argued again empty, whatever it cost', () => {
    const digest = buildDigest(
      digestData({ costs: { current: [costs('meeting', 6)], previous: [] }, narrative: '   ' }),
    );
    expect(digest.empty).toBe(true);
    expect(digest.narrative).toBeNull();
    expect(digest.questions).toEqual([QUIET, UNRECORDED]);
    expect(buildDigest(digestData({ decided: [decision(1)] })).empty).toBe(false);
    expect(
      buildDigest(digestData({ relitigation: { warned: 1, confirmed: 0, dismissed: 0, weak: 0, byDecision: [] } }))
        .empty,
    ).toBe(false);
  });

  it('asks whether the most-reopened decision needs a supersede once it was reopened twice', () => {
    const byDecision = [
      { ref: 9, title: 'Use MySQL', warnings: 2, confirmed: 0 },
      { ref: 14, title: 'Use Postgres', warnings: 3, confirmed: 2 },
    ];
    const digest = buildDigest(
      digestData({
        decided: [decision(20)],
        relitigation: { warned: 5, confirmed: 2, dismissed: 0, weak: 0, byDecision },
      }),
    );
    expect(digest.relitigation.byDecision.map((d) => d.ref)).toEqual([14, 9]);
    expect(digest.questions[0]).toBe('D-14 was reopened 3 times (2 confirmed): does it need a supersede?');

    const once = buildDigest(
      digestData({
        relitigation: {
          warned: 1,
          confirmed: 0,
          dismissed: 0,
          weak: 0,
          byDecision: [{ ref: 14, title: 'x', warnings: 1, confirmed: 0 }],
        },
      }),
    );
    expect(once.questions.some((q) => q.includes('supersede'))).toBe(false);
  });

  it('asks who owns the revisits that came due, oldest first', () => {
    const one = buildDigest(digestData({ decided: [decision(20)], dueForRevisit: [revisit(7, '2026-10-01')] }));
    expect(one.questions[0]).toBe('D-7 was due for a revisit on 2026-10-01: who owns revisiting it?');

    const many = buildDigest(
      digestData({
        decided: [decision(20)],
        dueForRevisit: [revisit(7, '2026-10-01'), revisit(3, '2026-09-01'), revisit(5, '2026-10-01')],
      }),
    );
    expect(many.dueForRevisit.map((d) => d.ref)).toEqual([3, 5, 7]);
    expect(many.questions[0]).toBe(
      '3 decisions are past their revisit date, the oldest D-3 since 2026-09-01: who owns revisiting them?',
    );
  });

  it('asks which meeting could have been a record when person-hours rose by a quarter or more', () => {
    const rose = buildDigest(
      digestData({
        decided: [decision(20)],
        costs: { current: [costs('meeting', 12), costs('relitigation', 3)], previous: [costs('meeting', 10)] },
      }),
    );
    expect(rose.personHoursChange).toBe(50);
    expect(rose.questions[0]).toBe(
      'Coordination took 50% more person-hours than the period before: which meeting could have been a decision record?',
    );

    const steady = buildDigest(
      digestData({
        decided: [decision(20)],
        costs: { current: [costs('meeting', 12.4)], previous: [costs('meeting', 10)] },
      }),
    );
    expect(steady.questions.some((q) => q.includes('which meeting'))).toBe(false);
  });

  it('asks whether the watcher is too eager when people dismissed more warnings than they confirmed', () => {
    const eager = buildDigest(
      digestData({
        decided: [decision(20)],
        relitigation: { warned: 6, confirmed: 1, dismissed: 4, weak: 0, byDecision: [] },
      }),
    );
    expect(eager.questions[0]).toBe(
      '4 relitigation warnings were dismissed as not a reopening: is the watcher too eager? `/decide watch low` makes it quieter.',
    );

    const balanced = buildDigest(
      digestData({
        decided: [decision(20)],
        relitigation: { warned: 6, confirmed: 3, dismissed: 3, weak: 0, byDecision: [] },
      }),
    );
    expect(balanced.questions.some((q) => q.includes('too eager'))).toBe(false);
  });

  it('asks whether people who relied on a superseded decision heard, and fills in gentler questions', () => {
    const digest = buildDigest(
      digestData({
        decided: [decision(14), decision(15)],
        changed: [{ decision: decision(9), change: 'superseded', by: { ref: 14 } }],
      }),
    );
    expect(digest.questions).toEqual([
      'D-9 was superseded by D-14: has everyone who relied on D-9 heard?',
      'Of the 2 decisions recorded this period, which is likeliest to be argued again, and does its record say why it was taken?',
      UNRECORDED,
    ]);
  });

  it('asks at most three questions, the most pressing first', () => {
    const digest = buildDigest(
      digestData({
        dueForRevisit: [revisit(7, '2026-10-01')],
        relitigation: {
          warned: 9,
          confirmed: 0,
          dismissed: 5,
          weak: 0,
          byDecision: [{ ref: 14, title: 'x', warnings: 4, confirmed: 0 }],
        },
        costs: { current: [costs('meeting', 20)], previous: [costs('meeting', 10)] },
      }),
    );
    expect(digest.questions).toEqual([
      'D-14 was reopened 4 times: does it need a supersede?',
      'D-7 was due for a revisit on 2026-10-01: who owns revisiting it?',
      'Coordination took 100% more person-hours than the period before: which meeting could have been a decision record?',
    ]);
  });

  it('compares each kind with the period before, on hours waited for review waits, and sums per currency', () => {
    const digest = buildDigest(
      digestData({
        costs: {
          current: [costs('relitigation', 3), costs('review_wait', 0, { waitHours: 30 }), costs('meeting', 10)],
          previous: [costs('meeting', 8), costs('review_wait', 0, { waitHours: 40 })],
        },
      }),
    );
    expect(digest.trend).toEqual([
      { kind: 'meeting', currency: 'EUR', percent: 25 },
      { kind: 'review_wait', currency: 'EUR', percent: -25 },
      { kind: 'relitigation', currency: 'EUR', percent: null },
    ]);
    expect(digest.totals).toEqual([{ currency: 'EUR', personHours: 13, money: 1300, buildHours: 13 * 1.2 }]);
    expect(digest.personHoursChange).toBe(62.5);
  });

  it('gives the same digest for the same facts in any order, without touching its input', () => {
    const data = digestData({ decided: [decision(3), decision(1), decision(2)] });
    const a = buildDigest(data);
    const b = buildDigest({ ...data, decided: [decision(2), decision(3), decision(1)] });
    expect(a).toEqual(b);
    expect(a.decided.map((d) => d.ref)).toEqual([1, 2, 3]);
    expect(data.decided.map((d) => d.ref)).toEqual([3, 1, 2]);
  });
});
