import type { CostSettings } from './costSettings.js';

/**
 * The active-time model for a thread. A thread's messages are spread over wall-clock time, but
 * its participants were not in it the whole while: a pause longer than the cap is time they spent
 * elsewhere, and counts only as the cap (reading back in and replying). The gap before a message
 * covers writing it, so only the first message, which has no gap before it, adds its own
 * allowance. Every participant is counted for the whole active time, as everyone follows the thread.
 */
export const THREAD_COST_DEFAULTS = {
  /** At most this much of any pause between two messages counts as time in the thread. */
  gapCapMinutes: 30,
  /** Time to write the first message, which no gap covers; a one-message thread costs this much. */
  firstMessageMinutes: 2,
} as const;

export interface ThreadMessage {
  at: Date;
  /** Slack user id; bots and the app itself are left out by the caller. */
  author: string;
}

export interface RelitigationThreadCostProps {
  /** In any order. */
  messages: readonly ThreadMessage[];
  settings: CostSettings;
  gapCapMinutes?: number;
  firstMessageMinutes?: number;
}

export interface RelitigationThreadCost {
  /** Distinct authors. */
  participants: number;
  messages: number;
  /** firstMessageMinutes + the sum of each gap between consecutive messages, capped, in hours. */
  activeHours: number;
  /** participants × activeHours. */
  personHours: number;
  /** personHours × hourly rate, in `inputs.currency`. */
  money: number;
  /** personHours × build multiplier. */
  buildHoursForgone: number;
  inputs: {
    gapCapMinutes: number;
    firstMessageMinutes: number;
    hourlyRate: number;
    currency: string;
    buildMultiplier: number;
  };
}

const MS_PER_MINUTE = 60_000;

/** What a thread reopening a decision cost the people in it. All zeros for a thread with no messages. */
export function relitigationThreadCost({
  messages,
  settings,
  gapCapMinutes = THREAD_COST_DEFAULTS.gapCapMinutes,
  firstMessageMinutes = THREAD_COST_DEFAULTS.firstMessageMinutes,
}: RelitigationThreadCostProps): RelitigationThreadCost {
  const times = messages.map((message) => message.at.getTime()).sort((a, b) => a - b);
  let activeMinutes = times.length > 0 ? firstMessageMinutes : 0;
  for (let i = 1; i < times.length; i++)
    activeMinutes += Math.min((times[i]! - times[i - 1]!) / MS_PER_MINUTE, gapCapMinutes);
  const participants = new Set(messages.map((message) => message.author)).size;
  const personMinutes = participants * activeMinutes;
  const { hourlyRate, currency, buildMultiplier } = settings;
  return {
    participants,
    messages: messages.length,
    activeHours: activeMinutes / 60,
    personHours: personMinutes / 60,
    money: (personMinutes * hourlyRate) / 60,
    buildHoursForgone: (personMinutes * buildMultiplier) / 60,
    inputs: { gapCapMinutes, firstMessageMinutes, hourlyRate, currency, buildMultiplier },
  };
}
