import {
  type DigestPeriod,
  digestPeriodOf,
  digestRunKey,
  latestRunAt,
  nextRunAt,
} from '../../domain/digest/schedule.js';
import type { Workspace } from '../../domain/workspace.js';
import { costSettingsFor } from '../costs/costSettingsFor.js';
import type { Services } from '../services.js';
import type { StoredDigestSchedule } from './ports.js';

/** A digest missed while no replica was running is still posted if its run is less than this old. */
export const CATCH_UP_MS = 24 * 3_600_000;

/**
 * A claimed digest (or revisit reminder) whose replica has not been heard from for this long was
 * abandoned (the replica stopped mid-run, in a deploy or a crash) and is taken over: it would
 * otherwise never be posted. Far longer than composing a digest takes, LLM narrative included, so a
 * slow replica keeps its claim. A schedule a replica took from the tick is held as long.
 */
export const ABANDONED_CLAIM_MS = 15 * 60_000;

export interface DueDigest {
  stored: StoredDigestSchedule;
  timeZone: string;
  runAt: Date;
  period: DigestPeriod;
  /** The schedule's run after this one: when the tick looks at it again once this one has ended. */
  next: Date;
}

type DuePorts = Pick<Services, 'digests' | 'costSettings'>;

/**
 * Takes up to `limit` schedules whose time has come by `now` (the repository holds them for this
 * replica) and returns those with a digest to post: the schedule's latest run, if it came after the
 * schedule was set and less than a day ago, and is not taken yet (or its claim was abandoned).
 * Schedules with nothing to post are set to their next run at once; `taken` says how many were
 * looked at, so a tick knows whether more are waiting. The tick's work grows with what is due, not
 * with what is stored (issue 24). Each digest returned must be ended with `digestRunEnded`.
 */
export async function takeDueDigests(
  services: DuePorts,
  now: Date,
  limit: number,
): Promise<{ due: DueDigest[]; taken: number }> {
  const taken = await services.digests.takeDue(now, limit, new Date(now.getTime() + ABANDONED_CLAIM_MS));
  const candidates: (Omit<DueDigest, 'period'> & { key: string })[] = [];
  const later: { stored: StoredDigestSchedule; next: Date }[] = [];
  for (const stored of taken) {
    // `/decide digest` stores the zone it runs in; only a schedule stored without one is looked up.
    const timeZone =
      stored.schedule.timeZone ?? (await costSettingsFor(services, stored.workspace, stored.channelId)).timeZone;
    const runAt = latestRunAt(stored.schedule, now, timeZone);
    const next = nextRunAt(stored.schedule, now, timeZone);
    if (runAt < stored.since || now.getTime() - runAt.getTime() >= CATCH_UP_MS) later.push({ stored, next });
    else candidates.push({ stored, timeZone, runAt, next, key: digestRunKey(stored.schedule, runAt, timeZone) });
  }
  const claimed = await services.digests.claimedAmong(
    candidates.map((c) => ({ workspace: c.stored.workspace, channelId: c.stored.channelId, periodKey: c.key })),
    ABANDONED_CLAIM_MS,
  );
  const due: DueDigest[] = [];
  for (const { key, ...candidate } of candidates) {
    const claim = claimed.get(`${candidate.stored.workspace.workspaceId}:${candidate.stored.channelId}:${key}`);
    // Held by a replica at work on it: looked at again next tick, in case that replica stops.
    if (claim === 'held') later.push({ stored: candidate.stored, next: nextTick(now) });
    else if (claim === 'ended') later.push({ stored: candidate.stored, next: candidate.next });
    // Only the unclaimed get their period (and its earlier runs) worked out.
    else
      due.push({
        ...candidate,
        period: digestPeriodOf(candidate.stored.schedule, candidate.runAt, candidate.timeZone),
      });
  }
  await services.digests.setNextRuns(later.map(({ stored, next }) => ({ ...scheduleKey(stored), next })));
  return { due, taken: taken.length };
}

/**
 * What became of a digest `takeDueDigests` returned: `ended` (posted, or failed and recorded), the
 * schedule waits for its next run; `again` (not posted, its claim given up or another replica's),
 * the next tick looks again, as long as the run is less than a day old.
 */
export async function digestRunEnded(
  services: Pick<Services, 'digests'>,
  due: DueDigest,
  outcome: 'ended' | 'again',
  now: Date,
): Promise<void> {
  await services.digests.setNextRuns([
    { ...scheduleKey(due.stored), next: outcome === 'ended' ? due.next : nextTick(now) },
  ]);
}

/** The app was uninstalled from a workspace: its schedules pause, rather than fail every time they come. */
export function pauseUninstalledDigests(services: Pick<Services, 'digests'>, workspace: Workspace): Promise<number> {
  return services.digests.pauseWorkspace(workspace, 'app_uninstalled');
}

/** Just after `now`: not taken again by the tick that set it, taken by the next. */
function nextTick(now: Date): Date {
  return new Date(now.getTime() + 1);
}

function scheduleKey(stored: StoredDigestSchedule) {
  return { workspace: stored.workspace, channelId: stored.channelId, since: stored.since };
}
