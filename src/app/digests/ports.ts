import type { DigestSchedule } from '../../domain/digest/schedule.js';
import type { Period } from '../../domain/period.js';
import type { Workspace } from '../../domain/workspace.js';

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
  /**
   * Sets (or replaces) a channel's schedule at `at`, active again if it was paused; the tick first
   * looks at it at `nextRunAt`.
   */
  saveSchedule(
    workspace: Workspace,
    channelId: string,
    schedule: DigestSchedule,
    owner: string,
    at: Date,
    nextRunAt: Date,
  ): Promise<void>;
  removeSchedule(workspace: Workspace, channelId: string): Promise<boolean>;
  schedule(workspace: Workspace, channelId: string): Promise<StoredDigestSchedule | null>;
  /**
   * Up to `limit` active schedules, across workspaces, whose next run has come by `now`, earliest
   * first, each held until `leaseUntil` (its next run is set to then) so no other replica takes it
   * meanwhile. Schedules another replica is taking at the same moment are skipped, not waited for.
   */
  takeDue(now: Date, limit: number, leaseUntil: Date): Promise<StoredDigestSchedule[]>;
  /** When the tick next looks at each schedule; one set again since `since` keeps its own. */
  setNextRuns(runs: { workspace: Workspace; channelId: string; since: Date; next: Date }[]): Promise<void>;
  pause(workspace: Workspace, channelId: string, reason: string): Promise<void>;
  /** Pauses every active schedule of a workspace (the app was uninstalled there); returns how many. */
  pauseWorkspace(workspace: Workspace, reason: string): Promise<number>;
  /**
   * Which of these (channel, period) digests are taken, by `workspace:channel:period` key: `ended`
   * (posted or failed), or `held` by a replica heard from within `abandonedAfterMs`.
   */
  claimedAmong(
    runs: { workspace: Workspace; channelId: string; periodKey: string }[],
    abandonedAfterMs: number,
  ): Promise<Map<string, 'ended' | 'held'>>;
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
  /** Records imported into the channel in the period, whatever their own dates. */
  imported: number;
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
  /** Null for an imported record whose file gave no date. */
  decidedOn: string | null;
  deciders: string[];
}

export interface DigestFactsRepository {
  /**
   * What happened in the channel in `period`: the decisions made in it (recorded in it, or imported
   * with a date that starts in it in `timeZone`; an imported record without a date never is), the
   * records imported in it, those superseded in it (when their successor was made, by the same
   * measure), those accepted with a revisit date that starts before its end, and the channel's
   * relitigation judgements made in it.
   */
  facts(workspace: Workspace, channelId: string, period: Period, timeZone: string): Promise<DigestFacts>;
  /**
   * Claims up to `limit` reminders, so of several replicas one sends each: accepted decisions whose
   * revisit date has come, not reminded of yet nor given up, not waiting at `now` after a failed
   * send, and not claimed (or claimed longer than `abandonedAfterMs` ago and never finished).
   * Reminders another replica is claiming at the same moment are skipped, not waited for.
   */
  claimDueRevisits(
    today: string,
    limit: number,
    abandonedAfterMs: number,
    now: Date,
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
  /** Records that the owner was told: never again for this decision. */
  finishRevisitReminder(workspace: Workspace, decisionId: string): Promise<void>;
  /** Gives a claimed reminder back when sending it failed, for a later run to try again. */
  releaseRevisitReminder(workspace: Workspace, decisionId: string): Promise<void>;
  /**
   * Records a claimed reminder's failed send and gives the claim up. Permanent: never tried again.
   * Otherwise it waits an hour, then twice as long after each further failure (a day at most),
   * counted from `now`, so reminders that fail do not sort first in every run and hold the others back.
   */
  failRevisitReminder(workspace: Workspace, decisionId: string, failure: ReminderFailure, now: Date): Promise<void>;
}

/** Why a reminder could not be sent: Slack's error, and whether trying again can ever help. */
export interface ReminderFailure {
  problem: string;
  permanent: boolean;
}

/** Writes a digest's opening lines from its facts; resolves null on timeout, error or nothing to say. */
export interface DigestNarrator {
  narrate(facts: string): Promise<string | null>;
}
