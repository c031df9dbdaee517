import type {
  Decision,
  DecisionContent,
  DecisionEvent,
  DecisionOrigin,
  DecisionSource,
  DecisionStatus,
} from '../../domain/decision.js';
import type { Page, Viewer, Workspace } from '../../domain/workspace.js';

export interface NewDecision {
  workspace: Workspace;
  content: DecisionContent;
  source: DecisionSource;
  createdBy: string;
  origin: DecisionOrigin;
  idempotencyKey: string;
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
