import type { CostSettings } from '../../domain/costs/costSettings.js';
import { dayIn } from '../../domain/costs/days.js';
import { type MeetingCost, meetingCost } from '../../domain/costs/meetingCost.js';
import { costSettingsFor } from './costSettingsFor.js';
import type { CostSource } from './ports.js';
import type { Workspace } from '../../domain/workspace.js';
import type { Services } from '../services.js';

export interface RecordMeetingProps {
  services: Pick<Services, 'costs' | 'costSettings' | 'conversations' | 'now'>;
  workspace: Workspace;
  channelId: string;
  meeting: {
    minutes: number;
    /** People who attended (did not decline), each once. */
    attendees: number;
    title: string;
    /** When it started; a meeting typed in by hand counts as now. */
    startedAt?: Date;
  };
  source: Extract<CostSource, 'command' | 'calendar'>;
  /** The same meeting recorded again (a retried request, a feed fetched again) is one cost. */
  sourceKey: string;
  /** Who typed it in; null for a calendar feed. */
  userId: string | null;
  /** Settings already looked up for this channel (a feed records many meetings at once). */
  settings?: CostSettings;
}

export interface RecordedMeeting {
  recorded: boolean;
  cost: MeetingCost;
  settings: CostSettings;
}

/** Estimates a meeting's cost with the channel's settings and records it once. */
export async function recordMeeting({
  services,
  workspace,
  channelId,
  meeting,
  source,
  sourceKey,
  userId,
  settings,
}: RecordMeetingProps): Promise<RecordedMeeting> {
  const inForce = settings ?? (await costSettingsFor(services, workspace, channelId));
  const cost = meetingCost({ minutes: meeting.minutes, attendees: meeting.attendees, settings: inForce });
  const at = meeting.startedAt ?? services.now();
  const recorded = await services.costs.record({
    workspace,
    channelId,
    channelPrivate: await services.conversations.isPrivate(workspace, channelId),
    kind: 'meeting',
    source,
    sourceKey,
    occurredAt: at,
    day: dayIn(at, inForce.timeZone),
    title: meeting.title,
    decision: null,
    personHours: cost.totalPersonHours,
    waitHours: 0,
    money: cost.money,
    buildHours: cost.buildHoursForgone,
    currency: cost.inputs.currency,
    inputs: { ...cost.inputs, switchOverheadHours: cost.switchOverheadHours },
    createdBy: userId,
  });
  return { recorded, cost, settings: inForce };
}
