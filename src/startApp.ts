import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver } from '@slack/bolt';
import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { Services } from './app/services.js';
import type { Config } from './config.js';
import { createCalendarFeedReader } from './calendar/calendarFeedReader.js';
import { GITHUB_WEBHOOK_PATH, githubWebhookHandler } from './github/webhookRoute.js';
import { type CalendarSyncJob, startCalendarSync } from './jobs/calendarSync.js';
import { type DigestJob, startDigests } from './jobs/digests.js';
import { createOpenAiDigestNarrator } from './llm/openAiDigestNarrator.js';
import { createOpenAiDrafter } from './llm/openAiDrafter.js';
import { createOpenAiRelitigation } from './llm/openAiRelitigation.js';
import type { Logger } from './logger.js';
import { boltLogger } from './slack/boltLogger.js';
import { registerListeners } from './slack/listeners/index.js';
import { createSlackConversations } from './slack/slackConversations.js';
import { createAdrRepository } from './storage/adrRepository.js';
import { createCalendarSubscriptionRepository } from './storage/calendarSubscriptionRepository.js';
import { createChannelSettingsRepository } from './storage/channelSettingsRepository.js';
import { createCostRepository } from './storage/costRepository.js';
import { createCostSettingsRepository } from './storage/costSettingsRepository.js';
import { createDigestFactsRepository } from './storage/digestFactsRepository.js';
import { createDigestRepository } from './storage/digestRepository.js';
import { createGithubRepository } from './storage/githubRepository.js';
import { createThreadActivityRepository } from './storage/threadActivityRepository.js';
import { createDecisionRepository } from './storage/decisionRepository.js';
import { createJudgementRepository } from './storage/judgementRepository.js';
import { createRelitigationIndex } from './storage/relitigationIndex.js';
import { createWorkspaceSettingsRepository } from './storage/workspaceSettingsRepository.js';
import type { Database } from './storage/database.js';

export interface RunningApp {
  /** The port the HTTP server listens on (Slack requests in HTTP mode, /healthz in both). */
  port: number;
  /** Resolves once no listener is running (work Slack was already answered for included). */
  idle(): Promise<void>;
  /** The scheduled jobs, for an operator's or a test's run-it-now. */
  jobs: { calendarSync: CalendarSyncJob; digests: DigestJob };
  /** Stops taking requests, lets in-flight work finish (bounded), then returns. The database is the caller's. */
  stop(): Promise<void>;
}

export interface StartAppOptions {
  config: Config;
  database: Database;
  logger: Logger;
  /** Tests pin the clock; production uses the real one. */
  now?: () => Date;
}

const DRAIN_TIMEOUT_MS = 10_000;

export class StartupError extends Error {
  override name = 'StartupError';
}

/** Asks Slack who the bot token belongs to, so a wrong token stops start-up with a message that says so. */
async function verifyBotToken(
  config: Config,
  clientOptions: WebClientOptions,
): Promise<{ botId: string; botUserId: string; teamId: string | null; teamUrl: string | null }> {
  const client = new WebClient(config.slack.botToken, clientOptions);
  try {
    const auth = await client.auth.test();
    if (!auth.bot_id || !auth.user_id) throw new Error('auth.test did not name a bot');
    return { botId: auth.bot_id, botUserId: auth.user_id, teamId: auth.team_id ?? null, teamUrl: auth.url ?? null };
  } catch (error) {
    const e = error as { data?: { error?: string }; message?: string };
    throw new StartupError(
      `Slack did not accept SLACK_BOT_TOKEN at ${config.slack.apiUrl}auth.test (${e.data?.error ?? e.message}). ` +
        'Check the token (OAuth & Permissions → Bot User OAuth Token) and that SLACK_API_URL is reachable.',
    );
  }
}

/** Builds the Bolt app on top of an opened, migrated database and starts serving. */
export async function startApp({ config, database, logger, now = () => new Date() }: StartAppOptions): Promise<RunningApp> {
  const healthz = async (_req: IncomingMessage, res: ServerResponse) => {
    try {
      await database.ping(1000);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    } catch {
      res.writeHead(503, { 'content-type': 'application/json' }).end('{"status":"database unavailable"}');
    }
  };

  // Built once the services exist (below); the receiver's routes are declared before that.
  let githubWebhook: (req: IncomingMessage, res: ServerResponse) => Promise<void> = async (_req, res) => {
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"github_webhooks_not_configured"}');
  };

  const clientOptions: WebClientOptions = {
    slackApiUrl: config.slack.apiUrl,
    timeout: config.slack.apiTimeoutMs,
    retryConfig: { retries: config.slack.apiMaxRetries, factor: 2, minTimeout: 200, maxTimeout: 3000, randomize: true },
  };
  const receiver =
    config.slack.mode === 'http'
      ? new HTTPReceiver({
          signingSecret: config.slack.signingSecret,
          endpoints: '/slack/events',
          // Ack first, work after: a slow step must never hold Slack's 3-second response.
          processBeforeResponse: false,
          customRoutes: [
            { path: '/healthz', method: ['GET'], handler: healthz },
            { path: GITHUB_WEBHOOK_PATH, method: ['POST'], handler: (req, res) => void githubWebhook(req, res) },
          ],
          logger: boltLogger(logger),
        })
      : undefined;
  const identity = await verifyBotToken(config, clientOptions);
  const app = new App({
    token: config.slack.botToken,
    // Given all three, Bolt skips its own auth.test, whose failure it would leave unhandled.
    botId: identity.botId,
    botUserId: identity.botUserId,
    // Bolt's conversation store is unused here; it would cost a lookup on every request.
    convoStore: false,
    logger: boltLogger(logger),
    clientOptions,
    ...(receiver
      ? { receiver }
      : { socketMode: true, appToken: config.slack.mode === 'socket' ? config.slack.appToken : undefined, signingSecret: config.slack.signingSecret }),
  });

  const services: Services = {
    decisions: createDecisionRepository(database.db),
    conversations: createSlackConversations({
      clientFor: () => app.client,
      logger,
      workspaceUrls: identity.teamId && identity.teamUrl ? new Map([[identity.teamId, identity.teamUrl]]) : undefined,
    }),
    relitigation: createRelitigationIndex(database.db),
    judgements: createJudgementRepository(database.db),
    channelSettings: createChannelSettingsRepository(database.db),
    workspaceSettings: createWorkspaceSettingsRepository(database.db),
    relitigationLlm: config.openai
      ? {
          llm: createOpenAiRelitigation({ ...config.openai, logger }),
          budgetMs: config.openai.timeoutMs,
          embeddingCache: new Map(),
          endpoint: new URL(config.openai.baseUrl ?? 'https://api.openai.com/v1').host,
        }
      : null,
    drafter: config.openai ? createOpenAiDrafter({ ...config.openai, logger }) : null,
    costs: createCostRepository(database.db),
    costSettings: createCostSettingsRepository(database.db),
    calendars: createCalendarSubscriptionRepository(database.db),
    calendarFeeds: createCalendarFeedReader({
      timeoutMs: config.calendar.fetchTimeoutMs,
      maxBytes: config.calendar.maxBytes,
      allowPrivateHosts: config.calendar.allowPrivateHosts,
    }),
    github: createGithubRepository(database.db),
    threadActivity: createThreadActivityRepository(database.db),
    digests: createDigestRepository(database.db),
    digestFacts: createDigestFactsRepository(database.db),
    adrs: createAdrRepository(database.db),
    digestNarrator: config.openai ? createOpenAiDigestNarrator({ ...config.openai, timeoutMs: Math.max(config.openai.timeoutMs, 10_000), logger }) : null,
    now,
  };

  if (config.github.webhookSecret) githubWebhook = githubWebhookHandler({ secret: config.github.webhookSecret, services, logger });

  // Counts listeners still working after their ack, so shutdown can wait for them.
  let inFlight = 0;
  app.use(async ({ next }) => {
    inFlight += 1;
    try {
      await next();
    } finally {
      inFlight -= 1;
    }
  });
  registerListeners(app, { services, logger, githubWebhooks: config.github.webhookSecret !== null });
  app.error(async (error) => {
    logger.error({ err: { code: error.code, message: error.message } }, 'unhandled error in a Slack listener');
  });

  let healthServer: Server | undefined;
  let port: number;
  if (receiver) {
    const server = (await app.start(config.slack.port)) as Server;
    port = (server.address() as AddressInfo).port;
  } else {
    await app.start();
    // Socket Mode has no HTTP server of its own; /healthz still needs one for orchestrators.
    healthServer = createServer((req, res) => {
      if (req.method === 'GET' && req.url === '/healthz') void healthz(req, res);
      else if (req.method === 'POST' && req.url === GITHUB_WEBHOOK_PATH) void githubWebhook(req, res);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => healthServer!.listen(config.slack.port, resolve));
    port = (healthServer.address() as AddressInfo).port;
  }
  const calendarSync = startCalendarSync({ cron: config.calendar.syncCron, services, client: app.client, logger });
  // Digests are not interactive: they may wait out Slack's rate limits for longer.
  const digestClient = new WebClient(config.slack.botToken, { ...clientOptions, retryConfig: { ...clientOptions.retryConfig, retries: Math.max(5, config.slack.apiMaxRetries) } });
  const digests = startDigests({ services, client: digestClient, logger });
  logger.info({ port, mode: config.slack.mode, database: database.kind, llm: Boolean(config.openai) }, 'Decision Ledger is up');

  return {
    port,
    jobs: { calendarSync, digests },
    async idle() {
      // Bolt answers an event before its middleware runs; one turn lets a just-answered one start.
      await new Promise((resolve) => setImmediate(resolve));
      while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    },
    async stop() {
      await calendarSync.stop();
      await digests.stop();
      await app.stop();
      if (healthServer) await new Promise<void>((resolve) => healthServer!.close(() => resolve()));
      const deadline = Date.now() + DRAIN_TIMEOUT_MS;
      while (inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
      if (inFlight > 0) logger.warn({ inFlight }, 'stopped with listeners still running');
    },
  };
}
