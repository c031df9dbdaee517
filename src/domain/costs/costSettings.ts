import { parseDecimal } from './numbers.js';
import { type IsoWeekday, parseClock, type WorkingSchedule } from './workingHours.js';
import { isValidTimeZone } from '../timeZones.js';

/**
 * What the cost model assumes about a team. Each field can be set per workspace and per channel;
 * the channel's value wins.
 */
export interface CostSettings extends WorkingSchedule {
  /** Loaded cost of one person-hour (pay, taxes, benefits, overhead), in `currency`. */
  hourlyRate: number;
  /** ISO 4217 code, e.g. `EUR`. */
  currency: string;
  /**
   * Hours of pre-AI build work one person-hour yields with AI assistance, so that an hour spent
   * aligning reads as the building it displaced. 1.2 sits inside the range controlled studies
   * report, 0.84× to 2.26× (METR 2025; Google 2024; Cui et al. 2024; Peng et al. 2023), and
   * below its middle, since the fastest results come from small, self-contained tasks.
   */
  buildMultiplier: number;
  /** Minutes each attendee loses getting out of their work and back into it around a meeting. */
  switchOverheadMinutes: number;
  /**
   * Share of a review wait that costs someone's working time. 0 treats the wait as pure delay:
   * the author works on something else meanwhile.
   */
  reviewInterruptionFactor: number;
}

export type CostSettingKey = keyof CostSettings;
export type CostSettingsOverrides = Partial<CostSettings>;

export const COST_SETTING_KEYS = [
  'hourlyRate',
  'currency',
  'buildMultiplier',
  'switchOverheadMinutes',
  'reviewInterruptionFactor',
  'workingDays',
  'workdayStart',
  'workdayEnd',
  'timeZone',
] as const satisfies readonly CostSettingKey[];

export const DEFAULT_COST_SETTINGS: Readonly<CostSettings> = Object.freeze({
  hourlyRate: 100,
  currency: 'EUR',
  buildMultiplier: 1.2,
  switchOverheadMinutes: 0,
  reviewInterruptionFactor: 0,
  workingDays: Object.freeze([1, 2, 3, 4, 5] as const),
  workdayStart: '09:00',
  workdayEnd: '17:00',
  timeZone: 'UTC',
});

/** The settings in force: defaults, then the workspace's overrides, then the channel's. */
export function effectiveCostSettings(
  workspace: CostSettingsOverrides = {},
  channel: CostSettingsOverrides = {},
): CostSettings {
  return { ...DEFAULT_COST_SETTINGS, ...setFieldsOf(workspace), ...setFieldsOf(channel) };
}

// Stored overrides may carry explicit undefineds or stale keys; neither may hide a lower layer.
function setFieldsOf(overrides: CostSettingsOverrides): CostSettingsOverrides {
  const set: Record<string, unknown> = {};
  for (const key of COST_SETTING_KEYS) if (overrides[key] !== undefined) set[key] = overrides[key];
  return set as CostSettingsOverrides;
}

/** Upper bounds that catch typos (a rate of 1,000,000 an hour) without judging anyone's numbers. */
export const COST_SETTING_LIMITS = {
  maxHourlyRate: 100_000,
  maxBuildMultiplier: 10,
  /** Studies of task switching put refocusing at minutes to about half an hour; two hours is a typo. */
  maxSwitchOverheadMinutes: 120,
  /** A wait is one pull request's; at most its author's whole time is lost to it. */
  maxReviewInterruptionFactor: 1,
} as const;

export type CostSettingProblem =
  | 'not_a_number'
  | 'not_positive'
  | 'negative'
  | 'too_high'
  | 'invalid_currency'
  | 'invalid_day'
  | 'no_days'
  | 'invalid_time'
  | 'end_not_after_start'
  | 'invalid_time_zone';

export type CostSettingsValidation =
  | { ok: true; overrides: CostSettingsOverrides }
  | { ok: false; problems: Partial<Record<CostSettingKey, CostSettingProblem>> };

type NumberKey = 'hourlyRate' | 'buildMultiplier' | 'switchOverheadMinutes' | 'reviewInterruptionFactor';

const NUMBER_RULES: Record<NumberKey, { zeroAllowed: boolean; max: number }> = {
  hourlyRate: { zeroAllowed: false, max: COST_SETTING_LIMITS.maxHourlyRate },
  buildMultiplier: { zeroAllowed: false, max: COST_SETTING_LIMITS.maxBuildMultiplier },
  switchOverheadMinutes: { zeroAllowed: true, max: COST_SETTING_LIMITS.maxSwitchOverheadMinutes },
  reviewInterruptionFactor: { zeroAllowed: true, max: COST_SETTING_LIMITS.maxReviewInterruptionFactor },
};

/**
 * Reads a settings form, raw strings keyed by CostSettingKey, into overrides, or a problem per
 * field so the form can show them all at once. A missing or blank field inherits, except
 * `workingDays`: a checkbox group has no "inherit" state, so blank there means no days at all.
 * Days are ISO numbers separated by commas or spaces (`1,2,3,4,5`). The working hours are one
 * setting: giving either end writes both, the other taken from `inherited` (the layer below), so
 * a later change to that layer cannot turn the window inside out.
 */
export function validateCostSettings(
  input: Readonly<Record<string, string | undefined>>,
  inherited: CostSettings = DEFAULT_COST_SETTINGS,
): CostSettingsValidation {
  const overrides: CostSettingsOverrides = {};
  const problems: Partial<Record<CostSettingKey, CostSettingProblem>> = {};
  const given = (key: CostSettingKey): string | undefined => {
    const value = input[key]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };

  for (const key of Object.keys(NUMBER_RULES) as NumberKey[]) {
    const text = given(key);
    if (text === undefined) continue;
    const result = checkNumber(text, NUMBER_RULES[key]);
    if (typeof result === 'number') overrides[key] = result;
    else problems[key] = result;
  }

  const currency = given('currency')?.toUpperCase();
  if (currency !== undefined) {
    if (/^[A-Z]{3}$/.test(currency)) overrides.currency = currency;
    else problems.currency = 'invalid_currency';
  }

  const days = input.workingDays;
  if (days !== undefined) {
    const result = checkDays(days);
    if (Array.isArray(result)) overrides.workingDays = result;
    else problems.workingDays = result;
  }

  const start = given('workdayStart');
  const end = given('workdayEnd');
  if (start !== undefined || end !== undefined) {
    const open = parseClock(start ?? inherited.workdayStart);
    const close = parseClock(end ?? inherited.workdayEnd);
    const opens = open !== null && open < 24 * 60;
    if (!opens) problems.workdayStart = 'invalid_time';
    if (close === null) problems.workdayEnd = 'invalid_time';
    if (opens && close !== null) {
      if (close <= open) problems[end !== undefined ? 'workdayEnd' : 'workdayStart'] = 'end_not_after_start';
      else {
        overrides.workdayStart = formatClock(open);
        overrides.workdayEnd = formatClock(close);
      }
    }
  }

  const zone = given('timeZone');
  if (zone !== undefined) {
    // Intl gives the canonical spelling: `europe/berlin` → `Europe/Berlin`, `US/Eastern` → `America/New_York`.
    if (isValidTimeZone(zone))
      overrides.timeZone = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
    else problems.timeZone = 'invalid_time_zone';
  }

  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, overrides };
}

function checkNumber(text: string, rule: { zeroAllowed: boolean; max: number }): number | CostSettingProblem {
  const value = parseDecimal(text);
  if (value === null) return 'not_a_number';
  if (value < 0) return rule.zeroAllowed ? 'negative' : 'not_positive';
  if (value === 0 && !rule.zeroAllowed) return 'not_positive';
  if (value > rule.max) return 'too_high';
  return value;
}

function checkDays(text: string): IsoWeekday[] | 'invalid_day' | 'no_days' {
  const parts = text.split(/[\s,;]+/).filter((part) => part !== '');
  if (parts.length === 0) return 'no_days';
  if (!parts.every((part) => /^[1-7]$/.test(part))) return 'invalid_day';
  return [...new Set(parts.map(Number) as IsoWeekday[])].sort((a, b) => a - b);
}

function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
