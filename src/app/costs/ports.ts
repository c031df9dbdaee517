import type { CostSettingsOverrides } from '../../domain/costs/costSettings.js';
import type { PullRequestTimeline } from '../../domain/costs/reviewTimeline.js';
import type { CostKind, CostTotals } from '../../domain/costs/sums.js';
import type { Period } from '../../domain/period.js';
import type { Workspace } from '../../domain/workspace.js';

export type CostSource = 'command' | 'calendar' | 'github' | 'watcher';

/** One estimated cost, with what it was computed from. */
export interface NewCostEvent {
  workspace: Workspace;
  channelId: string;
  channelPrivate: boolean;
  kind: CostKind;
  source: CostSource;
  /** The same fact recorded twice is one row: a calendar UID + start, a pull request, a thread. */
  sourceKey: string;
  occurredAt: Date;
  /** `YYYY-MM-DD`, the day `occurredAt` falls on in the team's time zone: its daily sums. */
  day: string;
  title: string;
  decision: { id: string; ref: number } | null;
  personHours: number;
  waitHours: number;
  /** Review waits only: the wait again when its pull request was merged, and that pull request's open-to-merge working hours. */
  mergedWaitHours?: number;
  openToMergeHours?: number;
  money: number;
  buildHours: number;
  currency: string;
  inputs: Record<string, unknown>;
  createdBy: string | null;
}

/** What relitigating one decision cost over a period. */
export interface DecisionCostTotals {
  decisionId: string;
  decisionRef: number;
  threads: number;
  personHours: number;
  money: number;
  buildHours: number;
  currency: string;
}

/** Which channels a total covers: one channel, or the workspace's public channels. */
export type CostScope = { kind: 'channel'; channelId: string } | { kind: 'public_channels' };

export interface CostRepository {
  /** Records a cost once per source key; false when it was already recorded. */
  record(event: NewCostEvent): Promise<boolean>;
  /** Records or replaces the cost under its source key (a relitigation thread grows as people reply). */
  replace(event: NewCostEvent): Promise<void>;
  /** Forgets a cost (a warning marked "not a reopening" was no relitigation). */
  remove(workspace: Workspace, sourceKey: string): Promise<void>;
  /**
   * Totals by kind and currency for consecutive periods, in one read: `edges` are their bounds
   * (ascending), so [e0, e1, e2] gives [e0, e1) and [e1, e2), to the instant: a cost counts at its
   * `occurredAt`. `timeZone` says which days lie whole inside a period (their sums serve).
   */
  totals(workspace: Workspace, scope: CostScope, edges: Date[], timeZone: string): Promise<CostTotals[][]>;
  /** The decisions whose relitigation cost the most in a channel over the period, costliest first. */
  decisionTotals(
    workspace: Workspace,
    channelId: string,
    period: Period,
    timeZone: string,
    limit: number,
  ): Promise<DecisionCostTotals[]>;
}

export interface CostSettingsRepository {
  /** The workspace's overrides and the channel's (each empty when never set). */
  overrides(
    workspace: Workspace,
    channelId: string,
  ): Promise<{ workspace: CostSettingsOverrides; channel: CostSettingsOverrides }>;
  /** Saves overrides for the workspace (`channelId` null) or one channel, replacing what was there. */
  save(workspace: Workspace, channelId: string | null, overrides: CostSettingsOverrides, userId: string): Promise<void>;
}

export interface CalendarSubscription {
  id: number;
  workspace: Workspace;
  channelId: string;
  url: string;
  lastSyncedAt: Date | null;
  lastProblem: FeedProblem | null;
  problemReported: boolean;
  meetingsRecorded: number;
}

export interface CalendarSubscriptionRepository {
  /** Subscribes a channel to a feed (`created` false when it already was). */
  subscribe(
    workspace: Workspace,
    channelId: string,
    url: string,
    userId: string,
  ): Promise<{ id: number; created: boolean }>;
  /** Removes every feed of a channel; returns how many there were. */
  unsubscribeAll(workspace: Workspace, channelId: string): Promise<number>;
  list(workspace: Workspace, channelId: string): Promise<CalendarSubscription[]>;
  /**
   * Claims feeds not synced since `staleBefore` and not claimed by another replica at `now`, until
   * `until`: the caller syncs them, and no other replica does meanwhile.
   */
  claimDue(now: Date, staleBefore: Date, until: Date, limit: number): Promise<CalendarSubscription[]>;
  /** Records a sync's result (made at `at`) and releases the claim. */
  finishSync(
    id: number,
    at: Date,
    result: { problem: FeedProblem | null; problemReported: boolean; meetingsRecorded: number },
  ): Promise<void>;
}

export type LinkChange = { kind: 'done' } | { kind: 'not_linked' } | { kind: 'linked_elsewhere'; channelId: string };

export interface GithubRepository {
  /**
   * Counts a repository's review waits for a channel (a repository maps to one channel per
   * workspace). Only the channel that linked it may relink or unlink it: otherwise nothing changes
   * and the answer names the channel it counts for.
   */
  link(workspace: Workspace, repositoryKey: string, channelId: string, userId: string): Promise<LinkChange>;
  unlink(workspace: Workspace, repositoryKey: string, channelId: string): Promise<LinkChange>;
  linkedTo(workspace: Workspace, channelId: string): Promise<string[]>;
  /** Every workspace channel a repository is linked to. */
  channelsOf(repositoryKey: string): Promise<{ workspace: Workspace; channelId: string }[]>;
  /** Notes a webhook delivery; false when it was seen before (GitHub redelivered it). */
  firstDelivery(deliveryId: string, event: string): Promise<boolean>;
  /** Un-notes a delivery whose handling failed, so GitHub's redelivery is handled. */
  forgetDelivery(deliveryId: string): Promise<void>;
  /** Read-modify-write of a pull request's timeline, one writer at a time across replicas. */
  updateTimeline(
    repositoryKey: string,
    number: number,
    update: (timeline: PullRequestTimeline | null) => PullRequestTimeline,
  ): Promise<PullRequestTimeline>;
}

/** A meeting read from a calendar feed. */
export interface FeedMeeting {
  /** Stable across fetches: the event's UID and (original) start. */
  key: string;
  title: string;
  start: Date;
  minutes: number;
  attendees: number;
}

export type FeedProblem =
  | 'invalid_url'
  | 'private_host'
  | 'timeout'
  | 'http_error'
  | 'too_large'
  | 'network'
  | 'not_a_calendar'
  | 'malformed';

/** Fetches an ICS feed and reads the meetings that started in a window. */
export interface CalendarFeedReader {
  /** The link as it will be fetched (Slack's <…> unwrapped, webcal:// as https://), or why it can't be. */
  normalise(url: string): { ok: true; url: string } | { ok: false; problem: FeedProblem };
  meetings(
    url: string,
    window: { from: Date; to: Date },
  ): Promise<
    { ok: true; meetings: FeedMeeting[]; skipped: number } | { ok: false; problem: FeedProblem; status?: number }
  >;
}
