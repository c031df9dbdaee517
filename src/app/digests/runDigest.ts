import type { DigestPeriod } from '../../domain/digest/schedule.js';
import type { Workspace } from '../../domain/workspace.js';
import { runClaimedSend } from '../claimedSend.js';
import type { Services } from '../services.js';
import { type ComposedDigest, type ComposeDigestProps, composeDigest } from './composeDigest.js';
import { ABANDONED_CLAIM_MS } from './dueDigests.js';
import type { StoredDigestSchedule } from './ports.js';

/** Where a digest goes (Slack, for the app); the use case decides when and how often. */
export interface DigestPublisher {
  /** Posts the digest and resolves its message ts; throws when it could not be posted. */
  post(composed: ComposedDigest): Promise<string>;
  /** Why a post failed, and the reason to pause the schedule when waiting cannot fix it (else null). */
  failureOf(error: unknown): { problem: string; pauseBecause: string | null };
  /** Tells the schedule's owner it paused. */
  tellOwnerPaused(why: string): Promise<void>;
  /** A claim could not be given up: this period's digest will not be posted. */
  onReleaseFailure(error: unknown): void;
}

export interface RunDigestRequest {
  stored: Pick<StoredDigestSchedule, 'workspace' | 'channelId' | 'owner'>;
  period: DigestPeriod;
  /** Scheduled digests are claimed first (exactly once across replicas); an operator's is not. */
  claimAs: string | null;
}

export type RunDigestResult =
  | { status: 'posted'; ts: string; composed: ComposedDigest }
  | { status: 'already_claimed'; takenOver: boolean }
  | { status: 'failed'; problem: string };

/**
 * Composes a channel's digest for a period and posts it. Claimed before it is composed: every
 * replica's tick finds the same digests due, and only the one that wins the claim reads the
 * period's facts (and, where the workspace opted in, sends them to the LLM for a narrative). A
 * channel the app cannot post to pauses the schedule, and its owner hears why.
 */
export async function runDigest(
  services: ComposeDigestProps['services'] & Pick<Services, 'digests'>,
  request: RunDigestRequest,
  publisher: DigestPublisher,
): Promise<RunDigestResult> {
  const { workspace, channelId } = request.stored;
  const { period, claimAs } = request;
  const compose = () => composeDigest({ services, workspace, channelId, period });
  if (claimAs === null) {
    const composed = await compose();
    try {
      return { status: 'posted', ts: await publisher.post(composed), composed };
    } catch (error) {
      return { status: 'failed', problem: publisher.failureOf(error).problem };
    }
  }
  const run = digestRun(services.digests, workspace, channelId, period.key, claimAs);
  let problem = '';
  const result = await runClaimedSend({
    claim: () => run.claim(),
    prepare: compose,
    confirm: () => run.confirm(),
    send: async (composed: ComposedDigest) => ({ ts: await publisher.post(composed), composed }),
    finish: ({ ts }) => run.finish({ status: 'posted', ts }),
    release: () => run.release(),
    onReleaseFailure: (error) => publisher.onReleaseFailure(error),
    // A failed post is recorded, never retried: a digest is never posted twice.
    onSendFailure: async (error) => {
      const failure = publisher.failureOf(error);
      problem = failure.problem;
      await run.finish({ status: 'failed', problem });
      if (failure.pauseBecause) {
        await services.digests.pause(workspace, channelId, failure.pauseBecause);
        await publisher.tellOwnerPaused(failure.pauseBecause);
      }
    },
  });
  switch (result.status) {
    case 'not_claimed':
      return { status: 'already_claimed', takenOver: false };
    case 'taken_over':
      return { status: 'already_claimed', takenOver: true };
    case 'send_failed':
      return { status: 'failed', problem };
    case 'sent':
      if (result.finishError) throw result.finishError;
      return { status: 'posted', ...result.sent };
  }
}

function digestRun(
  digests: Services['digests'],
  workspace: Workspace,
  channelId: string,
  periodKey: string,
  instance: string,
) {
  return {
    claim: () => digests.claimRun(workspace, channelId, periodKey, instance, ABANDONED_CLAIM_MS),
    confirm: () => digests.confirmRun(workspace, channelId, periodKey, instance),
    finish: (outcome: Parameters<Services['digests']['finishRun']>[4]) =>
      digests.finishRun(workspace, channelId, periodKey, instance, outcome),
    release: () => digests.releaseRun(workspace, channelId, periodKey, instance),
  };
}
