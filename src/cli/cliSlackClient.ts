import { LogLevel, WebClient } from '@slack/web-api';
import { type Config, ConfigError, loadConfig } from '../config.js';
import { classifySlackError } from '../slack/slackFailure.js';
import { UsageError } from './usageError.js';

/** Retries of a failed call (429, 5xx, no answer): an operator at a terminal would rather be told than wait. */
const RETRIES = 2;

/**
 * The Slack client of every CLI command: each call waits SLACK_API_TIMEOUT_MS (10 s unless set) and
 * is retried at most twice, soon after, so an unreachable Slack is reported within about half a minute.
 */
export function cliSlackClient(token: string | undefined, slack: Config['slack']): WebClient {
  return new WebClient(token, {
    slackApiUrl: slack.apiUrl,
    // Its own warnings would repeat, once a try, what the command says once a call has failed.
    logLevel: LogLevel.ERROR,
    timeout: slack.apiTimeoutMs,
    retryConfig: { retries: triesOf(slack) - 1, factor: 2, minTimeout: 500, maxTimeout: 2_000 },
  });
}

/** The app's configuration, for a command about to call Slack; `what` says what cannot run without it. */
export function loadSlackConfig(what: string): Config {
  try {
    return loadConfig();
  } catch (error) {
    throw error instanceof ConfigError ? new ConfigError(error.problems, what) : error;
  }
}

/** The workspace of the bot token, asked of Slack; with OAuth installs there are many, so --workspace names it. */
export async function botTokenWorkspace(
  config = loadSlackConfig(
    "Without --workspace T0123ABCD, Slack is asked for the bot token's workspace, and that cannot run",
  ),
): Promise<string> {
  const { auth } = config.slack;
  if (auth.kind === 'oauth')
    throw new UsageError(
      'The app is installed through OAuth into any number of workspaces; name one with --workspace T0123ABCD',
    );
  const hint =
    'Give the workspace with --workspace T0123ABCD (the T… in the address of Slack in a browser); then no Slack call is made.';
  let teamId: string | undefined;
  try {
    teamId = (await cliSlackClient(auth.botToken, config.slack).auth.test()).team_id;
  } catch (error) {
    throw new Error(`${slackFailureInWords(classifySlackError(error), 'auth.test', config.slack)} ${hint}`);
  }
  if (!teamId) throw new Error(`Slack's auth.test named no workspace for the bot token. ${hint}`);
  return teamId;
}

/** A failed Slack call, in a sentence for an operator. */
export function slackFailureInWords(
  failure: { kind: string; code?: string },
  method: string,
  slack: Config['slack'],
): string {
  const tries = triesOf(slack);
  switch (failure.kind) {
    case 'unavailable':
      return `Slack (${slack.apiUrl}) did not answer ${method} within ${slack.apiTimeoutMs / 1000} s, or answered with an error, ${tries === 1 ? 'once' : `${tries} times`}.`;
    case 'rate_limited':
      return `Slack kept rate-limiting ${method}; try again in a minute.`;
    case 'other':
      return `Slack refused ${method}${failure.code ? `: ${failure.code}` : ''} (check SLACK_BOT_TOKEN, or the app's installation).`;
    default:
      return `Slack refused ${method}: ${failure.kind} (invite the app to the channel, or check the channel id).`;
  }
}

function triesOf(slack: Config['slack']): number {
  return Math.min(RETRIES, slack.apiMaxRetries) + 1;
}
