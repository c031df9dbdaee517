import { App, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { Services } from './app/services.js';
import { buildUseCases } from './app/useCases.js';
import type { Config } from './config.js';
import { withDeadline } from './deadline.js';
import { createCalendarFeedReader } from './calendar/calendarFeedReader.js';
import { GITHUB_WEBHOOK_PATH, githubWebhookHandler } from './github/webhookRoute.js';
import { type CalendarSyncJob, startCalendarSync } from './jobs/calendarSync.js';
import { type DigestJob, startDigests } from './jobs/digests.js';
import { type EmbeddedAutovacuumJob, startEmbeddedAutovacuum } from './jobs/embeddedAutovacuum.js';
import { createOpenAiDigestNarrator } from './llm/openAiDigestNarrator.js';
import { createOpenAiDrafter } from './llm/openAiDrafter.js';
import { createOpenAiRelitigation } from './llm/openAiRelitigation.js';
import { type AppServer, createAppServer, type Handlers, type RequestHandler, type Route } from './http/appServer.js';
import { backupRoute } from './http/backupRoute.js';
import { operationsRoutes } from './http/operationsRoutes.js';
import { errorForLog, httpErrorLogger, type Logger } from './logger.js';
import { createMetrics, type Metrics } from './metrics/metrics.js';
import { observedFetch } from './metrics/observeSlackApi.js';
import { boltLogger } from './slack/boltLogger.js';
import { guardedReceiver } from './slack/guardedReceiver.js';
import { withFutureRequestsRefused } from './slack/futureRequestScreen.js';
import { withNullBodiesRefused } from './slack/nullBodyScreen.js';
import { countedAuthorize, installCallbacks, INSTALL_PATH, OAUTH_REDIRECT_PATH } from './slack/install.js';
import { createEventWork } from './slack/listeners/eventWork.js';
import { registerListeners } from './slack/listeners/index.js';
import { BOT_SCOPES } from './slack/scopes.js';
import { installedWorkspaceClients, singleWorkspaceClients, type WorkspaceClients } from './slack/workspaceClients.js';
import { createSlackConversations, THREAD_CLIENT_OPTIONS } from './slack/slackConversations.js';
import { createAdrRepository } from './storage/adrRepository.js';
import { createCalendarSubscriptionRepository } from './storage/calendarSubscriptionRepository.js';
import { createChannelSettingsRepository } from './storage/channelSettingsRepository.js';
import { createCostRepository } from './storage/costRepository.js';
import { createCostSettingsRepository } from './storage/costSettingsRepository.js';
import { createDigestFactsRepository } from './storage/digestFactsRepository.js';
import { createDigestRepository } from './storage/digestRepository.js';
import { createGithubRepository } from './storage/githubRepository.js';
import { createInstallationStore } from './storage/installationRepository.js';
import { createTokenCipher } from './storage/tokenCipher.js';
import { createThreadActivityRepository } from './storage/threadActivityRepository.js';
import { createDecisionRepository } from './storage/decisionRepository.js';
import { createJudgementRepository } from './storage/judgementRepository.js';
import { createOAuthStateStore } from './storage/oauthStateStore.js';
import { createRelitigationIndex } from './storage/relitigationIndex.js';
import { loadDetector } from './detector/loadDetector.js';
import { reportReindexDue } from './detector/reportReindexDue.js';
import { createWorkspaceSettingsRepository } from './storage/workspaceSettingsRepository.js';
import { createWorkspacePurge } from './storage/workspacePurge.js';
import type { Database } from './storage/database.js';

export interface RunningApp {
  /** The port the HTTP server listens on (Slack requests in HTTP mode; /healthz, /readyz and /metrics in both). */
  port: number;
  metrics: Metrics;
  /** Resolves once no listener is running (work Slack was already answered for included). */
  idle(): Promise<void>;
  /** The scheduled jobs, for an operator's or a test's run-it-now. */
  jobs: { calendarSync: CalendarSyncJob; digests: DigestJob; embeddedAutovacuum: EmbeddedAutovacuumJob };
  /** Stops taking requests, lets in-flight work finish (bounded), then returns. The database is the caller's. */
  stop(): Promise<void>;
}

export interface StartAppOptions {
  config: Config;
  database: Database;
  logger: Logger;
  /** Tests pin the clock; production uses the real one. */
  now?: () => Date;
  /** Where the app counts what it does (GET /metrics); a fresh registry unless given. */
  metrics?: Metrics;
  /** Routes served beside the app's own: the local playground's page (src/playground); none in production. */
  routes?: Route[];
  /** The address to listen on; every interface unless given (the playground listens on loopback only). */
  host?: string;
  /**
   * A server already listening (main.ts listens first, answering health checks while the database
   * opens and migrates): the app's handlers take it over. Without one, the app listens itself.
   */
  listening?: { server: AppServer; port: number };
}

const DRAIN_TIMEOUT_MS = 10_000;
const JOBS_STOP_MS = 5_000;

/**
 * Event work admitted at once and queued: fewer at once than the PostgreSQL pool's 10 connections,
 * so commands always find one; a queue of a few seconds' work at the rates this app sustains.
 */
const EVENT_WORK = { concurrency: 6, maxQueued: 2000 } as const;

export class StartupError extends Error {
  override name = 'StartupError';
}

/** Asks Slack who the bot token belongs to, so a wrong token stops start-up with a message that says so. */
async function verifyBotToken(
  botToken: string,
  config: Config,
  clientOptions: WebClientOptions,
): Promise<{ botId: string; botUserId: string; teamId: string | null; teamUrl: string | null }> {
  const client = new WebClient(botToken, clientOptions);
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
export async function startApp({
  config,
  database,
  logger,
  now = () => new Date(),
  metrics = createMetrics(),
  routes = [],
  host,
  listening,
}: StartAppOptions): Promise<RunningApp> {
  let draining = false;
  const operations = operationsRoutes({
    database,
    metrics,
    isDraining: () => draining,
    metricsToken: config.metricsToken,
  });
  // Built once the services exist (below); the route is declared before that.
  let githubWebhook: RequestHandler = async (_req, res) => {
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"github_webhooks_not_configured"}');
  };

  const clientOptions: WebClientOptions = {
    slackApiUrl: config.slack.apiUrl,
    timeout: config.slack.apiTimeoutMs,
    retryConfig: { retries: config.slack.apiMaxRetries, factor: 2, minTimeout: 200, maxTimeout: 3000, randomize: true },
    fetch: observedFetch(metrics),
    // Every Web API client's retries and warnings as JSON lines, not the library's plain text.
    logger: boltLogger(logger),
  };
  const auth = config.slack.auth;
  const installations =
    auth.kind === 'oauth' ? createInstallationStore(database.db, createTokenCipher(auth.encryptionKey)) : null;
  const identity = auth.kind === 'token' ? await verifyBotToken(auth.botToken, config, clientOptions) : null;

  const boltReceiver =
    config.slack.mode === 'http'
      ? new HTTPReceiver({
          signingSecret: config.slack.signingSecret,
          endpoints: '/slack/events',
          // Ack first, work after: a slow step must never hold Slack's 3-second response.
          processBeforeResponse: false,
          logger: boltLogger(logger),
          ...(auth.kind === 'oauth' && installations
            ? {
                clientId: auth.clientId,
                clientSecret: auth.clientSecret,
                stateSecret: auth.stateSecret,
                redirectUri: auth.redirectUri,
                scopes: [...BOT_SCOPES],
                installationStore: installations,
                installerOptions: {
                  stateStore: createOAuthStateStore(database.db),
                  installPath: INSTALL_PATH,
                  redirectUriPath: OAUTH_REDIRECT_PATH,
                  clientOptions,
                  callbackOptions: installCallbacks(logger),
                },
              }
            : {}),
        })
      : new SocketModeReceiver({
          appToken: config.slack.appToken,
          logger: boltLogger(logger),
          installerOptions: { clientOptions },
        });
  const installer = boltReceiver.installer;
  const app = new App({
    receiver: guardedReceiver(boltReceiver, { metrics, logger }),
    ...(identity && auth.kind === 'token'
      ? // Given all three, Bolt skips its own auth.test, whose failure it would leave unhandled.
        { token: auth.botToken, botId: identity.botId, botUserId: identity.botUserId }
      : { authorize: countedAuthorize(installer!, metrics) }),
    // Bolt's conversation store is unused here; it would cost a lookup on every request.
    convoStore: false,
    logger: boltLogger(logger),
    clientOptions,
  });
  const clients: WorkspaceClients = installer
    ? installedWorkspaceClients(installer, clientOptions)
    : singleWorkspaceClients(app.client);
  const threadClientOptions: WebClientOptions = { ...clientOptions, ...THREAD_CLIENT_OPTIONS };
  const threadClients: WorkspaceClients = installer
    ? installedWorkspaceClients(installer, threadClientOptions)
    : singleWorkspaceClients(new WebClient(auth.kind === 'token' ? auth.botToken : undefined, threadClientOptions));

  const services: Services = {
    decisions: createDecisionRepository(database.db),
    conversations: createSlackConversations({
      clientFor: (workspace) => clients.clientFor(workspace),
      threadClientFor: (workspace) => threadClients.clientFor(workspace),
      logger,
      workspaceUrls: identity?.teamId && identity.teamUrl ? new Map([[identity.teamId, identity.teamUrl]]) : undefined,
    }),
    relitigation: createRelitigationIndex(database.db),
    detector: loadDetector(),
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
    workspacePurge: createWorkspacePurge(database.db),
    digestNarrator: config.openai
      ? createOpenAiDigestNarrator({ ...config.openai, timeoutMs: Math.max(config.openai.timeoutMs, 10_000), logger })
      : null,
    now,
  };
  const useCases = buildUseCases(services);

  if (config.github.webhookSecret)
    githubWebhook = githubWebhookHandler({ secret: config.github.webhookSecret, useCases, logger });

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
  registerListeners(app, {
    useCases,
    logger,
    metrics,
    githubWebhooks: config.github.webhookSecret !== null,
    eventRetryWindowMs: config.slack.eventRetryWindowMs,
    eventWork: createEventWork({ ...EVENT_WORK, metrics, logger }),
    installations,
  });
  app.error(async (error) => {
    // errorForLog, not the error: a failed query's message carries its parameters, the user's text.
    logger.error({ err: errorForLog(error) }, 'unhandled error in a Slack listener');
  });

  const handlers: Handlers = {
    routes: [
      ...operations,
      backupRoute({ database, token: config.admin.token }),
      { method: 'POST', path: GITHUB_WEBHOOK_PATH, handler: (req, res) => githubWebhook(req, res) },
      ...routes,
    ],
    // In Socket Mode, Slack's requests arrive over the socket; this server has only the routes above.
    // Bodies Bolt itself would trip over (see nullBodyScreen.ts) are answered before they reach it.
    fallback:
      boltReceiver instanceof HTTPReceiver
        ? withFutureRequestsRefused(withNullBodiesRefused(boltReceiver.requestListener))
        : null,
  };
  let server: AppServer;
  let port: number;
  if (listening) {
    ({ server, port } = listening);
    server.serve(handlers);
  } else {
    server = createAppServer({ ...handlers, metrics, onError: httpErrorLogger(logger) });
    port = await server.listen(config.slack.port, host);
  }
  if (!(boltReceiver instanceof HTTPReceiver)) await app.start();

  const calendarSync = startCalendarSync({ cron: config.calendar.syncCron, useCases, clients, logger });
  // Digests are not interactive: they may wait out Slack's rate limits for longer.
  const digestClients = installer
    ? installedWorkspaceClients(installer, patientClientOptions(clientOptions, config.slack.apiMaxRetries))
    : singleWorkspaceClients(
        new WebClient(
          auth.kind === 'token' ? auth.botToken : undefined,
          patientClientOptions(clientOptions, config.slack.apiMaxRetries),
        ),
      );
  const digests = startDigests({ useCases, clients: digestClients, logger, metrics });
  const embeddedAutovacuum = startEmbeddedAutovacuum({ database, logger });
  // In the background: counting stale index rows must not hold up serving.
  void reportReindexDue(services, logger);
  logger.info(
    {
      port,
      mode: config.slack.mode,
      install: auth.kind === 'oauth' ? 'oauth' : 'single workspace',
      database: database.kind,
      llm: Boolean(config.openai),
    },
    'Decision Ledger is up',
  );

  return {
    port,
    jobs: { calendarSync, digests, embeddedAutovacuum },
    metrics,
    async idle() {
      // Bolt answers an event before its middleware runs; one turn lets a just-answered one start.
      await new Promise((resolve) => setImmediate(resolve));
      while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    },
    async stop() {
      // Load balancers see /readyz fail first; then no new connection is taken and those open are answered.
      draining = true;
      // A digest or calendar run still going gets part of the drain time, not all of it.
      await withDeadline(
        Promise.all([calendarSync.stop(), digests.stop(), embeddedAutovacuum.stop()]),
        JOBS_STOP_MS,
        'scheduled jobs did not stop',
      ).catch((error: unknown) =>
        logger.warn({ err: errorForLog(error) }, 'stopping with a scheduled job still running'),
      );
      if (!(boltReceiver instanceof HTTPReceiver)) await app.stop();
      const deadline = Date.now() + DRAIN_TIMEOUT_MS;
      const unanswered = await server.drain(DRAIN_TIMEOUT_MS);
      // Events were answered before their work began: that work is waited for too.
      while (inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
      if (unanswered > 0 || inFlight > 0) logger.warn({ unanswered, inFlight }, 'stopped with work still running');
    },
  };
}

function patientClientOptions(options: WebClientOptions, maxRetries: number): WebClientOptions {
  return { ...options, retryConfig: { ...options.retryConfig, retries: Math.max(5, maxRetries) } };
}
