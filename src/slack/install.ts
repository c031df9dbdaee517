import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HTTPReceiver, Installation } from '@slack/bolt';
import { errorForLog, type Logger } from '../logger.js';
import type { AuthorizationFailureReason, Metrics } from '../metrics/metrics.js';
import { InstallationUnavailableError, NoInstallationError } from '../storage/installationRepository.js';
import { INSTALL_FAILED_TITLE, INSTALLED_TITLE, installedBody, installFailedBody } from './copy/installPages.js';

/** Where an admin starts an install (the "Add to Slack" page) and where Slack sends them back. */
export const INSTALL_PATH = '/slack/install';
export const OAUTH_REDIRECT_PATH = '/slack/oauth_redirect';

type Req = IncomingMessage;
type Res = ServerResponse;

/**
 * The pages an installing admin sees after Slack's consent screen, and the log lines operators get
 * (ids only: an Installation carries tokens, so it is never logged whole).
 */
export function installCallbacks(logger: Logger) {
  return {
    success: (installation: Installation<'v1' | 'v2', boolean>, _options: unknown, _req: Req, res: Res) => {
      const where = installation.isEnterpriseInstall ? installation.enterprise?.name : installation.team?.name;
      logger.info(
        {
          teamId: installation.team?.id ?? null,
          enterpriseId: installation.enterprise?.id ?? null,
          orgWide: Boolean(installation.isEnterpriseInstall),
        },
        'Decision Ledger was installed',
      );
      page(res, 200, INSTALLED_TITLE, installedBody(where ? escapeHtml(where) : null));
    },
    failure: (error: Error & { code?: string }, _options: unknown, _req: Req, res: Res) => {
      logger.warn({ err: errorForLog(error) }, 'an install did not complete');
      page(res, 400, INSTALL_FAILED_TITLE, installFailedBody(error.code, INSTALL_PATH));
    },
  };
}

function page(res: Res, status: number, title: string, body: string): void {
  res
    .writeHead(status, { 'content-type': 'text/html; charset=utf-8' })
    .end(
      `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1><p>${body}</p></body></html>`,
    );
}

/** For names Slack returns (a workspace may be called anything). */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Bolt's OAuth installer (the same in Socket Mode). */
type Installer = NonNullable<HTTPReceiver['installer']>;

/**
 * Bolt's authorize through the installer, counting what it refuses: Bolt answers such a request
 * and runs nothing, logging only. An uninstalled workspace still sending events, or an installation
 * store the database cannot reach, shows on /metrics (slack_authorization_failures_total).
 */
export function countedAuthorize(installer: Installer, metrics: Metrics): Installer['authorize'] {
  return async (source) => {
    try {
      return await installer.authorize(source);
    } catch (error) {
      metrics.slackAuthorizationFailures.inc({ reason: authorizationFailureReason(error) });
      throw error;
    }
  };
}

/** The installer wraps what the installation store threw as `original`. */
function authorizationFailureReason(error: unknown): AuthorizationFailureReason {
  const original = (error as { original?: unknown } | null)?.original ?? error;
  if (original instanceof NoInstallationError) return 'not_installed';
  if (original instanceof InstallationUnavailableError) return 'database_unavailable';
  return 'other';
}
