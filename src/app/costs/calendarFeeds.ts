import type { Workspace } from '../../domain/workspace.js';
import type { CalendarSubscription } from './ports.js';
import type { Services } from '../services.js';

/** The calendar feeds whose meetings count for a channel, with how their last read went. */
export function calendarFeeds(
  services: Pick<Services, 'calendars'>,
  workspace: Workspace,
  channelId: string,
): Promise<CalendarSubscription[]> {
  return services.calendars.list(workspace, channelId);
}

/** Stops reading every feed of a channel; meetings already recorded stay in the costs. Returns how many. */
export function unsubscribeCalendars(
  services: Pick<Services, 'calendars'>,
  workspace: Workspace,
  channelId: string,
): Promise<number> {
  return services.calendars.unsubscribeAll(workspace, channelId);
}
