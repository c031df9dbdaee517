/** The workspace every read and write is scoped to: a Slack team, or an enterprise for org-wide installs. */
export interface Workspace {
  workspaceId: string;
  enterpriseId: string | null;
}

/**
 * Who is looking. A channel sees public decisions and its own; an `isolated` channel (shared with
 * another organisation through Slack Connect) sees only its own: nothing of the workspace's is
 * quoted in front of people outside it. A person outside any channel (App Home) sees public
 * decisions and those they recorded.
 */
export type Viewer = { kind: 'channel'; channelId: string; isolated?: boolean } | { kind: 'user'; userId: string };

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
}
