import { type DigestSchedule, nextRunAt } from '../../domain/digest/schedule.js';
import type { Workspace } from '../../domain/workspace.js';
import { costSettingsFor } from '../costs/costSettingsFor.js';
import type { Services } from '../services.js';
import type { StoredDigestSchedule } from './ports.js';

type SchedulePorts = Pick<Services, 'digests' | 'costSettings' | 'now'>;

/** A channel's digest schedule and the time zone it runs in, or null when it has none. */
export async function digestSchedule(
  services: SchedulePorts,
  workspace: Workspace,
  channelId: string,
): Promise<{ stored: StoredDigestSchedule; zone: string } | null> {
  const stored = await services.digests.schedule(workspace, channelId);
  if (!stored) return null;
  const zone = stored.schedule.timeZone ?? (await costSettingsFor(services, workspace, channelId)).timeZone;
  return { stored, zone };
}

/**
 * Sets a channel's digest schedule. One without a zone takes the channel's zone now, so the tick
 * never has to look it up. Returns the schedule as stored and when it next runs.
 */
export async function scheduleDigest(
  services: SchedulePorts,
  request: { workspace: Workspace; channelId: string; schedule: DigestSchedule; userId: string },
): Promise<{ schedule: DigestSchedule & { timeZone: string }; next: Date }> {
  const { workspace, channelId } = request;
  const now = services.now();
  const timeZone = request.schedule.timeZone ?? (await costSettingsFor(services, workspace, channelId)).timeZone;
  const schedule = { ...request.schedule, timeZone };
  const next = nextRunAt(schedule, now, timeZone);
  await services.digests.saveSchedule(workspace, channelId, schedule, request.userId, now, next);
  return { schedule, next };
}

/** Stops a channel's digest; false when it had none. */
export function stopDigest(
  services: Pick<Services, 'digests'>,
  workspace: Workspace,
  channelId: string,
): Promise<boolean> {
  return services.digests.removeSchedule(workspace, channelId);
}
