import { digestPeriodOf, latestRunAt } from '../../domain/digest/schedule.js';
import type { Workspace } from '../../domain/workspace.js';
import type { Services } from '../services.js';
import { type ComposedDigest, type ComposeDigestProps, composeDigest } from './composeDigest.js';
import { digestSchedule } from './digestSchedule.js';

const WEEK_MS = 7 * 24 * 3_600_000;

/**
 * What the channel's next digest would say if it were posted now: its period so far, or the last
 * seven days for a channel without a schedule.
 */
export async function previewDigest(
  services: ComposeDigestProps['services'] & Pick<Services, 'digests' | 'now'>,
  workspace: Workspace,
  channelId: string,
): Promise<ComposedDigest> {
  const now = services.now();
  const scheduled = await digestSchedule(services, workspace, channelId);
  const period = scheduled
    ? {
        ...digestPeriodOf(
          scheduled.stored.schedule,
          latestRunAt(scheduled.stored.schedule, now, scheduled.zone),
          scheduled.zone,
        ),
        end: now,
      }
    : { start: new Date(now.getTime() - WEEK_MS), end: now, label: 'the last 7 days' };
  return composeDigest({ services, workspace, channelId, period: { ...period, label: `${period.label} (preview)` } });
}
