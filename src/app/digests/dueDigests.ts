import { type DigestPeriod, digestPeriodOf, digestRunKey, latestRunAt } from '../../domain/digest/schedule.js';
import { costSettingsFor } from '../costs/costSettingsFor.js';
import type { StoredDigestSchedule } from './ports.js';
import type { Services } from '../services.js';

/** A digest missed while no replica was running is still posted if its run is less than this old. */
export const CATCH_UP_MS = 24 * 3_600_000;

/**
 * A claimed digest (or revisit reminder) whose replica has not been heard from for this long was
 * abandoned (the replica stopped mid-run, in a deploy or a crash) and is taken over: it would
 * otherwise never be posted. Far longer than composing a digest takes, LLM narrative included, so a
 * slow replica keeps its claim.
 */
export const ABANDONED_CLAIM_MS = 15 * 60_000;

export interface DueDigest {
  stored: StoredDigestSchedule;
  timeZone: string;
  runAt: Date;
  period: DigestPeriod;
}

/**
 * The digests that should have been posted by `now` and were not claimed yet, or whose claim was
 * abandoned: each active schedule's latest run, if it came after the schedule was set and less
 * than a day ago.
 */
export async function dueDigests(
  services: Pick<Services, 'digests' | 'costSettings'>,
  now: Date,
): Promise<DueDigest[]> {
  const schedules = await services.digests.activeSchedules();
  const candidates: (Omit<DueDigest, 'period'> & { key: string })[] = [];
  for (const stored of schedules) {
    // `/decide digest` stores the zone it runs in; only a schedule stored without one is looked up.
    const timeZone =
      stored.schedule.timeZone ?? (await costSettingsFor(services, stored.workspace, stored.channelId)).timeZone;
    const runAt = latestRunAt(stored.schedule, now, timeZone);
    if (runAt < stored.since || now.getTime() - runAt.getTime() >= CATCH_UP_MS) continue;
    candidates.push({ stored, timeZone, runAt, key: digestRunKey(stored.schedule, runAt, timeZone) });
  }
  const claimed = await services.digests.claimedAmong(
    candidates.map((c) => ({ workspace: c.stored.workspace, channelId: c.stored.channelId, periodKey: c.key })),
    ABANDONED_CLAIM_MS,
  );
  // Every daily schedule has a run less than a day old: only the unclaimed ones get their period
  // (and its earlier runs) worked out.
  return candidates
    .filter((c) => !claimed.has(`${c.stored.workspace.workspaceId}:${c.stored.channelId}:${c.key}`))
    .map(({ stored, timeZone, runAt }) => ({
      stored,
      timeZone,
      runAt,
      period: digestPeriodOf(stored.schedule, runAt, timeZone),
    }));
}
