import { z } from 'zod';
import type { PullRequestAction, PullRequestActivity, PullRequestUser } from '../domain/costs/reviewTimeline.js';

export type { PullRequestActivity };

export type PullRequestEventReading =
  | { kind: 'pull_request_activity'; event: PullRequestActivity }
  | { kind: 'ignored'; reason: string }
  | { kind: 'invalid'; problem: string };

// Only the fields we read; zod objects let every other field of GitHub's large payloads through.
const timestamp = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

const account = z.object({ login: z.string().min(1), type: z.string().optional() });
type Account = z.infer<typeof account>;

const pullRequest = z.object({
  number: z.number().int().positive(),
  title: z.string(),
  html_url: z.string().min(1),
  user: account,
  // Older pull_request_review payloads omit draft and merged.
  draft: z.boolean().optional(),
  merged: z.boolean().nullish(),
  created_at: timestamp,
  updated_at: timestamp,
  closed_at: timestamp.nullish(),
  merged_at: timestamp.nullish(),
});

const common = {
  pull_request: pullRequest,
  repository: z.object({ full_name: z.string().min(1) }),
  sender: account,
};

const pullRequestPayload = z.object({
  ...common,
  // A request goes to a person (requested_reviewer) or a team (requested_team).
  requested_reviewer: account.nullish(),
});

const reviewPayload = z.object({
  ...common,
  action: z.literal('submitted'),
  review: z.object({
    // null when the reviewer's account was deleted (GitHub shows "ghost").
    user: account.nullable(),
    submitted_at: timestamp,
  }),
});

const actionOnly = z.object({ action: z.string() });

const TRACKED_PULL_REQUEST_ACTIONS = [
  'opened',
  'ready_for_review',
  'review_requested',
  'closed',
  'converted_to_draft',
  'reopened',
] as const satisfies readonly PullRequestAction[];
type TrackedPullRequestAction = (typeof TRACKED_PULL_REQUEST_ACTIONS)[number];

function isTracked(action: string): action is TrackedPullRequestAction {
  return (TRACKED_PULL_REQUEST_ACTIONS as readonly string[]).includes(action);
}

/**
 * Reads a GitHub webhook (the X-GitHub-Event header and the parsed JSON body) into one pull
 * request activity. Events and actions the review timeline does not use are ignored, with a reason
 * for the log; a tracked one that does not have the expected shape is invalid.
 */
export function readPullRequestEvent(eventName: string | undefined, payload: unknown): PullRequestEventReading {
  if (!eventName) return { kind: 'invalid', problem: 'missing X-GitHub-Event header' };
  if (eventName !== 'pull_request' && eventName !== 'pull_request_review') {
    return { kind: 'ignored', reason: `${eventName} events are not tracked` };
  }
  const head = actionOnly.safeParse(payload);
  if (!head.success) return { kind: 'invalid', problem: describe(head.error) };
  const { action } = head.data;

  if (eventName === 'pull_request_review') {
    if (action !== 'submitted') return { kind: 'ignored', reason: `pull_request_review.${action} is not tracked` };
    return readReview(payload);
  }
  if (!isTracked(action)) return { kind: 'ignored', reason: `pull_request.${action} is not tracked` };
  return readPullRequest(action, payload);
}

function readPullRequest(action: TrackedPullRequestAction, payload: unknown): PullRequestEventReading {
  const parsed = pullRequestPayload.safeParse(payload);
  if (!parsed.success) return { kind: 'invalid', problem: describe(parsed.error) };
  const { pull_request: pr, requested_reviewer: requested } = parsed.data;
  // Asking a bot (Copilot, say) for a review does not start a wait for a person.
  if (action === 'review_requested' && requested && isBot(requested)) {
    return { kind: 'ignored', reason: `review requested from the bot ${requested.login}` };
  }
  const at = actionTime(action, pr);
  if (at === null) return { kind: 'invalid', problem: 'pull_request.closed_at: closed without a closing time' };
  return {
    kind: 'pull_request_activity',
    event: activity(parsed.data, action, at, user(parsed.data.sender)),
  };
}

function readReview(payload: unknown): PullRequestEventReading {
  const parsed = reviewPayload.safeParse(payload);
  if (!parsed.success) return { kind: 'invalid', problem: describe(parsed.error) };
  const { review } = parsed.data;
  if (review.user === null) return { kind: 'ignored', reason: 'review by a deleted account' };
  return {
    kind: 'pull_request_activity',
    event: activity(parsed.data, 'review_submitted', review.submitted_at, user(review.user)),
  };
}

/**
 * The event's own time, from the payload: deliveries can be late, retried or redelivered. The
 * payload is the pull request as it was when the event fired, so updated_at is the action's time.
 */
function actionTime(action: TrackedPullRequestAction, pr: z.infer<typeof pullRequest>): Date | null {
  if (action === 'opened') return pr.created_at;
  if (action === 'closed') return pr.merged_at ?? pr.closed_at ?? null;
  return pr.updated_at;
}

function activity(
  payload: z.infer<typeof pullRequestPayload> | z.infer<typeof reviewPayload>,
  action: PullRequestAction,
  at: Date,
  actor: PullRequestUser,
): PullRequestActivity {
  const pr = payload.pull_request;
  const repository = payload.repository.full_name;
  const mergedAt = pr.merged_at ?? null;
  return {
    repository,
    repositoryKey: repository.toLowerCase(),
    number: pr.number,
    action,
    at,
    openedAt: pr.created_at,
    closedAt: pr.closed_at ?? null,
    mergedAt,
    merged: pr.merged ?? mergedAt !== null,
    draft: pr.draft ?? false,
    title: pr.title,
    url: pr.html_url,
    author: user(pr.user),
    actor,
  };
}

function user(who: Account): PullRequestUser {
  return { login: who.login, isBot: isBot(who) };
}

/** GitHub Apps act as `name[bot]` accounts of type Bot; older integrations only have the suffix. */
function isBot(who: Account): boolean {
  return who.type === 'Bot' || who.login.endsWith('[bot]');
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
