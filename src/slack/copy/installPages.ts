import { COMMAND } from '../ids.js';

/** The pages an installing admin sees after Slack's consent screen. Bodies are HTML; the caller escapes names. */

export const INSTALLED_TITLE = 'Decision Ledger is installed';

/** `whereHtml`: the workspace's or organisation's name, HTML-escaped, when Slack gave one. */
export function installedBody(whereHtml: string | null): string {
  return `Decision Ledger is installed${whereHtml ? ` in ${whereHtml}` : ''}. Invite it to a channel with <code>/invite @Decision Ledger</code>, then record a decision with <code>${COMMAND}</code>.`;
}

export const INSTALL_FAILED_TITLE = 'Installation did not complete';

export function installFailedBody(code: string | undefined, startAgainHref: string): string {
  return `Slack did not complete the installation (${code ?? 'unknown error'}). <a href="${startAgainHref}">Start again</a>.`;
}
