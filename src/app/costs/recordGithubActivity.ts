import { dayIn } from '../../domain/costs/days.js';
import {
  applyPullRequestActivity,
  completedReviewWait,
  type PullRequestActivity,
  type PullRequestTimeline,
} from '../../domain/costs/reviewTimeline.js';
import { reviewWait } from '../../domain/costs/reviewWait.js';
import { costSettingsFor } from './costSettingsFor.js';
import type { Workspace } from '../../domain/workspace.js';
import type { Services } from '../services.js';

export interface RecordGithubActivityProps {
  services: Pick<Services, 'github' | 'costs' | 'costSettings' | 'conversations'>;
  /** X-GitHub-Delivery: the same id on every redelivery. */
  deliveryId: string;
  activity: PullRequestActivity;
}

export type GithubActivityOutcome =
  | { kind: 'duplicate' }
  | { kind: 'bot_author' }
  | { kind: 'recorded'; channels: number; waitHours: number | null };

/**
 * Folds a pull-request webhook into the pull request's review timeline and, for every channel the
 * repository is linked to, records (or corrects) its first review wait. A delivery is handled once.
 */
export async function recordGithubActivity({
  services,
  deliveryId,
  activity,
}: RecordGithubActivityProps): Promise<GithubActivityOutcome> {
  // Dependabot and friends do not wait for anyone's attention the way a person does.
  if (activity.author.isBot) return { kind: 'bot_author' };
  if (!(await services.github.firstDelivery(deliveryId, activity.action))) return { kind: 'duplicate' };
  try {
    const timeline = await services.github.updateTimeline(
      activity.repositoryKey,
      activity.number,
      (known) => applyPullRequestActivity(known, activity).timeline,
    );
    const channels = await services.github.channelsOf(activity.repositoryKey);
    let waitHours: number | null = null;
    for (const { workspace, channelId } of channels) {
      waitHours = await recordWait(services, workspace, channelId, activity.repository, timeline);
    }
    return { kind: 'recorded', channels: channels.length, waitHours };
  } catch (error) {
    await services.github.forgetDelivery(deliveryId).catch(() => undefined);
    throw error;
  }
}

/**
 * Replaces the pull request's wait cost in one channel with what the timeline says now: a late
 * webhook can move a wait's start, or show there was none to measure.
 */
async function recordWait(
  services: RecordGithubActivityProps['services'],
  workspace: Workspace,
  channelId: string,
  repository: string,
  timeline: PullRequestTimeline,
): Promise<number | null> {
  const sourceKey = `github:${timeline.repositoryKey}#${timeline.number}`;
  const measured = completedReviewWait(timeline);
  if (!measured) {
    await services.costs.remove(workspace, sourceKey);
    return null;
  }
  const settings = await costSettingsFor(services, workspace, channelId);
  const wait = reviewWait({
    openedAt: timeline.openedAt,
    readyForReviewAt: timeline.readyAt,
    reviewRequestedAt: timeline.reviewRequestedAt,
    firstReviewAt: measured.reviewedAt,
    mergedAt: timeline.mergedAt,
    settings,
  });
  if (!wait) return null;
  await services.costs.replace({
    workspace,
    channelId,
    channelPrivate: await services.conversations.isPrivate(workspace, channelId),
    kind: 'review_wait',
    source: 'github',
    sourceKey,
    occurredAt: measured.reviewedAt,
    day: dayIn(measured.reviewedAt, settings.timeZone),
    title: `${repository}#${timeline.number} ${timeline.title}`,
    decision: null,
    personHours: wait.waitHours * settings.reviewInterruptionFactor,
    waitHours: wait.waitHours,
    mergedWaitHours: wait.openToMergeHours === null ? 0 : wait.waitHours,
    openToMergeHours: wait.openToMergeHours ?? 0,
    money: wait.money,
    buildHours: wait.buildHoursForgone,
    currency: settings.currency,
    inputs: {
      ...wait.inputs,
      startedAt: wait.startedAt.toISOString(),
      reviewedAt: measured.reviewedAt.toISOString(),
      openToMergeHours: wait.openToMergeHours,
      shareOfOpenToMerge: wait.shareOfOpenToMerge,
      url: timeline.url,
    },
    createdBy: null,
  });
  return wait.waitHours;
}
