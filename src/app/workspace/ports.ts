import type { Workspace } from '../../domain/workspace.js';

/** Workspace-wide settings. */
export interface WorkspaceSettingsRepository {
  /** Whether the workspace agreed to send message text to the configured LLM endpoint. */
  llmOptIn(workspace: Workspace): Promise<boolean>;
  setLlmOptIn(workspace: Workspace, optIn: boolean): Promise<void>;
}

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
