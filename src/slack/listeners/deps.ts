import type { Services } from '../../app/services.js';
import type { Logger } from '../../logger.js';

/** What every listener is given; listeners translate payloads, call a use case and render through blocks/. */
export interface ListenerDeps {
  services: Services;
  logger: Logger;
  /** Whether this deployment takes GitHub webhooks (GITHUB_WEBHOOK_SECRET is set). */
  githubWebhooks: boolean;
}

/** Today's date (UTC) for new records. */
export function today(services: Services): string {
  return services.now().toISOString().slice(0, 10);
}
