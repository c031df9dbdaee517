import type { KnownBlock } from '@slack/types';
import type { MeetingCost } from '../../domain/costs/meetingCost.js';
import { assumptions, hours, minutesText, money, personHours } from './costFormat.js';
import { userText } from './text.js';

/** The answer to `/decide meeting 45m 8 architecture sync`: the estimate with its inputs. */
export function meetingCostBlocks(title: string, cost: MeetingCost, recorded: boolean): KnownBlock[] {
  const { inputs } = cost;
  const name = title.trim() === '' ? 'Meeting' : `*${userText(title, 200)}*`;
  const overhead =
    inputs.switchOverheadMinutes > 0
      ? `\n• of which ${personHours(cost.switchOverheadHours)} are switching overhead (${inputs.switchOverheadMinutes} min per attendee)`
      : '';
  return [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text:
          `${recorded ? 'Recorded' : 'Already recorded'}: ${name} — ${minutesText(inputs.minutes)} × ${inputs.attendees} ${inputs.attendees === 1 ? 'person' : 'people'}\n` +
          `• *${personHours(cost.totalPersonHours)}*${overhead}\n` +
          `• *${money(cost.money, inputs.currency)}* at ${money(inputs.hourlyRate, inputs.currency)} per person-hour\n` +
          `• *≈ ${hours(cost.buildHoursForgone)} build-hours forgone* at ${inputs.buildMultiplier}× AI-accelerated build rate`,
      },
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: assumptions(inputs) }] },
  ];
}

export function meetingCostText(title: string, cost: MeetingCost): string {
  return `${title.trim() === '' ? 'Meeting' : userText(title, 200)}: ${personHours(cost.totalPersonHours)}, ${money(cost.money, cost.inputs.currency)}, ≈ ${hours(cost.buildHoursForgone)} build-hours forgone`;
}
