import type { CostSettings } from './costSettings.js';

export interface MeetingCostProps {
  /** Length of the meeting (see parseDuration). */
  minutes: number;
  /** People who attended, each counted once (see parseAttendees). */
  attendees: number;
  settings: CostSettings;
}

export interface MeetingCost {
  /** attendees × length: the time spent in the meeting. */
  personHours: number;
  /** attendees × switch overhead: shown apart because it is an assumption, not a measurement. */
  switchOverheadHours: number;
  /** personHours + switchOverheadHours; money and build hours are worked out from this. */
  totalPersonHours: number;
  /** totalPersonHours × hourly rate, in `inputs.currency`. */
  money: number;
  /** totalPersonHours × build multiplier: the AI-assisted building the meeting displaced. */
  buildHoursForgone: number;
  inputs: MeetingCostInputs;
}

export interface MeetingCostInputs {
  minutes: number;
  attendees: number;
  hourlyRate: number;
  currency: string;
  buildMultiplier: number;
  switchOverheadMinutes: number;
}

/**
 * What a meeting cost. The overhead is in the totals because the time is lost all the same; it is
 * 0 unless a team sets it, and the breakdown keeps it visible so nobody mistakes it for meeting time.
 */
export function meetingCost({ minutes, attendees, settings }: MeetingCostProps): MeetingCost {
  const { hourlyRate, currency, buildMultiplier, switchOverheadMinutes } = settings;
  // Kept in minutes until the last step, so whole-minute inputs divide once and stay exact.
  const meetingMinutes = attendees * minutes;
  const overheadMinutes = attendees * switchOverheadMinutes;
  const totalMinutes = meetingMinutes + overheadMinutes;
  return {
    personHours: meetingMinutes / 60,
    switchOverheadHours: overheadMinutes / 60,
    totalPersonHours: totalMinutes / 60,
    money: (totalMinutes * hourlyRate) / 60,
    buildHoursForgone: (totalMinutes * buildMultiplier) / 60,
    inputs: { minutes, attendees, hourlyRate, currency, buildMultiplier, switchOverheadMinutes },
  };
}
