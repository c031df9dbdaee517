import { describe, expect, it } from 'vitest';
import { effectiveCostSettings } from '../../../src/domain/costs/costSettings.js';
import {
  firstHumanReviewAt,
  isBotAccount,
  reviewWait,
  type ReviewWaitProps,
} from '../../../src/domain/costs/reviewWait.js';

const at = (iso: string) => new Date(iso);

// Opened Friday 20 November 16:00 UTC; office hours Mon–Fri 09:00–17:00 UTC.
const pullRequest = (overrides: Partial<ReviewWaitProps> = {}): ReviewWaitProps => ({
  openedAt: at('2026-11-20T16:00Z'),
  readyForReviewAt: null,
  reviewRequestedAt: at('2026-11-20T18:00Z'),
  firstReviewAt: at('2026-11-23T10:30Z'),
  mergedAt: at('2026-11-23T16:00Z'),
  settings: effectiveCostSettings(),
  ...overrides,
});

describe('reviewWait', () => {
  it('counts only Monday’s hours for a Friday-evening request, as a share of open-to-merge', () => {
    expect(reviewWait(pullRequest())).toEqual({
      startedAt: at('2026-11-20T18:00Z'),
      waitHours: 1.5,
      // Friday 16–17 and Monday 09–16.
      openToMergeHours: 8,
      shareOfOpenToMerge: 0.1875,
      money: 0,
      buildHoursForgone: 0,
      inputs: {
        hourlyRate: 100,
        currency: 'EUR',
        buildMultiplier: 1.2,
        reviewInterruptionFactor: 0,
        workingDays: [1, 2, 3, 4, 5],
        workdayStart: '09:00',
        workdayEnd: '17:00',
        timeZone: 'UTC',
      },
    });
  });

  it('is null until someone reviews', () => {
    expect(reviewWait(pullRequest({ firstReviewAt: null }))).toBeNull();
  });

  it('starts at the later of ready-for-review and review-requested', () => {
    const monday = { openedAt: at('2026-11-23T09:00Z'), firstReviewAt: at('2026-11-23T15:00Z'), mergedAt: null };
    const requestedInDraft = reviewWait(
      pullRequest({ ...monday, reviewRequestedAt: at('2026-11-23T10:00Z'), readyForReviewAt: at('2026-11-23T13:00Z') }),
    );
    expect(requestedInDraft).toMatchObject({ startedAt: at('2026-11-23T13:00Z'), waitHours: 2 });
    const requestedLater = reviewWait(
      pullRequest({ ...monday, readyForReviewAt: at('2026-11-23T10:00Z'), reviewRequestedAt: at('2026-11-23T12:00Z') }),
    );
    expect(requestedLater).toMatchObject({ startedAt: at('2026-11-23T12:00Z'), waitHours: 3 });
    const neither = reviewWait(pullRequest({ ...monday, readyForReviewAt: null, reviewRequestedAt: null }));
    expect(neither).toMatchObject({ startedAt: at('2026-11-23T09:00Z'), waitHours: 6 });
  });

  it('prices the wait only through the interruption factor', () => {
    const settings = effectiveCostSettings({ reviewInterruptionFactor: 0.5 });
    const wait = reviewWait(
      pullRequest({ reviewRequestedAt: at('2026-11-23T09:00Z'), firstReviewAt: at('2026-11-23T12:00Z'), settings }),
    );
    expect(wait?.waitHours).toBe(3);
    expect(wait?.money).toBe(150);
    expect(wait?.buildHoursForgone).toBeCloseTo(1.8, 10);
  });

  it('has no share while unmerged or when open-to-merge had no working time', () => {
    expect(reviewWait(pullRequest({ mergedAt: null }))).toMatchObject({
      openToMergeHours: null,
      shareOfOpenToMerge: null,
    });
    const weekend = reviewWait(
      pullRequest({
        openedAt: at('2026-11-21T10:00Z'),
        reviewRequestedAt: null,
        firstReviewAt: at('2026-11-21T11:00Z'),
        mergedAt: at('2026-11-21T12:00Z'),
      }),
    );
    expect(weekend).toMatchObject({ waitHours: 0, openToMergeHours: 0, shareOfOpenToMerge: null });
  });

  it('counts a review that came before the request as no wait', () => {
    const wait = reviewWait(
      pullRequest({ reviewRequestedAt: at('2026-11-23T12:00Z'), firstReviewAt: at('2026-11-23T10:00Z') }),
    );
    expect(wait).toMatchObject({ waitHours: 0, shareOfOpenToMerge: 0 });
  });

  it('caps the share at the whole span when the review came after the merge', () => {
    const wait = reviewWait(pullRequest({ mergedAt: at('2026-11-23T10:00Z'), firstReviewAt: at('2026-11-23T12:00Z') }));
    expect(wait).toMatchObject({ waitHours: 3, openToMergeHours: 2, shareOfOpenToMerge: 1 });
  });
});

describe('isBotAccount', () => {
  it('knows bots by type or by the [bot] suffix', () => {
    expect(isBotAccount({ login: 'dependabot[bot]', type: 'Bot' })).toBe(true);
    expect(isBotAccount({ login: 'Renovate[bot]' })).toBe(true);
    expect(isBotAccount({ login: 'release-helper', type: 'Bot' })).toBe(true);
    expect(isBotAccount({ login: 'robot-fan', type: 'User' })).toBe(false);
  });
});

describe('firstHumanReviewAt', () => {
  it('skips the author, bots and pending reviews', () => {
    const reviews = [
      { submittedAt: at('2026-11-23T09:00Z'), reviewer: { login: 'Octocat', type: 'User' } },
      { submittedAt: at('2026-11-23T09:30Z'), reviewer: { login: 'copilot[bot]', type: 'Bot' } },
      { submittedAt: null, reviewer: { login: 'ana', type: 'User' } },
      { submittedAt: at('2026-11-23T14:00Z'), reviewer: { login: 'ben', type: 'User' } },
      { submittedAt: at('2026-11-23T11:00Z'), reviewer: { login: 'cleo', type: 'User' } },
    ];
    expect(firstHumanReviewAt(reviews, 'octocat')).toEqual(at('2026-11-23T11:00Z'));
    expect(firstHumanReviewAt(reviews.slice(0, 3), 'octocat')).toBeNull();
  });
});
