import { describe, expect, it } from 'vitest';
import {
  type CostSettingsOverrides,
  DEFAULT_COST_SETTINGS,
  effectiveCostSettings,
  validateCostSettings,
} from '../../../src/domain/costs/costSettings.js';

describe('effectiveCostSettings', () => {
  it('starts from the documented defaults', () => {
    expect(effectiveCostSettings()).toEqual({
      hourlyRate: 100,
      currency: 'EUR',
      buildMultiplier: 1.2,
      switchOverheadMinutes: 0,
      reviewInterruptionFactor: 0,
      workingDays: [1, 2, 3, 4, 5],
      workdayStart: '09:00',
      workdayEnd: '17:00',
      timeZone: 'UTC',
    });
  });

  it('lets the channel override the workspace, and the workspace the defaults', () => {
    const settings = effectiveCostSettings(
      { hourlyRate: 120, currency: 'USD' },
      { hourlyRate: 90, timeZone: 'Europe/Berlin' },
    );
    expect(settings).toEqual({ ...DEFAULT_COST_SETTINGS, hourlyRate: 90, currency: 'USD', timeZone: 'Europe/Berlin' });
  });

  it('does not let an unset channel value or an unknown key hide anything', () => {
    const stored = { hourlyRate: undefined, colour: 'red' } as CostSettingsOverrides;
    const settings = effectiveCostSettings({ hourlyRate: 120 }, stored);
    expect(settings.hourlyRate).toBe(120);
    expect(settings).not.toHaveProperty('colour');
  });
});

describe('validateCostSettings', () => {
  it('reads a complete form into normalised overrides', () => {
    const result = validateCostSettings({
      hourlyRate: '95,5',
      currency: 'usd',
      buildMultiplier: '1.5',
      switchOverheadMinutes: '10',
      reviewInterruptionFactor: '0.25',
      workingDays: '5, 1 3,3',
      workdayStart: '8:30',
      workdayEnd: '16:00',
      timeZone: 'europe/berlin',
    });
    expect(result).toEqual({
      ok: true,
      overrides: {
        hourlyRate: 95.5,
        currency: 'USD',
        buildMultiplier: 1.5,
        switchOverheadMinutes: 10,
        reviewInterruptionFactor: 0.25,
        workingDays: [1, 3, 5],
        workdayStart: '08:30',
        workdayEnd: '16:00',
        timeZone: 'Europe/Berlin',
      },
    });
  });

  it('leaves blank and missing fields to the layer below', () => {
    expect(validateCostSettings({ hourlyRate: '  ', currency: undefined })).toEqual({ ok: true, overrides: {} });
  });

  it('accepts the limits themselves and zero where zero means "none"', () => {
    const result = validateCostSettings({
      hourlyRate: '100000',
      buildMultiplier: '10',
      switchOverheadMinutes: '0',
      reviewInterruptionFactor: '1',
    });
    expect(result).toEqual({
      ok: true,
      overrides: { hourlyRate: 100000, buildMultiplier: 10, switchOverheadMinutes: 0, reviewInterruptionFactor: 1 },
    });
  });

  it('reports a problem for every bad field at once', () => {
    const result = validateCostSettings({
      hourlyRate: '0',
      currency: 'EURO',
      buildMultiplier: '10.5',
      switchOverheadMinutes: '-5',
      reviewInterruptionFactor: 'half',
      workingDays: '1,8',
      workdayStart: '25:00',
      workdayEnd: '17:00',
      timeZone: 'Mars/Olympus_Mons',
    });
    expect(result).toEqual({
      ok: false,
      problems: {
        hourlyRate: 'not_positive',
        currency: 'invalid_currency',
        buildMultiplier: 'too_high',
        switchOverheadMinutes: 'negative',
        reviewInterruptionFactor: 'not_a_number',
        workingDays: 'invalid_day',
        workdayStart: 'invalid_time',
        timeZone: 'invalid_time_zone',
      },
    });
  });

  it('bounds each number', () => {
    const problem = (key: string, value: string) => {
      const result = validateCostSettings({ [key]: value });
      return result.ok ? null : result.problems;
    };
    expect(problem('hourlyRate', '-1')).toEqual({ hourlyRate: 'not_positive' });
    expect(problem('hourlyRate', '100000.01')).toEqual({ hourlyRate: 'too_high' });
    expect(problem('hourlyRate', 'lots')).toEqual({ hourlyRate: 'not_a_number' });
    expect(problem('buildMultiplier', '0')).toEqual({ buildMultiplier: 'not_positive' });
    expect(problem('switchOverheadMinutes', '121')).toEqual({ switchOverheadMinutes: 'too_high' });
    expect(problem('reviewInterruptionFactor', '1.5')).toEqual({ reviewInterruptionFactor: 'too_high' });
    expect(problem('reviewInterruptionFactor', '-0.1')).toEqual({ reviewInterruptionFactor: 'negative' });
  });

  it('treats a blank day list as no days, since checkboxes have no "inherit"', () => {
    expect(validateCostSettings({ workingDays: '' })).toEqual({ ok: false, problems: { workingDays: 'no_days' } });
    expect(validateCostSettings({ workingDays: 'mon' })).toEqual({
      ok: false,
      problems: { workingDays: 'invalid_day' },
    });
  });

  it('writes both ends of the working day when either is given', () => {
    expect(validateCostSettings({ workdayEnd: '18:30' })).toEqual({
      ok: true,
      overrides: { workdayStart: '09:00', workdayEnd: '18:30' },
    });
    const inherited = effectiveCostSettings({ workdayStart: '07:00', workdayEnd: '15:00' });
    expect(validateCostSettings({ workdayEnd: '24:00' }, inherited)).toEqual({
      ok: true,
      overrides: { workdayStart: '07:00', workdayEnd: '24:00' },
    });
  });

  it('refuses a working day that ends before it starts, on the field that was typed', () => {
    expect(validateCostSettings({ workdayStart: '10:00', workdayEnd: '10:00' })).toEqual({
      ok: false,
      problems: { workdayEnd: 'end_not_after_start' },
    });
    expect(validateCostSettings({ workdayStart: '18:00' })).toEqual({
      ok: false,
      problems: { workdayStart: 'end_not_after_start' },
    });
    expect(validateCostSettings({ workdayStart: '24:00', workdayEnd: '24:00' })).toEqual({
      ok: false,
      problems: { workdayStart: 'invalid_time' },
    });
    expect(validateCostSettings({ workdayStart: 'nine', workdayEnd: '5pm' })).toEqual({
      ok: false,
      problems: { workdayStart: 'invalid_time', workdayEnd: 'invalid_time' },
    });
  });

  it('stores the canonical name of a time zone', () => {
    expect(validateCostSettings({ timeZone: 'US/Eastern' })).toEqual({
      ok: true,
      overrides: { timeZone: 'America/New_York' },
    });
  });
});
