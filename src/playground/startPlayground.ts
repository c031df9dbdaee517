import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebClient } from '@slack/web-api';
import { type Config, loadConfig } from '../config.js';
import { createLogger, type Logger } from '../logger.js';
import { runDigest } from '../app/digests/runDigest.js';
import { currentDigestPeriod } from '../domain/digest/schedule.js';
import { postDigest } from '../slack/postDigest.js';
import { startApp } from '../startApp.js';
import { createCostRepository } from '../storage/costRepository.js';
import { createCostSettingsRepository } from '../storage/costSettingsRepository.js';
import { type Database, openDatabase } from '../storage/database.js';
import { createDigestFactsRepository } from '../storage/digestFactsRepository.js';
import { createDigestRepository } from '../storage/digestRepository.js';
import { Handoffs } from './handoffs.js';
import { readAppSurfaces } from './manifest.js';
import { playgroundRoutes } from './routes.js';
import { loadSampleTeam } from './sampleTeam.js';
import { type Outcome, SlackSide } from './slackSide.js';
import { startWebApi } from './webApi.js';
import { BOT, PlaygroundWorkspace } from './workspace.js';

/**
 * The real app — its listeners, use cases, detector and embedded database — with a stand-in for
 * Slack around it: a workspace in memory, a Web API the app's client is pointed at, and a page
 * that sends the app what Slack would. Everything listens on loopback only.
 */

export interface PlaygroundOptions {
  /** The embedded database's directory; null for a throwaway one under the OS temp dir, deleted at stop. */
  dataDir: string | null;
  /** 0 picks a free port. */
  port: number;
  logLevel: Config['logLevel'];
  /** Where the app logs; the production logger at `logLevel` unless given. */
  logger?: Logger;
}

export interface RunningPlayground {
  /** The page: http://localhost:<port>/playground. */
  url: string;
  dataDir: string;
  workspace: PlaygroundWorkspace;
  /** Resolves once the app has finished the work it does after acking. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'decision-ledger-playground-')));
  // auth.test (asked while the app starts) names the workspace's URL, which permalinks are built on:
  // the port has to be known before the app listens.
  const port = options.port === 0 ? await freePort() : options.port;
  const pageUrl = `http://localhost:${port}/playground`;
  const workspace = new PlaygroundWorkspace();
  const handoffs = new Handoffs();
  const surfaces = readAppSurfaces();
  // Fresh for every run: nothing outside this process can sign a request the app accepts.
  const signingSecret = randomBytes(24).toString('hex');
  const botToken = `xoxb-playground-${randomBytes(8).toString('hex')}`;
  const api = await startWebApi({ workspace, handoffs, botToken, permalinkBase: () => `${pageUrl}#/` });
  const config = loadConfig({
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_BOT_TOKEN: botToken,
    SLACK_API_URL: api.apiUrl,
    SLACK_API_TIMEOUT_MS: '5000',
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: options.logLevel,
  });
  const logger = options.logger ?? createLogger(config.logLevel);
  const database = await openDatabase(config.database);
  let app: Awaited<ReturnType<typeof startApp>> | null = null;
  try {
    await database.migrate();
    const slack = new SlackSide({
      workspace,
      handoffs,
      surfaces,
      signingSecret,
      eventsUrl: () => (app ? `http://${HOST}:${app.port}/slack/events` : null),
      responseUrl: api.responseUrl,
    });
    const client = new WebClient(botToken, { slackApiUrl: api.apiUrl, retryConfig: { retries: 0 } });
    let sampleLoaded = false;
    const idle = async () => {
      await app?.idle();
    };
    const page = playgroundRoutes({
      workspace,
      slack,
      surfaces,
      loadSampleTeam: () => {
        // Twice would record every decision twice, and the second reopening would meet the watcher's cooling period.
        if (sampleLoaded) return Promise.resolve({ ok: false, problem: 'The sample team is already here.' });
        sampleLoaded = true;
        return loadSampleTeam({ slack, idle });
      },
      postDigestNow: (channelId, userId) => postDigestNow({ database, client, logger, channelId, userId }),
    });
    app = await startApp({ config, database, logger, host: HOST, routes: page.routes });
    const running = app;
    return {
      url: pageUrl,
      dataDir,
      workspace,
      idle,
      async stop() {
        page.close();
        await running.stop();
        await database.close();
        await api.stop();
        if (options.dataDir === null) await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await database.close();
    await api.stop();
    throw error;
  }
}

/**
 * A channel's Reflection digest for the last 7 days, posted now with its chart in the thread —
 * what `npm run cli -- digest` does for an operator, so the chart can be seen without waiting
 * for a schedule. The period ends now: costs count to the instant, so meetings just recorded show.
 */
async function postDigestNow(props: {
  database: Database;
  client: WebClient;
  logger: Logger;
  channelId: string;
  userId: string;
}): Promise<Outcome> {
  const { db } = props.database;
  const now = new Date();
  const services = {
    costs: createCostRepository(db),
    costSettings: createCostSettingsRepository(db),
    digests: createDigestRepository(db),
    digestFacts: createDigestFactsRepository(db),
  };
  const result = await postDigest({
    run: (request, publisher) => runDigest(services, request, publisher),
    client: props.client,
    logger: props.logger,
    request: {
      stored: {
        workspace: { workspaceId: BOT.teamId, enterpriseId: null },
        channelId: props.channelId,
        owner: props.userId,
      },
      period: { ...currentDigestPeriod(null, now, 'UTC'), key: `playground:${now.toISOString()}` },
      claimAs: null,
    },
  });
  return result.status === 'posted'
    ? { ok: true, ts: result.ts }
    : { ok: false, problem: 'The digest was not posted.' };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}
