import { parseArgs } from 'node:util';
import { WebClient } from '@slack/web-api';
import { pino } from 'pino';
import { composeDigest } from '../app/digests/composeDigest.js';
import { costSettingsFor } from '../app/costs/costSettingsFor.js';
import { loadConfig } from '../config.js';
import { currentDigestPeriod } from '../domain/digest/schedule.js';
import { digestBlocks, digestText } from '../slack/blocks/digest.js';
import { runDigest } from '../app/digests/runDigest.js';
import { postDigest } from '../slack/postDigest.js';
import { installationQueryOf } from '../slack/workspace.js';
import { createCostRepository } from '../storage/costRepository.js';
import { createCostSettingsRepository } from '../storage/costSettingsRepository.js';
import { type Database, openDatabase } from '../storage/database.js';
import { createDigestFactsRepository } from '../storage/digestFactsRepository.js';
import { createDigestRepository } from '../storage/digestRepository.js';
import { createInstallationStore } from '../storage/installationRepository.js';
import { createTokenCipher } from '../storage/tokenCipher.js';

export const DIGEST_USAGE = `digest --channel C123 [--workspace T123] [--dry-run]

  Builds one channel's Reflection digest now — for its schedule's current period, or the last 7
  days when it has none — and posts it (with the chart in its thread), or with --dry-run prints
  its text and Block Kit instead. Uses the app's configuration (DATABASE_URL or DATA_DIR, and
  SLACK_BOT_TOKEN or, with OAuth installs, the workspace's installation and SLACK_API_URL to post). The
  workspace defaults to the bot token's (with OAuth, give --workspace). An operator's
  digest is extra: it does not take the place of the scheduled one. The last line is JSON.`;

export async function digestCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      channel: { type: 'string' },
      workspace: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const channelId = values.channel;
  if (!channelId || !/^[CG][A-Z0-9]{2,}$/.test(channelId)) {
    console.error(`usage: ${DIGEST_USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const clientOptions = {
    slackApiUrl: config.slack.apiUrl,
    retryConfig: { retries: Math.max(5, config.slack.apiMaxRetries) },
  };
  const { auth } = config.slack;
  if (auth.kind === 'oauth' && !values.workspace) {
    console.error('The app is installed through OAuth into any number of workspaces; give --workspace T…');
    return 2;
  }
  const workspaceId =
    values.workspace ??
    (await new WebClient(auth.kind === 'token' ? auth.botToken : undefined, clientOptions).auth.test()).team_id;
  if (!workspaceId) {
    console.error('The bot token names no workspace; give --workspace T…');
    return 2;
  }
  const workspace = { workspaceId, enterpriseId: null };
  const database = await openDatabase(config.database);
  try {
    await database.migrate();
    const client =
      auth.kind === 'token'
        ? new WebClient(auth.botToken, clientOptions)
        : new WebClient(await installedBotToken(database, auth.encryptionKey, workspaceId), clientOptions);
    const services = {
      costs: createCostRepository(database.db),
      costSettings: createCostSettingsRepository(database.db),
      digests: createDigestRepository(database.db),
      digestFacts: createDigestFactsRepository(database.db),
    };
    const now = new Date();
    const stored = await services.digests.schedule(workspace, channelId);
    const zone = stored?.schedule.timeZone ?? (await costSettingsFor(services, workspace, channelId)).timeZone;
    const period = currentDigestPeriod(stored?.schedule ?? null, now, zone);
    if (values['dry-run']) {
      const { digest, settings } = await composeDigest({ services, workspace, channelId, period });
      console.log(digestText(digest));
      console.log(JSON.stringify(digestBlocks(digest, { settings }), null, 2));
      console.log(JSON.stringify({ channel: channelId, period: period.label, posted: false }));
      return 0;
    }
    const result = await postDigest({
      run: (request, publisher) => runDigest(services, request, publisher),
      client,
      logger: pino({ level: config.logLevel }),
      request: {
        stored: { workspace, channelId, owner: stored?.owner ?? '' },
        period: { ...period, key: `manual:${now.toISOString()}` },
        claimAs: null,
      },
    });
    console.log(JSON.stringify({ channel: channelId, period: period.label, ...result }));
    return result.status === 'posted' ? 0 : 1;
  } finally {
    await database.close();
  }
}

/** The workspace's bot token from its OAuth installation. */
async function installedBotToken(database: Database, encryptionKey: string, workspaceId: string): Promise<string> {
  const store = createInstallationStore(database.db, createTokenCipher(encryptionKey));
  const installation = await store.fetchInstallation(installationQueryOf({ workspaceId, enterpriseId: null }));
  const token = installation.bot?.token;
  if (!token) throw new Error(`Decision Ledger has no bot token for ${workspaceId}; install it there first`);
  return token;
}
