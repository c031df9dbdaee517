import { WebClient, type WebClientOptions } from '@slack/web-api';
import { LRUCache } from 'lru-cache';
import type { Workspace } from '../domain/workspace.js';
import { installationQueryOf } from './workspace.js';

/**
 * Web API clients for work that no Slack request carries a token for: scheduled digests, revisit
 * reminders, calendar notices, channel lookups. A request's own `client` (from Bolt) is used
 * wherever there is one.
 */
export interface WorkspaceClients {
  /** A client holding the workspace's bot token; rejects when the app is not installed there. */
  clientFor(workspace: Workspace): Promise<WebClient>;
}

/**
 * The app is not installed in the workspace (uninstalled, or its bot token revoked): no later try
 * can succeed until someone installs it again, so scheduled work for it stops rather than failing.
 */
export class WorkspaceNotInstalledError extends Error {
  override name = 'WorkspaceNotInstalledError';
  constructor(readonly workspace: Workspace) {
    super(`Decision Ledger is not installed in workspace ${workspace.workspaceId}`);
  }
}

/** Single-workspace mode: SLACK_BOT_TOKEN serves every call. */
export function singleWorkspaceClients(client: WebClient): WorkspaceClients {
  return { clientFor: async () => client };
}

/** What of Bolt's installer (an @slack/oauth InstallProvider) this needs. */
export interface Installer {
  authorize(source: {
    teamId?: string;
    enterpriseId?: string;
    isEnterpriseInstall: boolean;
  }): Promise<{ botToken?: string }>;
}

/** Clients kept per token; a rotated token gets a new one, and the least recently used go when this many are held. */
const CLIENTS_KEPT = 1000;

/**
 * OAuth mode: each workspace's bot token comes from its installation, through Bolt's installer,
 * which also refreshes a rotating token that is about to expire (and stores the new one).
 * An org-wide Enterprise Grid install is keyed by its enterprise id (see installationQueryOf).
 */
export function installedWorkspaceClients(installer: Installer, options: WebClientOptions): WorkspaceClients {
  const clients = new LRUCache<string, WebClient>({ max: CLIENTS_KEPT });
  return {
    async clientFor(workspace) {
      const query = installationQueryOf(workspace);
      const auth = await installer.authorize(query).catch((error: unknown) => {
        // The installer wraps the store's errors (AuthorizationError.original); a store that could
        // not be read is a passing problem, an installation that is not there is not.
        const original = (error as { original?: { name?: string } }).original;
        throw original?.name === 'NoInstallationError' ? new WorkspaceNotInstalledError(workspace) : error;
      });
      const token = auth.botToken;
      if (!token) throw new WorkspaceNotInstalledError(workspace);
      let client = clients.get(token);
      if (!client) {
        client = new WebClient(token, { ...options, ...(query.teamId ? { teamId: query.teamId } : {}) });
        clients.set(token, client);
      }
      return client;
    },
  };
}
