import type { CostSettingKey, CostSettingProblem, CostSettings } from '../../domain/costs/costSettings.js';
import { money } from '../blocks/costFormat.js';
import { COMMAND } from '../ids.js';
import type { SlackFailure } from '../slackFailure.js';
import { describeSlackFailure } from './failures.js';

/** The cost settings form (`/decide settings`): opening it, its field errors, and its confirmation. */

/** `/decide settings` could not read the settings while Slack still let it open the form (3 s from the command). */
export const SETTINGS_TOO_SLOW = `The settings took too long to load — the database is slow right now — and Slack only lets me open the form within 3 seconds of your command. Run \`${COMMAND} settings\` again in a minute.`;

export const SETTINGS_READ_FAILED = "I couldn't read the settings: the database did not answer. Try again in a minute.";

export function settingsNotOpened(failure: SlackFailure): string {
  return `I couldn't open the settings. ${describeSlackFailure(failure, 'this channel')}`;
}

export const SETTINGS_FORM_STALE = `This form is out of date. Close it and run ${COMMAND} settings again.`;

/** The database did not answer: on the open form, and once the form is closed. */
export const SETTINGS_SAVE_FAILED = {
  onForm: "I couldn't save: the database did not answer. Try again in a minute.",
  whenClosed:
    "I couldn't save the cost settings: the database did not answer, and nothing changed. Try again in a minute.",
} as const;

const SETTING_NAMES: Record<CostSettingKey, string> = {
  hourlyRate: 'The hourly rate',
  currency: 'The currency',
  buildMultiplier: 'The AI build multiplier',
  switchOverheadMinutes: 'The switch overhead',
  reviewInterruptionFactor: 'The review interruption factor',
  workingDays: 'Working days',
  workdayStart: 'The start of the working day',
  workdayEnd: 'The end of the working day',
  timeZone: 'The time zone',
};

export function describeSettingProblem(key: CostSettingKey, problem: CostSettingProblem): string {
  const name = SETTING_NAMES[key];
  switch (problem) {
    case 'not_a_number':
      return `${name} must be a number, like 120 or 1.5.`;
    case 'not_positive':
      return `${name} must be more than 0.`;
    case 'negative':
      return `${name} can't be negative.`;
    case 'too_high':
      return `${name} is higher than this setting allows; check for a typo.`;
    case 'invalid_currency':
      return 'Give a three-letter currency code, like EUR, USD or GBP.';
    case 'invalid_day':
    case 'no_days':
      return 'Pick at least one working day.';
    case 'invalid_time':
      return `${name} must be a time like 09:00.`;
    case 'end_not_after_start':
      return 'The working day must end after it starts.';
    case 'invalid_time_zone':
      return 'Give an IANA time zone, like Europe/Berlin, America/New_York or UTC.';
  }
}

/** Told in the channel, privately, once the form is saved. */
export function settingsSaved(scope: 'channel' | 'workspace', s: CostSettings): string {
  return (
    `Saved cost settings for ${scope === 'channel' ? 'this channel' : 'the workspace'}: ${money(s.hourlyRate, s.currency)} per person-hour, ` +
    `${s.buildMultiplier}× build rate, working hours ${s.workdayStart}–${s.workdayEnd} (${s.timeZone}). New estimates use them; recorded ones keep the inputs they were made with.`
  );
}
