/**
 * How long a pull request waited for its first review, rebuilt from GitHub's webhooks. Pure.
 *
 * The wait runs from the later of "ready for review" and "review requested" to the first review
 * by someone other than the author who is not a bot. Only the first wait per pull request is
 * measured: later rounds (re-requests after a review) are conversation, not waiting to start.
 *
 * GitHub does not deliver webhooks in order and redelivers some, so every fact below is kept as
 * an earliest timestamp (or, for the pull request's current state, the newest event's view of it):
 * applying the same activities in any order, any number of times, gives the same timeline (bar
 * `waitReported`, which remembers what was already signalled).
 */

export interface PullRequestUser {
  login: string;
  isBot: boolean;
}

export type PullRequestAction =
  | 'opened'
  | 'ready_for_review'
  | 'review_requested'
  | 'closed'
  | 'review_submitted'
  | 'converted_to_draft'
  | 'reopened';

/** One webhook, reduced to what the timeline needs. */
export interface PullRequestActivity {
  /** GitHub's `owner/repo`, as GitHub spells it (for display). */
  repository: string;
  /** `repository` lowercased: GitHub names are case-insensitive and renames change the case. */
  repositoryKey: string;
  number: number;
  action: PullRequestAction;
  /** When the action happened, from the payload itself (never the delivery time). */
  at: Date;
  /** The pull request as of this event; every payload carries it, so any event can start a timeline. */
  openedAt: Date;
  closedAt: Date | null;
  mergedAt: Date | null;
  merged: boolean;
  draft: boolean;
  title: string;
  url: string;
  author: PullRequestUser;
  /** The reviewer for `review_submitted`; whoever triggered the event otherwise. */
  actor?: PullRequestUser;
}

export interface PullRequestTimeline {
  repositoryKey: string;
  number: number;
  /** The author's login. */
  author: string;
  openedAt: Date;
  /** First moment the pull request was out of draft (opened as ready, or marked ready). */
  readyAt: Date | null;
  /** First review request made before the first review; later requests are later rounds. */
  reviewRequestedAt: Date | null;
  /** First review by someone other than the author who is not a bot. */
  firstReviewAt: Date | null;
  firstReviewer: string | null;
  closedAt: Date | null;
  mergedAt: Date | null;
  draft: boolean;
  title: string;
  url: string;
  /** Time of the newest activity applied; it decides whose view of draft, title and closedAt wins. */
  lastActivityAt: Date;
  /**
   * An earlier activity already returned `waitCompleted`. Remembered because out-of-order events
   * can make the wait measurable, unmeasurable (an earlier review arrives) and measurable again.
   */
  waitReported: boolean;
}

export interface TimelineUpdate {
  timeline: PullRequestTimeline;
  /** True when this activity is the one that made the first review wait measurable. */
  waitCompleted: boolean;
}

export interface MeasuredReviewWait {
  startedAt: Date;
  reviewedAt: Date;
  reviewer: string;
}

/**
 * Folds one activity into a pull request's timeline (null for a pull request not seen before).
 *
 * `waitCompleted` is true at most once per pull request, redeliveries included, and exactly once
 * for every pull request whose wait ends up measurable. A late event can still move a completed
 * wait's start (an earlier request arriving last), so read the wait itself from the stored
 * timeline with `completedReviewWait`, not from the moment the signal fired.
 */
export function applyPullRequestActivity(
  timeline: PullRequestTimeline | null,
  activity: PullRequestActivity,
): TimelineUpdate {
  if (timeline && (timeline.repositoryKey !== activity.repositoryKey || timeline.number !== activity.number)) {
    throw new Error(
      `activity for ${activity.repositoryKey}#${activity.number} applied to ${timeline.repositoryKey}#${timeline.number}`,
    );
  }
  const before = timeline ?? seed(activity);
  const next = withFacts(withCurrentState(before, activity), activity);
  const waitCompleted = !before.waitReported && completedReviewWait(next) !== null;
  return { timeline: { ...next, waitReported: before.waitReported || waitCompleted }, waitCompleted };
}

/** When the pull request started waiting for review: the later of ready and requested. */
export function reviewWaitStart(timeline: PullRequestTimeline): Date | null {
  const { readyAt, reviewRequestedAt } = timeline;
  if (readyAt === null) return reviewRequestedAt;
  if (reviewRequestedAt === null) return readyAt;
  // biome-ignore lint/complexity/useMathMinMax: these are Dates; Math.max would return a number
  return readyAt > reviewRequestedAt ? readyAt : reviewRequestedAt;
}

/**
 * The measured wait, or null while it is still running or when there is none to measure: a review
 * that came before the pull request was ready or requested counts as its first review, but nobody
 * was waiting for it.
 */
export function completedReviewWait(timeline: PullRequestTimeline): MeasuredReviewWait | null {
  const startedAt = reviewWaitStart(timeline);
  const { firstReviewAt, firstReviewer } = timeline;
  if (startedAt === null || firstReviewAt === null || firstReviewer === null) return null;
  if (firstReviewAt < startedAt) return null;
  return { startedAt, reviewedAt: firstReviewAt, reviewer: firstReviewer };
}

function seed(activity: PullRequestActivity): PullRequestTimeline {
  return {
    repositoryKey: activity.repositoryKey,
    number: activity.number,
    author: activity.author.login,
    openedAt: activity.openedAt,
    readyAt: null,
    reviewRequestedAt: null,
    firstReviewAt: null,
    firstReviewer: null,
    closedAt: activity.closedAt,
    mergedAt: activity.mergedAt,
    draft: activity.draft,
    title: activity.title,
    url: activity.url,
    lastActivityAt: activity.at,
    waitReported: false,
  };
}

/** Draft, title and open/closed are states that come and go: the newest event's view wins. */
function withCurrentState(timeline: PullRequestTimeline, activity: PullRequestActivity): PullRequestTimeline {
  const base = {
    ...timeline,
    openedAt: earliest(timeline.openedAt, activity.openedAt),
    // A merge is final, so any event that saw it is enough.
    mergedAt: timeline.mergedAt ?? activity.mergedAt,
  };
  if (activity.at < timeline.lastActivityAt) return base;
  return {
    ...base,
    draft: activity.draft,
    title: activity.title,
    url: activity.url,
    closedAt: activity.closedAt,
    lastActivityAt: activity.at,
  };
}

function withFacts(timeline: PullRequestTimeline, activity: PullRequestActivity): PullRequestTimeline {
  const { action, at } = activity;
  if ((action === 'opened' && !activity.draft) || action === 'ready_for_review') {
    return { ...timeline, readyAt: earliest(timeline.readyAt, at) };
  }
  if (action === 'review_requested') {
    if (timeline.firstReviewAt !== null && at > timeline.firstReviewAt) return timeline;
    return { ...timeline, reviewRequestedAt: earliest(timeline.reviewRequestedAt, at) };
  }
  const reviewer = qualifyingReviewer(activity);
  if (reviewer !== null) {
    if (!isEarlierReview(at, reviewer, timeline)) return timeline;
    // A request made after this (earlier) review was for a later round; see reviewRequestedAt.
    const requested = timeline.reviewRequestedAt;
    return {
      ...timeline,
      firstReviewAt: at,
      firstReviewer: reviewer,
      reviewRequestedAt: requested !== null && requested > at ? null : requested,
    };
  }
  return timeline;
}

/** Who can end the wait: not the author reviewing their own work, and not a bot. */
function qualifyingReviewer(activity: PullRequestActivity): string | null {
  const reviewer = activity.actor;
  if (activity.action !== 'review_submitted' || !reviewer || reviewer.isBot) return null;
  // Logins are case-insensitive on GitHub.
  return reviewer.login.toLowerCase() === activity.author.login.toLowerCase() ? null : reviewer.login;
}

/** Two reviews in the same second: the login breaks the tie, so delivery order cannot. */
function isEarlierReview(at: Date, reviewer: string, timeline: PullRequestTimeline): boolean {
  const { firstReviewAt, firstReviewer } = timeline;
  if (firstReviewAt === null || firstReviewer === null) return true;
  if (at.getTime() !== firstReviewAt.getTime()) return at < firstReviewAt;
  return reviewer < firstReviewer;
}

function earliest(current: Date | null, candidate: Date): Date {
  return current !== null && current <= candidate ? current : candidate;
}
