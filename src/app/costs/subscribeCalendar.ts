import type { FeedProblem } from './ports.js';
import type { Workspace } from '../../domain/workspace.js';
import type { Services } from '../services.js';
import { type FeedSyncResult, readCalendarFeed } from './syncCalendarFeed.js';

export interface SubscribeCalendarProps {
  services: Pick<Services, 'calendars' | 'calendarFeeds' | 'costs' | 'costSettings' | 'conversations' | 'now'>;
  workspace: Workspace;
  channelId: string;
  /** As typed: Slack's <…> wrapping and webcal:// are fine. */
  url: string;
  userId: string;
}

export type SubscribeCalendarResult =
  | { ok: true; host: string; alreadySubscribed: boolean; first: Extract<FeedSyncResult, { ok: true }> }
  | { ok: false; problem: FeedProblem; status?: number };

/**
 * Subscribes a channel to an ICS feed, after reading it once: a link that does not work is refused
 * with the reason and stores nothing. The past week's meetings are recorded right away.
 */
export async function subscribeCalendar({
  services,
  workspace,
  channelId,
  url,
  userId,
}: SubscribeCalendarProps): Promise<SubscribeCalendarResult> {
  const normalised = services.calendarFeeds.normalise(url);
  if (!normalised.ok) return normalised;
  const first = await readCalendarFeed(services, { workspace, channelId, url: normalised.url });
  if (!first.ok) return first;
  const subscription = await services.calendars.subscribe(workspace, channelId, normalised.url, userId);
  await services.calendars.finishSync(subscription.id, services.now(), {
    problem: null,
    problemReported: false,
    meetingsRecorded: first.recorded,
  });
  return { ok: true, host: new URL(normalised.url).host, alreadySubscribed: !subscription.created, first };
}
