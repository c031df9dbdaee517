import { describe, expect, it } from 'vitest';
import { effectiveCostSettings } from '../../../src/domain/costs/costSettings.js';
import { relitigationThreadCost, type ThreadMessage } from '../../../src/domain/costs/relitigationThreadCost.js';

const settings = effectiveCostSettings();
const message = (time: string, author: string): ThreadMessage => ({ at: new Date(`2026-11-17T${time}:00Z`), author });

// A 100-minute pause before C's message counts as the 30-minute cap.
const thread = [message('10:00', 'UA'), message('10:05', 'UB'), message('10:20', 'UA'), message('12:00', 'UC')];

describe('relitigationThreadCost', () => {
  it('counts each participant for the capped active time', () => {
    expect(relitigationThreadCost({ messages: thread, settings })).toEqual({
      participants: 3,
      messages: 4,
      // 2 for the first message + 5 + 15 + 30 = 52 minutes.
      activeHours: 52 / 60,
      personHours: 2.6,
      money: 260,
      buildHoursForgone: expect.closeTo(3.12, 10),
      inputs: { gapCapMinutes: 30, firstMessageMinutes: 2, hourlyRate: 100, currency: 'EUR', buildMultiplier: 1.2 },
    });
  });

  it('reads messages in any order', () => {
    const shuffled = [thread[3]!, thread[1]!, thread[0]!, thread[2]!];
    expect(relitigationThreadCost({ messages: shuffled, settings }).personHours).toBe(2.6);
  });

  it('takes its constants as parameters', () => {
    const cost = relitigationThreadCost({ messages: thread, settings, gapCapMinutes: 10, firstMessageMinutes: 0 });
    // 5 + 10 + 10 = 25 minutes, 3 people.
    expect(cost.activeHours).toBe(25 / 60);
    expect(cost.personHours).toBe(1.25);
    expect(cost.money).toBe(125);
  });

  it('costs a one-message thread its first-message allowance', () => {
    const cost = relitigationThreadCost({ messages: [message('09:00', 'UA')], settings });
    expect(cost.participants).toBe(1);
    expect(cost.personHours).toBe(2 / 60);
    expect(cost.money).toBe(200 / 60);
  });

  it('counts an author who writes twice once', () => {
    const cost = relitigationThreadCost({ messages: [message('09:00', 'UA'), message('09:10', 'UA')], settings });
    expect(cost.participants).toBe(1);
    expect(cost.personHours).toBe(12 / 60);
  });

  it('costs nothing without messages', () => {
    const cost = relitigationThreadCost({ messages: [], settings });
    expect(cost).toMatchObject({
      participants: 0,
      messages: 0,
      activeHours: 0,
      personHours: 0,
      money: 0,
      buildHoursForgone: 0,
    });
  });
});
