import { pino } from 'pino';
import { composeDigest } from '../app/digests/composeDigest.js';
import { costSettingsFor } from '../app/costs/costSettingsFor.js';
import { currentDigestPeriod } from '../domain/digest/schedule.js';
import { createLogger } from '../logger.js';
import { digestBlocks, digestText } from '../slack/blocks/digest.js';
import { runDigest } from '../app/digests/runDigest.js';
import { postDigest } from '../slack/postDigest.js';
import { installationQueryOf } from '../slack/workspace.js';
import { createCostRepository } from '../storage/costRepository.js';
import { createCostSettingsRepository } from '../storage/costSettingsRepository.js';
import type { Database } from '../storage/database.js';
import { createDigestFactsRepository } from '../storage/digestFactsRepository.js';
import { createDigestRepository } from '../storage/digestRepository.js';
import { createInstallationStore } from '../storage/installationRepository.js';
import { createTokenCipher } from '../storage/tokenCipher.js';
import { botTokenWorkspace, cliSlackClient, loadSlackConfig, slackFailureInWords } from './cliSlackClient.js';
import { channelIdOf, workspaceIdOf } from './optionValues.js';
import { openCommandDatabase } from './openCommandDatabase.js';
import { parseCommandArgs } from './parseCommandArgs.js';
import { UsageError } from './usageError.js';

export async function digestCommand(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, {
    channel: { type: 'string' },
    workspace: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  });
  if (values.channel === undefined)
    throw new UsageError('Give the channel whose digest to build, as --channel C0123ABCD.');
  const channelId = channelIdOf(values.channel);
  const given = values.workspace === undefined ? undefined : workspaceIdOf(values.workspace);
  const dryRun = values['dry-run'];
  // A dry run talks to Slack only to find the workspace when --workspace is not given.
  const config = dryRun
    ? undefined
    : loadSlackConfig('The digest cannot be posted (a --dry-run with --workspace needs no Slack configuration)');
  const workspaceId = given ?? (await botTokenWorkspace(config));
  const workspace = { workspaceId, enterpriseId: null };
  const database = await openCommandDatabase(config?.database);
  try {
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
    if (dryRun || !config) {
      const { digest, settings } = await composeDigest({ services, workspace, channelId, period });
      console.log(digestText(digest));
      console.log(JSON.stringify(digestBlocks(digest, { settings }), null, 2));
      console.log(JSON.stringify({ channel: channelId, period: period.label, posted: false }));
      return 0;
    }
    const { auth } = config.slack;
    const token =
      auth.kind === 'token' ? auth.botToken : await installedBotToken(database, auth.encryptionKey, workspaceId);
    const result = await postDigest({
      run: (request, publisher) => runDigest(services, request, publisher),
      client: cliSlackClient(token, config.slack),
      // stdout carries only the digest's result.
      logger: createLogger(config.logLevel, pino.destination(2)),
      request: {
        stored: { workspace, channelId, owner: stored?.owner ?? '' },
        period: { ...period, key: `manual:${now.toISOString()}` },
        claimAs: null,
      },
    });
    if (result.status === 'failed')
      console.error(
        `The digest was not posted. ${slackFailureInWords({ kind: result.problem }, 'chat.postMessage', config.slack)}`,
      );
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
