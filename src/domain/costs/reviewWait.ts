import type { CostSettings } from './costSettings.js';
import { workingHoursBetween } from './workingHours.js';

export interface ReviewWaitProps {
  openedAt: Date;
  /** When the pull request left draft; null if it never was one. */
  readyForReviewAt: Date | null;
  /** The first review request; null if nobody was asked by name. */
  reviewRequestedAt: Date | null;
  /** The first submitted review by a person other than the author (see firstHumanReviewAt). */
  firstReviewAt: Date | null;
  mergedAt: Date | null;
  settings: CostSettings;
}

export interface ReviewWait {
  /** When waiting began: the later of ready-for-review and review-requested, else when opened. */
  startedAt: Date;
  /** Working hours from startedAt to the first review. */
  waitHours: number;
  /** Working hours from opened to merged; null while unmerged. */
  openToMergeHours: number | null;
  /** waitHours / openToMergeHours, from 0 to 1; null while unmerged or when that span has no working time. */
  shareOfOpenToMerge: number | null;
  /** waitHours × interruption factor × hourly rate: 0 by default, a wait being a delay. */
  money: number;
  /** waitHours × interruption factor × build multiplier. */
  buildHoursForgone: number;
  inputs: ReviewWaitInputs;
}

export type ReviewWaitInputs = Pick<
  CostSettings,
  | 'hourlyRate'
  | 'currency'
  | 'buildMultiplier'
  | 'reviewInterruptionFactor'
  | 'workingDays'
  | 'workdayStart'
  | 'workdayEnd'
  | 'timeZone'
>;

/**
 * How long a pull request waited for its first review, in the team's working hours, so a Friday
 * evening request answered on Monday morning waits only Monday's hours. Null until reviewed.
 */
export function reviewWait(props: ReviewWaitProps): ReviewWait | null {
  const { openedAt, firstReviewAt, mergedAt, settings } = props;
  if (!firstReviewAt) return null;
  // A draft is not waiting for anyone, and a request made while it was a draft starts nothing.
  const startedAt = latest([openedAt, props.readyForReviewAt, props.reviewRequestedAt]);
  // A review before the request (someone looked early) is a wait of 0: workingHoursBetween gives 0.
  const waitHours = workingHoursBetween(startedAt, firstReviewAt, settings);
  const openToMergeHours = mergedAt ? workingHoursBetween(openedAt, mergedAt, settings) : null;
  // A review after the merge did not hold the merge up for longer than the whole span.
  const shareOfOpenToMerge = openToMergeHours ? Math.min(1, waitHours / openToMergeHours) : null;
  const { hourlyRate, currency, buildMultiplier, reviewInterruptionFactor } = settings;
  const { workingDays, workdayStart, workdayEnd, timeZone } = settings;
  const lostHours = waitHours * reviewInterruptionFactor;
  return {
    startedAt,
    waitHours,
    openToMergeHours,
    shareOfOpenToMerge,
    money: lostHours * hourlyRate,
    buildHoursForgone: lostHours * buildMultiplier,
    inputs: {
      hourlyRate,
      currency,
      buildMultiplier,
      reviewInterruptionFactor,
      workingDays,
      workdayStart,
      workdayEnd,
      timeZone,
    },
  };
}

function latest(dates: readonly (Date | null)[]): Date {
  const times = dates.filter((date): date is Date => date !== null).map((date) => date.getTime());
  return new Date(Math.max(...times));
}

export interface GitHubAccount {
  login: string;
  /** GitHub's account type: `User`, `Bot` or `Organization`. */
  type?: string | null;
}

/** GitHub Apps report `type: 'Bot'`; older integrations only show it in the `[bot]` login suffix. */
export function isBotAccount({ login, type }: GitHubAccount): boolean {
  return type === 'Bot' || login.toLowerCase().endsWith('[bot]');
}

export interface SubmittedReview {
  /** Null for a pending review, which nobody else can see yet. */
  submittedAt: Date | null;
  reviewer: GitHubAccount;
}

/** When the first review by a person other than the author was submitted; logins compare case-insensitively, as GitHub's do. */
export function firstHumanReviewAt(reviews: readonly SubmittedReview[], authorLogin: string): Date | null {
  const author = authorLogin.toLowerCase();
  let first: Date | null = null;
  for (const { submittedAt, reviewer } of reviews) {
    if (!submittedAt || isBotAccount(reviewer) || reviewer.login.toLowerCase() === author) continue;
    if (!first || submittedAt < first) first = submittedAt;
  }
  return first;
}
