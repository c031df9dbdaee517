import type { MatchableDecision, MessageQuery, Tier, WatchSensitivity } from '../../domain/relitigation/types.js';
import type { JudgementOutcome, RestraintFacts } from '../../domain/watchRestraint.js';
import type { Workspace } from '../../domain/workspace.js';

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
