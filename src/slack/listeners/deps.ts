import type { UseCases } from '../../app/useCases.js';
import type { Logger } from '../../logger.js';
import type { Metrics } from '../../metrics/metrics.js';
import type { EventWork } from './eventWork.js';

/** What every listener is given; listeners translate payloads, call a use case and render through blocks/; no repository is in reach. */
export interface ListenerDeps {
  useCases: UseCases;
  logger: Logger;
  /** Whether this deployment takes GitHub webhooks (GITHUB_WEBHOOK_SECRET is set). */
  githubWebhooks: boolean;
  metrics: Metrics;
  /** How long an event's work is retried in the process while the database is unreachable. */
  eventRetryWindowMs: number;
  /** Where event work waits for a slot, bounded (see eventWork.ts). */
  eventWork: EventWork;
  /** OAuth mode's installation store; null with a single SLACK_BOT_TOKEN. */
  installations: InstallationRegistry | null;
}

/** What uninstall and revocation events change in the installation store. */
export interface InstallationRegistry {
  deleteWorkspace(query: { teamId?: string; enterpriseId?: string; isEnterpriseInstall: boolean }): Promise<void>;
  revokeTokens(
    query: { teamId?: string; enterpriseId?: string; isEnterpriseInstall: boolean },
    revoked: { botUserIds: string[]; userIds: string[] },
  ): Promise<void>;
}
