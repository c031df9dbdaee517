import { currentDigestPeriod } from '../../domain/digest/schedule.js';
import type { Workspace } from '../../domain/workspace.js';
import type { Services } from '../services.js';
import { type ComposedDigest, type ComposeDigestProps, composeDigest } from './composeDigest.js';
import { digestSchedule } from './digestSchedule.js';
import { costSettingsFor } from '../costs/costSettingsFor.js';

/**
 * What the channel's next digest would say if it were posted now: its period so far, up to this
 * instant, or the last seven days for a channel without a schedule.
 */
export async function previewDigest(
  services: ComposeDigestProps['services'] & Pick<Services, 'digests' | 'now'>,
  workspace: Workspace,
  channelId: string,
): Promise<ComposedDigest> {
  const now = services.now();
  const scheduled = await digestSchedule(services, workspace, channelId);
  const period = scheduled
    ? currentDigestPeriod(scheduled.stored.schedule, now, scheduled.zone)
    : currentDigestPeriod(null, now, (await costSettingsFor(services, workspace, channelId)).timeZone);
  return composeDigest({ services, workspace, channelId, period: { ...period, label: `${period.label} (preview)` } });
}
