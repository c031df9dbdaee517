import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { z } from 'zod';
import type { CostSettings } from '../../domain/costs/costSettings.js';
import { CALLBACK, COST_FIELD, FIELD_ACTION } from '../ids.js';
import { MULTIPLIER_SOURCE } from './costFormat.js';

/** What the settings form carries to its submission. */
export const costSettingsMetadataSchema = z.object({ channelId: z.string().min(1).max(40) });
export type CostSettingsMetadata = z.infer<typeof costSettingsMetadataSchema>;

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const dayOption = (isoDay: number): PlainTextOption => ({
  text: { type: 'plain_text', text: DAYS[isoDay - 1]! },
  value: String(isoDay),
});
const SCOPE_OPTIONS: Record<'channel' | 'workspace', PlainTextOption> = {
  channel: { text: { type: 'plain_text', text: 'This channel' }, value: 'channel' },
  workspace: {
    text: { type: 'plain_text', text: 'The whole workspace (channels without settings of their own)' },
    value: 'workspace',
  },
};

/** `/decide settings`: the cost model's inputs, filled with those in force in the channel. */
export function costSettingsModalView(
  settings: CostSettings,
  metadata: CostSettingsMetadata,
  channelHasOwn: boolean,
): ModalView {
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: 'These numbers turn meetings, review waits and relitigation threads into estimates. They are shown next to every estimate, so nobody mistakes one for a measurement.',
      },
    },
    {
      type: 'input',
      block_id: COST_FIELD.scope,
      label: { type: 'plain_text', text: 'Apply to' },
      element: {
        type: 'radio_buttons',
        action_id: FIELD_ACTION,
        options: [SCOPE_OPTIONS.channel, SCOPE_OPTIONS.workspace],
        initial_option: SCOPE_OPTIONS[channelHasOwn ? 'channel' : 'workspace'],
      },
    },
    numberInput(
      COST_FIELD.hourlyRate,
      'Loaded cost per person-hour',
      settings.hourlyRate,
      'Pay, taxes, benefits and overhead of one hour of an engineer.',
    ),
    textInput(COST_FIELD.currency, 'Currency', settings.currency, 3, 'A three-letter code: EUR, USD, GBP…'),
    numberInput(
      COST_FIELD.buildMultiplier,
      'AI-accelerated build rate (×)',
      settings.buildMultiplier,
      MULTIPLIER_SOURCE,
    ),
    numberInput(
      COST_FIELD.switchOverheadMinutes,
      'Switch overhead per attendee (minutes)',
      settings.switchOverheadMinutes,
      'Time lost getting out of work and back into it around a meeting; shown separately. 0 leaves it out.',
    ),
    numberInput(
      COST_FIELD.reviewInterruptionFactor,
      'Review wait interruption factor (0–1)',
      settings.reviewInterruptionFactor,
      'A review wait is a delay. With 0 it costs no money; 0.25 counts a quarter of the waiting hours as lost working time.',
    ),
    {
      type: 'input',
      block_id: COST_FIELD.workingDays,
      optional: true,
      label: { type: 'plain_text', text: 'Working days' },
      element: {
        type: 'checkboxes',
        action_id: FIELD_ACTION,
        options: [1, 2, 3, 4, 5, 6, 7].map(dayOption),
        ...(settings.workingDays.length > 0 ? { initial_options: settings.workingDays.map(dayOption) } : {}),
      },
    },
    timeInput(COST_FIELD.workdayStart, 'Working day starts', settings.workdayStart),
    timeInput(COST_FIELD.workdayEnd, 'Working day ends', settings.workdayEnd),
    textInput(
      COST_FIELD.timeZone,
      'Time zone',
      settings.timeZone,
      64,
      'IANA name: Europe/Berlin, America/New_York, UTC…',
    ),
  ];
  return {
    type: 'modal',
    callback_id: CALLBACK.costSettings,
    private_metadata: JSON.stringify(metadata),
    title: { type: 'plain_text', text: 'Cost settings' },
    submit: { type: 'plain_text', text: 'Save' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks,
  };
}

function textInput(blockId: string, label: string, initial: string, max: number, hint: string): KnownBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: { type: 'plain_text', text: label },
    hint: { type: 'plain_text', text: hint },
    element: { type: 'plain_text_input', action_id: FIELD_ACTION, max_length: max, initial_value: initial },
  };
}

function numberInput(blockId: string, label: string, initial: number, hint: string): KnownBlock {
  return textInput(blockId, label, String(initial), 12, hint);
}

function timeInput(blockId: string, label: string, initial: string): KnownBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: { type: 'plain_text', text: label },
    // Slack's time picker has no 24:00; a day ending at midnight shows as 23:59 and is read back as 24:00.
    element: { type: 'timepicker', action_id: FIELD_ACTION, initial_time: initial === '24:00' ? '23:59' : initial },
  };
}
