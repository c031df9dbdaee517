import type { MatchableDecision, MessageQuery, Tier, WatchSensitivity } from '../domain/relitigation/types.js';
import type { JudgementOutcome, RestraintFacts } from '../domain/watchRestraint.js';
import type { CostSettingsOverrides } from '../domain/costs/costSettings.js';
import type { CostKind, CostTotals } from '../domain/costs/sums.js';
import type { ExportableDecision } from '../domain/adr/writeAdr.js';
import type { PullRequestTimeline } from '../domain/costs/reviewTimeline.js';
import type { DigestSchedule } from '../domain/digest/schedule.js';
import type {
  Decision,
  DecisionContent,
  DecisionEvent,
  DecisionOrigin,
  DecisionSource,
  DecisionStatus,
} from '../domain/decision.js';

/** The workspace every read and write is scoped to: a Slack team, or an enterprise for org-wide installs. */
export interface Workspace {
  workspaceId: string;
  enterpriseId: string | null;
}

/**
 * Who is looking, which decides what they may see: a channel sees public decisions and its own;
 * a person outside any channel (App Home) sees public decisions and those they recorded.
 */
/**
 * Who is looking. A channel sees public decisions and its own; an `isolated` channel (shared with
 * another organisation through Slack Connect) sees only its own: nothing of the workspace's is
 * quoted in front of people outside it.
 */
export type Viewer = { kind: 'channel'; channelId: string; isolated?: boolean } | { kind: 'user'; userId: string };

export interface NewDecision {
  workspace: Workspace;
  content: DecisionContent;
  source: DecisionSource;
  createdBy: string;
  origin: DecisionOrigin;
  idempotencyKey: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
}

export type SupersedeOutcome =
  | { kind: 'superseded'; previous: Decision; current: Decision; created: boolean }
  | { kind: 'not_found' }
  | { kind: 'already_superseded'; previous: Decision }
  /** Recorded in another channel: only its own channel supersedes it. */
  | { kind: 'other_channel'; previous: Decision };

export interface DecisionRepository {
  /** Inserts once per idempotency key; a retry gets the record the first attempt made. */
  record(input: NewDecision): Promise<{ decision: Decision; created: boolean }>;
  /** Records `input` and marks `ref` superseded by it, both ways, atomically. */
  supersede(input: NewDecision & { ref: number; viewer: Viewer }): Promise<SupersedeOutcome>;
  /** A channel became private: every decision recorded there is private from now on. Returns how many changed. */
  makeChannelPrivate(workspace: Workspace, channelId: string): Promise<number>;
  findByRef(workspace: Workspace, ref: number, viewer: Viewer): Promise<Decision | null>;
  findBySourceMessage(workspace: Workspace, channelId: string, messageTs: string): Promise<Decision | null>;
  list(
    workspace: Workspace,
    filter: { tag: string | null; status: DecisionStatus | null },
    viewer: Viewer,
    page: { offset: number; limit: number },
  ): Promise<Page<Decision>>;
  search(
    workspace: Workspace,
    query: string,
    viewer: Viewer,
    page: { offset: number; limit: number },
  ): Promise<Page<Decision>>;
  /** Decisions the person recorded or is a decider of, newest first. */
  recentForUser(workspace: Workspace, userId: string, limit: number): Promise<Decision[]>;
  history(workspace: Workspace, decisionId: string): Promise<DecisionEvent[]>;
  /** Remembers where the decision's card was posted, so list links and later updates can find it. */
  attachCard(workspace: Workspace, decisionId: string, card: { ts: string; permalink: string | null }): Promise<void>;
  /** Opens (`reopened`) or closes (`kept`) a review of an accepted decision; false if nothing changed. */
  setUnderReview(
    workspace: Workspace,
    decisionId: string,
    review: 'reopened' | 'kept',
    actor: string,
  ): Promise<boolean>;
}

/** Facts about Slack conversations the use cases need, behind a port so they stay free of the Web API. */
export interface ConversationDirectory {
  /** True for private channels, DMs and group DMs, and whenever Slack cannot tell us (the safe answer). */
  isPrivate(workspace: Workspace, channelId: string): Promise<boolean>;
  /** True for channels shared with another organisation (Slack Connect), and whenever Slack cannot tell us. */
  isExternallyShared(workspace: Workspace, channelId: string): Promise<boolean>;
  /** The people who wrote in a thread, in order of first message; empty if Slack will not say. */
  threadParticipants(workspace: Workspace, channelId: string, threadTs: string): Promise<ThreadExcerpt>;
  /** Slack said the channel is now private (it was converted): no cached answer may say otherwise. */
  notePrivate(workspace: Workspace, channelId: string): void;
  /**
   * Slack said the channel was shared with, or unshared from, another organisation: shared counts at
   * once; after an unshare the next lookup asks Slack again.
   */
  noteSharing(workspace: Workspace, channelId: string, shared: boolean): void;
  /** A link to a message; a reply's (its `threadTs` another message's) opens it in its thread. */
  permalink(
    workspace: Workspace,
    channelId: string,
    messageTs: string,
    threadTs?: string | null,
  ): Promise<string | null>;
}

export interface ThreadExcerpt {
  participants: string[];
  /** Up to a few dozen messages, oldest first, Slack-encoded. */
  messages: { user: string; text: string }[];
}

export interface DecisionDraft {
  title: string;
  rationale: string;
  alternatives: string[];
}

/** Optional LLM help; implementations resolve to null on timeout or error rather than throwing. */
export interface DecisionDrafter {
  draftFromThread(messages: { user: string; text: string }[]): Promise<DecisionDraft | null>;
}

/** Terms of a message, as the relitigation index searches them (built by the domain). */
export type { MessageQuery };

/** Where the relitigation watcher finds candidate decisions for a message. */
export interface RelitigationIndex {
  /**
   * At most `limit` decisions the message may be about, best first: accepted, not under review, and
   * visible from the channel (public, or recorded in that very channel). Uses indexes, never a scan.
   * `modelVersion`: only index rows this model made are searched. An `isolated` channel (Slack
   * Connect) is offered its own decisions only.
   */
  candidates(
    workspace: Workspace,
    channelId: string,
    query: MessageQuery,
    limit: number,
    modelVersion: string,
    options?: { isolated?: boolean },
  ): Promise<MatchableDecision[]>;
  /** Stores what a model derived from decisions (decision_index), replacing any other version's row. */
  saveIndexRows(
    workspace: Workspace,
    modelVersion: string,
    rows: { decisionId: string; related: string[] }[],
  ): Promise<void>;
  /** Decisions, of any workspace, with no index row of this model version: what a reindex has to do. */
  countUnindexed(modelVersion: string): Promise<number>;
  /** Up to `limit` of those decisions, with their workspace, in (workspace, ref) order after `after`. */
  unindexed(
    modelVersion: string,
    limit: number,
    after?: { workspaceId: string; ref: number },
  ): Promise<{ workspace: Workspace; decision: MatchableDecision }[]>;
}

/** Per-channel settings. */
export interface ChannelSettingsRepository {
  watch(workspace: Workspace, channelId: string): Promise<WatchSensitivity>;
  setWatch(workspace: Workspace, channelId: string, watch: WatchSensitivity, userId: string): Promise<void>;
}

export type Feedback = 'dismissed' | 'reopened';

export interface NewJudgement {
  workspace: Workspace;
  channelId: string;
  messageTs: string;
  threadTs: string;
  author: string | null;
  decisionId: string;
  decisionRef: number;
  topic: number;
  stance: number;
  tier: Tier;
  outcome: JudgementOutcome;
  mode: 'offline' | 'llm';
  /** The detector model that judged. */
  modelVersion: string;
}

export interface StoredJudgement {
  id: number;
  channelId: string;
  messageTs: string;
  threadTs: string;
  decisionId: string;
  decisionRef: number;
  outcome: string;
  warningTs: string | null;
  feedback: Feedback | null;
}

export interface JudgementRepository {
  /** What the restraint rules need to know about earlier judgements of these decisions here. */
  restraintFacts(
    workspace: Workspace,
    channelId: string,
    threadTs: string,
    decisionIds: string[],
  ): Promise<Map<string, RestraintFacts>>;
  /**
   * Records a message's judgements, each once per (message, decision), in one statement. A warning
   * also claims its (thread, decision), so of two deliveries — or two replicas — only one may post.
   * Returns, for each judgement in order, the row when this call recorded it (or upgraded an edited
   * message's quiet judgement to a warning), null otherwise.
   */
  recordAll(judgements: NewJudgement[]): Promise<(StoredJudgement | null)[]>;
  attachWarning(workspace: Workspace, id: number, warningTs: string): Promise<void>;
  find(workspace: Workspace, id: number): Promise<StoredJudgement | null>;
  /** Stores the first feedback on a warning; a second click changes nothing and returns null. */
  giveFeedback(workspace: Workspace, id: number, feedback: Feedback, userId: string): Promise<StoredJudgement | null>;
}

/** Workspace-wide settings. */
export interface WorkspaceSettingsRepository {
  /** Whether the workspace agreed to send message text to the configured LLM endpoint. */
  llmOptIn(workspace: Workspace): Promise<boolean>;
  setLlmOptIn(workspace: Workspace, optIn: boolean): Promise<void>;
}

/**
 * The optional LLM help for the relitigation watcher. Implementations resolve to null on timeout,
 * error or nonsense; they never throw, so the offline judgement always stands as the fallback.
 */
export interface RelitigationLlm {
  /** One embedding per text, in order. */
  embed(texts: string[], signal: AbortSignal): Promise<number[][] | null>;
  /** Does the message argue to reopen (revisit, reverse, replace) the decision? */
  reopens(
    message: string,
    decision: { title: string; rationale: string; alternatives: string[] },
    /** The offline detector's view: how likely (0–1) it judged the message to reopen the decision. */
    offline: { score: number; modelVersion: string },
    signal: AbortSignal,
  ): Promise<boolean | null>;
}

// ───────────────────────────── coordination costs ─────────────────────────────

export type { CostKind, CostTotals } from '../domain/costs/sums.js';
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
  /** `YYYY-MM-DD`, the day it counts for in the team's time zone. */
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
   * Totals by kind and currency for consecutive periods, in one read: `days` are their edges
   * (`YYYY-MM-DD`, ascending), so [d0, d1, d2] gives the totals of d0 ≤ day < d1 and d1 ≤ day < d2.
   */
  totals(workspace: Workspace, scope: CostScope, days: string[]): Promise<CostTotals[][]>;
  /** The decisions whose relitigation cost the most in a channel over the days, costliest first. */
  decisionTotals(
    workspace: Workspace,
    channelId: string,
    fromDay: string,
    toDay: string,
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

export interface ThreadActivityRepository {
  /** Notes a reply in a thread (idempotent); returns the thread's replies so far, oldest first. */
  note(
    workspace: Workspace,
    channelId: string,
    threadTs: string,
    message: { ts: string; author: string },
  ): Promise<{ ts: string; author: string }[]>;
  /**
   * The decisions a thread was warned about (and not dismissed), with the reopening message; none
   * for most threads. Read on every reply, so which threads of a channel have warnings is kept
   * briefly per process.
   */
  relitigatedIn(
    workspace: Workspace,
    channelId: string,
    threadTs: string,
  ): Promise<{ decisionId: string; decisionRef: number; fromTs: string; fromAuthor: string | null }[]>;
  /**
   * True when this process's fresh copy of the channel's warned threads says the thread has none:
   * a reply there costs nothing and needs no database work. False when it does not know.
   */
  knownUnwarned(workspace: Workspace, channelId: string, threadTs: string): boolean;
  /** This process just warned in the thread: what it knew about the thread is out of date. */
  warnedIn(workspace: Workspace, channelId: string, threadTs: string): void;
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

// ───────────────────────────── reflection digests ─────────────────────────────

/** A channel's digest schedule as stored. */
export interface StoredDigestSchedule {
  workspace: Workspace;
  channelId: string;
  schedule: DigestSchedule;
  owner: string;
  pausedReason: string | null;
  /** When it was last set: runs due before then are not "missed". */
  since: Date;
}

export type DigestRunOutcome = { status: 'posted'; ts: string } | { status: 'failed'; problem: string };

export interface DigestRepository {
  /** Sets (or replaces) a channel's schedule at `at`, active again if it was paused. */
  saveSchedule(
    workspace: Workspace,
    channelId: string,
    schedule: DigestSchedule,
    owner: string,
    at: Date,
  ): Promise<void>;
  removeSchedule(workspace: Workspace, channelId: string): Promise<boolean>;
  schedule(workspace: Workspace, channelId: string): Promise<StoredDigestSchedule | null>;
  /** Every schedule not paused, across workspaces. */
  activeSchedules(): Promise<StoredDigestSchedule[]>;
  pause(workspace: Workspace, channelId: string, reason: string): Promise<void>;
  /**
   * Which of these (channel, period) digests are taken, as `workspace:channel:period` keys: posted,
   * failed, or claimed by a replica heard from within `abandonedAfterMs`.
   */
  claimedAmong(
    runs: { workspace: Workspace; channelId: string; periodKey: string }[],
    abandonedAfterMs: number,
  ): Promise<Set<string>>;
  /**
   * Claims a channel's digest for a period, or takes over a claim not heard from for
   * `abandonedAfterMs`; true for exactly one caller across replicas.
   */
  claimRun(
    workspace: Workspace,
    channelId: string,
    periodKey: string,
    instance: string,
    abandonedAfterMs: number,
  ): Promise<boolean>;
  /** True, and the claim renewed, if `instance` still holds it: no other replica took it over. */
  confirmRun(workspace: Workspace, channelId: string, periodKey: string, instance: string): Promise<boolean>;
  /** Records how `instance`'s run ended; a run another replica took over is left to that one. */
  finishRun(
    workspace: Workspace,
    channelId: string,
    periodKey: string,
    instance: string,
    outcome: DigestRunOutcome,
  ): Promise<void>;
  /** Gives up `instance`'s claim on a run it posted nothing for, so a later tick (on any replica) takes it. */
  releaseRun(workspace: Workspace, channelId: string, periodKey: string, instance: string): Promise<void>;
}

/** What a digest reports, read for one channel and period. */
export interface DigestFacts {
  decided: DigestDecisionFact[];
  changed: { decision: DigestDecisionFact; change: 'superseded'; by: { ref: number } | null }[];
  dueForRevisit: (DigestDecisionFact & { revisitOn: string })[];
  relitigation: {
    warned: number;
    confirmed: number;
    dismissed: number;
    weak: number;
    byDecision: { ref: number; title: string; warnings: number; confirmed: number }[];
  };
}

export interface DigestDecisionFact {
  ref: number;
  title: string;
  permalink: string | null;
  decidedOn: string;
  deciders: string[];
}

export interface DigestFactsRepository {
  /**
   * Decisions recorded in the channel in [from, to), those superseded in it, those accepted with
   * a revisit date on or before `revisitBy`, and the channel's relitigation judgements in [from, to).
   */
  facts(
    workspace: Workspace,
    channelId: string,
    period: { from: Date; to: Date },
    revisitBy: string,
  ): Promise<DigestFacts>;
  /** Decisions whose revisit date has come and whose owner was not told yet, across workspaces. */
  /** Accepted decisions whose revisit date has come, not reminded of yet nor claimed (or claimed and abandoned). */
  revisitsDue(
    today: string,
    limit: number,
    abandonedAfterMs: number,
  ): Promise<
    {
      workspace: Workspace;
      decisionId: string;
      ref: number;
      title: string;
      owner: string;
      channelId: string;
      revisitOn: string;
    }[]
  >;
  /**
   * Claims the reminder before it is sent, so of several replicas one sends it; false when another
   * has. A claim older than `abandonedAfterMs` and never finished is taken over.
   */
  claimRevisitReminder(workspace: Workspace, decisionId: string, abandonedAfterMs: number): Promise<boolean>;
  /** Records that the owner was told: never again for this decision. */
  finishRevisitReminder(workspace: Workspace, decisionId: string): Promise<void>;
  /** Gives a claimed reminder back when sending it failed, for a later run to try again. */
  releaseRevisitReminder(workspace: Workspace, decisionId: string): Promise<void>;
}

/** Writes a digest's opening lines from its facts; resolves null on timeout, error or nothing to say. */
export interface DigestNarrator {
  narrate(facts: string): Promise<string | null>;
}

// ───────────────────────────── ADR import and export ─────────────────────────────

export interface AdrRepository {
  /**
   * Records an imported ADR file once per workspace and path: a file read before with the same
   * content changes nothing, one whose content changed updates its record in place.
   */
  upsertImported(input: { workspace: Workspace; path: string; hash: string; decision: NewDecision }): Promise<{
    id: string;
    ref: number;
    outcome: 'imported' | 'updated' | 'unchanged';
  }>;
  /** Links two records as superseded and superseding, both ways. */
  linkSupersession(workspace: Workspace, olderId: string, newerId: string): Promise<void>;
  /** Every decision of the workspace (or of one channel), oldest ref first, with what an ADR file carries. */
  /** Private channels' decisions only with `includePrivate` (and then marked private). */
  exportable(workspace: Workspace, channelId: string | null, includePrivate: boolean): Promise<ExportableDecision[]>;
}

// ───────────────────────────── deleting a workspace's data ─────────────────────────────

/** How many rows of each kind a workspace holds (or a purge deleted). */
export interface WorkspaceDataCounts {
  decisions: number;
  /** Each decision's audit trail: recorded, superseded, reopened… */
  decisionHistory: number;
  /** The relitigation watcher's verdicts: warnings and quiet ones. */
  judgements: number;
  /** Who replied when in threads that reopened a decision (no text). */
  threadMessages: number;
  /** Meetings, review waits and relitigation threads. */
  costEvents: number;
  /** cost_events summed per channel and day. */
  dailyCostTotals: number;
  channelSettings: number;
  costSettings: number;
  /** The workspace's own row: its next decision number and the LLM opt-in (0 or 1). */
  workspaceRecord: number;
  calendarFeeds: number;
  githubLinks: number;
  /** Pull requests of repositories only this workspace linked. */
  pullRequestTimelines: number;
  digestSchedules: number;
  /** Which digests were posted for which period. */
  digestRuns: number;
}

/**
 * Everything stored for a workspace, deleted on an admin's request. The Slack installation is not
 * part of it: the app keeps working for the workspace, with an empty ledger.
 */
export interface WorkspacePurgeRepository {
  counts(workspace: Workspace): Promise<WorkspaceDataCounts>;
  /** Deletes it all in one transaction and says how much there was; a second purge deletes nothing. */
  purge(workspace: Workspace): Promise<WorkspaceDataCounts>;
}
