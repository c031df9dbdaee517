import { describe, expect, it } from 'vitest';
import {
  applyPullRequestActivity,
  completedReviewWait,
  type PullRequestActivity,
  type PullRequestTimeline,
  reviewWaitStart,
} from '../../../src/domain/costs/reviewTimeline.js';
import { readPullRequestEvent } from '../../../src/github/pullRequestEvent.js';
import { githubExample } from '../../support/githubExamples.js';

const at = (time: string) => new Date(`2026-03-02T${time}:00Z`);
const alice = { login: 'alice', isBot: false };
const bob = { login: 'bob', isBot: false };
const carol = { login: 'carol', isBot: false };
const dependabot = { login: 'dependabot[bot]', isBot: true };

/** An activity on acme/api#7 by alice, opened at 09:00; override what the test is about. */
function activity(
  overrides: Partial<PullRequestActivity> & Pick<PullRequestActivity, 'action' | 'at'>,
): PullRequestActivity {
  return {
    repository: 'Acme/API',
    repositoryKey: 'acme/api',
    number: 7,
    openedAt: at('09:00'),
    closedAt: null,
    mergedAt: null,
    merged: false,
    draft: false,
    title: 'Cache the rate card',
    url: 'https://github.com/Acme/API/pull/7',
    author: alice,
    actor: alice,
    ...overrides,
  };
}

const opened = (draft = false) => activity({ action: 'opened', at: at('09:00'), draft });
const requested = (time: string) => activity({ action: 'review_requested', at: at(time) });
const ready = (time: string) => activity({ action: 'ready_for_review', at: at(time) });
const reviewed = (time: string, reviewer = bob) =>
  activity({ action: 'review_submitted', at: at(time), actor: reviewer });
const merged = (time: string) =>
  activity({ action: 'closed', at: at(time), closedAt: at(time), mergedAt: at(time), merged: true, actor: alice });

/** Applies activities in order; returns the final timeline and which steps completed the wait. */
function replay(activities: PullRequestActivity[]) {
  let timeline: PullRequestTimeline | null = null;
  const completedAt: number[] = [];
  activities.forEach((next, step) => {
    const update = applyPullRequestActivity(timeline, next);
    timeline = update.timeline;
    if (update.waitCompleted) completedAt.push(step);
  });
  if (timeline === null) throw new Error('nothing replayed');
  return { timeline: timeline as PullRequestTimeline, completedAt };
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}

/** Every delivery order gives the same timeline, and all but one step leave the wait as it was. */
function expectOrderIndependent(activities: PullRequestActivity[], waitCompletes: boolean) {
  const inOrder = replay(activities).timeline;
  for (const order of permutations(activities)) {
    const { timeline, completedAt } = replay(order);
    expect(timeline).toEqual(inOrder);
    expect(completedAt).toHaveLength(waitCompletes ? 1 : 0);
  }
  return inOrder;
}

describe('applyPullRequestActivity', () => {
  it('measures from the review request to the first review by someone else', () => {
    const { timeline, completedAt } = replay([opened(), requested('09:30'), reviewed('11:00'), merged('11:30')]);
    expect(completedAt).toEqual([2]);
    expect(timeline).toEqual({
      repositoryKey: 'acme/api',
      number: 7,
      author: 'alice',
      openedAt: at('09:00'),
      readyAt: at('09:00'),
      reviewRequestedAt: at('09:30'),
      firstReviewAt: at('11:00'),
      firstReviewer: 'bob',
      closedAt: at('11:30'),
      mergedAt: at('11:30'),
      draft: false,
      title: 'Cache the rate card',
      url: 'https://github.com/Acme/API/pull/7',
      lastActivityAt: at('11:30'),
      waitReported: true,
    });
    expect(reviewWaitStart(timeline)).toEqual(at('09:30'));
    expect(completedReviewWait(timeline)).toEqual({ startedAt: at('09:30'), reviewedAt: at('11:00'), reviewer: 'bob' });
  });

  it('measures from opening when nobody is asked and someone reviews anyway', () => {
    const { timeline, completedAt } = replay([opened(), reviewed('10:00')]);
    expect(completedAt).toEqual([1]);
    expect(completedReviewWait(timeline)).toEqual({ startedAt: at('09:00'), reviewedAt: at('10:00'), reviewer: 'bob' });
  });

  it('starts the wait of a draft when it is marked ready, even if reviewers were asked earlier', () => {
    const { timeline } = replay([opened(true), requested('09:10'), ready('10:00'), reviewed('12:00')]);
    expect(timeline.readyAt).toEqual(at('10:00'));
    expect(timeline.reviewRequestedAt).toEqual(at('09:10'));
    expect(reviewWaitStart(timeline)).toEqual(at('10:00'));
    expect(completedReviewWait(timeline)?.startedAt).toEqual(at('10:00'));
  });

  it('has no wait start while a draft has neither been marked ready nor had reviewers asked', () => {
    const { timeline } = replay([opened(true)]);
    expect(timeline.readyAt).toBeNull();
    expect(reviewWaitStart(timeline)).toBeNull();
    expect(timeline.draft).toBe(true);
  });

  it('does not let a bot’s review end the wait', () => {
    const { timeline, completedAt } = replay([opened(), requested('09:30'), reviewed('09:31', dependabot)]);
    expect(completedAt).toEqual([]);
    expect(timeline.firstReviewAt).toBeNull();
    expect(
      replay([opened(), requested('09:30'), reviewed('09:31', dependabot), reviewed('13:00')]).completedAt,
    ).toEqual([3]);
  });

  it('does not let the author’s own review end the wait', () => {
    const { timeline, completedAt } = replay([
      opened(),
      requested('09:30'),
      reviewed('10:00', { login: 'Alice', isBot: false }),
    ]);
    expect(completedAt).toEqual([]);
    expect(timeline.firstReviewer).toBeNull();
  });

  it('counts a review of a draft as the first review, with no wait to measure', () => {
    const { timeline, completedAt } = replay([
      opened(true),
      reviewed('09:30'),
      ready('10:00'),
      requested('10:05'),
      reviewed('15:00', carol),
    ]);
    expect(completedAt).toEqual([]);
    expect(timeline.firstReviewAt).toEqual(at('09:30'));
    expect(timeline.firstReviewer).toBe('bob');
    expect(completedReviewWait(timeline)).toBeNull();
  });

  it('measures only the first wait: a re-request after the first review starts no second one', () => {
    const { timeline, completedAt } = replay([
      opened(),
      requested('09:30'),
      reviewed('10:00'),
      requested('14:00'),
      reviewed('17:00', carol),
    ]);
    expect(completedAt).toEqual([2]);
    expect(timeline.reviewRequestedAt).toEqual(at('09:30'));
    expect(completedReviewWait(timeline)).toEqual({ startedAt: at('09:30'), reviewedAt: at('10:00'), reviewer: 'bob' });
  });

  it('is idempotent: a redelivered activity changes nothing and completes nothing', () => {
    const first = replay([opened(), requested('09:30'), reviewed('11:00')]).timeline;
    const again = applyPullRequestActivity(first, reviewed('11:00'));
    expect(again).toEqual({ timeline: first, waitCompleted: false });
    const { completedAt, timeline } = replay([
      opened(),
      opened(),
      requested('09:30'),
      requested('09:30'),
      reviewed('11:00'),
      reviewed('11:00'),
    ]);
    expect(completedAt).toEqual([4]);
    expect(timeline).toEqual(first);
  });

  it('gives the same answer whatever order GitHub delivers the events in', () => {
    const timeline = expectOrderIndependent([opened(), requested('09:30'), reviewed('11:00'), merged('11:30')], true);
    expect(completedReviewWait(timeline)).toEqual({ startedAt: at('09:30'), reviewedAt: at('11:00'), reviewer: 'bob' });
  });

  it('gives the same answer in any order for drafts, bots, self-reviews and second rounds', () => {
    const draftFlow = expectOrderIndependent(
      [
        opened(true),
        requested('09:10'),
        ready('10:00'),
        reviewed('10:30', dependabot),
        reviewed('11:00', alice),
        reviewed('12:00'),
      ],
      true,
    );
    expect(completedReviewWait(draftFlow)).toEqual({
      startedAt: at('10:00'),
      reviewedAt: at('12:00'),
      reviewer: 'bob',
    });

    const secondRound = expectOrderIndependent(
      [opened(), reviewed('10:00'), requested('11:00'), reviewed('12:00', carol)],
      true,
    );
    expect(secondRound.reviewRequestedAt).toBeNull();
    expect(completedReviewWait(secondRound)).toEqual({
      startedAt: at('09:00'),
      reviewedAt: at('10:00'),
      reviewer: 'bob',
    });

    const reviewedAsDraft = expectOrderIndependent([opened(true), reviewed('09:30'), ready('10:00')], false);
    expect(completedReviewWait(reviewedAsDraft)).toBeNull();
  });

  it('signals at most once even when a late, earlier review retracts a wait that looked complete', () => {
    // Delivered: the second round's request and review, then the first review, then the opening.
    const late = [requested('11:00'), reviewed('12:00', carol), reviewed('10:00'), opened()];
    const retracted = replay(late.slice(0, 3));
    expect(retracted.completedAt).toEqual([1]);
    expect(completedReviewWait(retracted.timeline)).toBeNull();
    const restored = replay(late);
    expect(restored.completedAt).toEqual([1]);
    expect(completedReviewWait(restored.timeline)).toEqual({
      startedAt: at('09:00'),
      reviewedAt: at('10:00'),
      reviewer: 'bob',
    });
  });

  it('breaks a tie between two reviews in the same minute by login, not by delivery order', () => {
    const timeline = expectOrderIndependent([opened(), reviewed('10:00', carol), reviewed('10:00', bob)], true);
    expect(timeline.firstReviewer).toBe('bob');
  });

  it('keeps the newest event’s view of draft, title and closed, whatever the delivery order', () => {
    const closed = activity({ action: 'closed', at: at('12:00'), closedAt: at('12:00') });
    const reopened = activity({ action: 'reopened', at: at('13:00'), title: 'Cache the rate card (v2)' });
    const converted = activity({
      action: 'converted_to_draft',
      at: at('13:30'),
      draft: true,
      title: 'Cache the rate card (v2)',
    });
    const timeline = expectOrderIndependent([opened(), closed, reopened, converted], false);
    expect(timeline).toMatchObject({
      closedAt: null,
      draft: true,
      title: 'Cache the rate card (v2)',
      readyAt: at('09:00'),
      lastActivityAt: at('13:30'),
    });
  });

  it('starts a timeline from whichever event arrives first', () => {
    const { timeline, completedAt } = replay([reviewed('11:00')]);
    expect(completedAt).toEqual([]);
    expect(timeline).toMatchObject({
      author: 'alice',
      openedAt: at('09:00'),
      firstReviewAt: at('11:00'),
      readyAt: null,
    });
    const completed = applyPullRequestActivity(timeline, opened());
    expect(completed.waitCompleted).toBe(true);
    expect(completedReviewWait(completed.timeline)?.startedAt).toEqual(at('09:00'));
  });

  it('refuses an activity of another pull request', () => {
    const { timeline } = replay([opened()]);
    expect(() =>
      applyPullRequestActivity(timeline, activity({ action: 'opened', at: at('09:00'), number: 8 })),
    ).toThrow(/acme\/api#8 applied to acme\/api#7/);
  });
});

describe('applyPullRequestActivity on GitHub’s example payloads', () => {
  const read = (eventName: string, payload: unknown) => {
    const reading = readPullRequestEvent(eventName, payload);
    if (reading.kind !== 'pull_request_activity') throw new Error(JSON.stringify(reading));
    return reading.event;
  };
  const openedExample = () => read('pull_request', githubExample('pull_request', 'opened'));
  const requestedExample = () => read('pull_request', githubExample('pull_request', 'review_requested'));

  it('does not count Codertocat reviewing their own pull request', () => {
    const review = read('pull_request_review', githubExample('pull_request_review', 'submitted'));
    const { timeline, completedAt } = replay([openedExample(), requestedExample(), review]);
    expect(completedAt).toEqual([]);
    expect(timeline.firstReviewAt).toBeNull();
  });

  it('measures the wait when someone else submits the review', () => {
    const payload = githubExample('pull_request_review', 'submitted');
    payload.review.user = { ...payload.review.user, login: 'octocat' };
    const { timeline, completedAt } = replay([
      read('pull_request_review', payload),
      openedExample(),
      requestedExample(),
    ]);
    expect(completedAt).toEqual([1]);
    expect(completedReviewWait(timeline)).toEqual({
      startedAt: new Date('2019-05-15T15:20:33Z'),
      reviewedAt: new Date('2019-05-15T15:20:38Z'),
      reviewer: 'octocat',
    });
  });
});
