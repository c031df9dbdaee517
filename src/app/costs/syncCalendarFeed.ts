import type { CostSettings } from '../../domain/costs/costSettings.js';
import { costSettingsFor } from './costSettingsFor.js';
import type { CalendarSubscription, FeedProblem } from './ports.js';
import { recordMeeting } from './recordMeeting.js';
import type { Services } from '../services.js';

/** Meetings are costs once they have happened; each sync looks this far back (repeats are recorded once). */
export const CALENDAR_LOOKBACK_DAYS = 7;
const DAY_MS = 86_400_000;
/** Feeds a run reads at once. */
const FEEDS_AT_ONCE = 4;

type SyncServices = Pick<Services, 'calendars' | 'calendarFeeds' | 'costs' | 'costSettings' | 'conversations' | 'now'>;

export type FeedSyncResult =
  | {
      ok: true;
      found: number;
      recorded: number;
      skipped: number;
      personHours: number;
      money: number;
      buildHours: number;
      settings: CostSettings;
    }
  | { ok: false; problem: FeedProblem; status?: number };

/**
 * Reads a feed's meetings of the past CALENDAR_LOOKBACK_DAYS and records each once per channel
 * (its key is the event's UID and start, so the same meeting in two people's feeds counts once).
 */
export async function readCalendarFeed(
  services: SyncServices,
  feed: Pick<CalendarSubscription, 'workspace' | 'channelId' | 'url'>,
): Promise<FeedSyncResult> {
  const now = services.now();
  const read = await services.calendarFeeds.meetings(feed.url, {
    from: new Date(now.getTime() - CALENDAR_LOOKBACK_DAYS * DAY_MS),
    to: now,
  });
  if (!read.ok) return read;
  const settings = await costSettingsFor(services, feed.workspace, feed.channelId);
  const result = {
    ok: true as const,
    found: read.meetings.length,
    recorded: 0,
    skipped: read.skipped,
    personHours: 0,
    money: 0,
    buildHours: 0,
    settings,
  };
  for (const meeting of read.meetings) {
    const { recorded, cost } = await recordMeeting({
      services,
      workspace: feed.workspace,
      channelId: feed.channelId,
      meeting: {
        minutes: meeting.minutes,
        attendees: meeting.attendees,
        title: meeting.title,
        startedAt: meeting.start,
      },
      source: 'calendar',
      sourceKey: `calendar:${feed.channelId}:${meeting.key}`,
      userId: null,
      settings,
    });
    result.personHours += cost.totalPersonHours;
    result.money += cost.money;
    result.buildHours += cost.buildHoursForgone;
    if (recorded) result.recorded += 1;
  }
  return result;
}

/** What the scheduled sync wants said in a channel: a feed that stopped working, said once. */
export interface FeedNotice {
  feed: CalendarSubscription;
  problem: FeedProblem;
}

export interface SyncCalendarFeedsProps {
  services: SyncServices;
  /** Feeds synced less than this long ago are skipped (another replica, or the last run, did them). */
  minIntervalMs: number;
  /** How long a replica may hold a claimed feed before another may take it over. */
  claimMs: number;
  limit: number;
}

/**
 * The scheduled sync: claims the feeds that are due (so replicas share the work without doubling
 * it), reads each, and reports a failing feed to its channel once per run of failures.
 */
export async function syncCalendarFeeds({
  services,
  minIntervalMs,
  claimMs,
  limit,
}: SyncCalendarFeedsProps): Promise<{ synced: number; failed: number; recorded: number; notices: FeedNotice[] }> {
  const now = services.now();
  const due = await services.calendars.claimDue(
    now,
    new Date(now.getTime() - minIntervalMs),
    new Date(now.getTime() + claimMs),
    limit,
  );
  const notices: FeedNotice[] = [];
  let recorded = 0;
  let failed = 0;
  const syncOne = async (feed: CalendarSubscription) => {
    let result: FeedSyncResult;
    try {
      result = await readCalendarFeed(services, feed);
    } catch {
      // Our side failed (the database, most likely), not the feed: its claim runs out and a later
      // run retries it; the other feeds go on.
      failed += 1;
      return;
    }
    if (result.ok) {
      recorded += result.recorded;
      await services.calendars.finishSync(feed.id, now, {
        problem: null,
        problemReported: false,
        meetingsRecorded: result.recorded,
      });
    } else {
      if (!feed.problemReported) notices.push({ feed, problem: result.problem });
      await services.calendars.finishSync(feed.id, now, {
        problem: result.problem,
        problemReported: true,
        meetingsRecorded: 0,
      });
    }
  };
  // A few feeds at a time: one slow server (up to CALENDAR_FETCH_TIMEOUT_MS) no longer holds up the
  // rest, and the fetches stay few enough not to crowd the database or the event loop.
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(FEEDS_AT_ONCE, due.length) }, async () => {
      while (next < due.length) await syncOne(due[next++]!);
    }),
  );
  return { synced: due.length - failed, failed, recorded, notices };
}
