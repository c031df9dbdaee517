import { describe, expect, it } from 'vitest';
import { effectiveCostSettings } from '../../../src/domain/costs/costSettings.js';
import { meetingCost } from '../../../src/domain/costs/meetingCost.js';

describe('meetingCost', () => {
  it('prices the issue’s example: 45 minutes, 8 people, 120 an hour', () => {
    const cost = meetingCost({ minutes: 45, attendees: 8, settings: effectiveCostSettings({ hourlyRate: 120 }) });
    expect(cost).toEqual({
      personHours: 6,
      switchOverheadHours: 0,
      totalPersonHours: 6,
      money: 720,
      buildHoursForgone: 7.2,
      inputs: {
        minutes: 45,
        attendees: 8,
        hourlyRate: 120,
        currency: 'EUR',
        buildMultiplier: 1.2,
        switchOverheadMinutes: 0,
      },
    });
  });

  it('adds the switch overhead to the totals and shows it apart', () => {
    const settings = effectiveCostSettings({ switchOverheadMinutes: 15 });
    const cost = meetingCost({ minutes: 30, attendees: 4, settings });
    expect(cost.personHours).toBe(2);
    expect(cost.switchOverheadHours).toBe(1);
    expect(cost.totalPersonHours).toBe(3);
    expect(cost.money).toBe(300);
    expect(cost.buildHoursForgone).toBe(3.6);
    expect(cost.inputs.switchOverheadMinutes).toBe(15);
  });

  it('keeps thirds of an hour unrounded', () => {
    const cost = meetingCost({ minutes: 20, attendees: 1, settings: effectiveCostSettings({ currency: 'USD' }) });
    expect(cost.personHours).toBe(1 / 3);
    expect(cost.money).toBe(2000 / 60);
    expect(cost.inputs.currency).toBe('USD');
  });
});
