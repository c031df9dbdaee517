import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { type RunningApp, startApp } from '../../src/startApp.js';
import type { Database } from '../../src/storage/database.js';
import { FakeSlack } from './fakeSlack.js';
import { eventCallbackJson, interactionForm, slashCommandForm } from './slackRequestBodies.js';
import { type SignedPostOptions, signedPost } from './slackRequests.js';
import { createTestDatabase } from './testDatabase.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const TEAM = 'T0001';

export interface TestAppOptions {
  /** Extra environment, e.g. OPENAI_* pointing at a loopback server. */
  env?: Record<string, string>;
  now?: () => Date;
  /** Reuse a database (restart tests); otherwise a fresh one per app. */
  database?: Database;
  /** Collects the app's log lines (JSON, the production logger at this level) instead of discarding them. */
  logs?: { level: string; lines: string[] };
}

/**
 * The real app over real HTTP: Bolt's HTTPReceiver verifying real signatures, the real database
 * (PGlite, or PostgreSQL in CI), and a loopback fake of Slack's Web API.
 */
export class TestApp {
  readonly slack = new FakeSlack();
  database!: Database;
  private running!: RunningApp;
  private ownsDatabase = false;

  static async start(options: TestAppOptions = {}): Promise<TestApp> {
    const app = new TestApp();
    await app.slack.start();
    app.ownsDatabase = !options.database;
    app.database = options.database ?? (await createTestDatabase());
    const config = loadConfig({
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_API_URL: app.slack.apiUrl,
      // Fail fast: a fake answering 500 must not hold a test for Slack's 30-minute retry policy.
      SLACK_API_MAX_RETRIES: '0',
      SLACK_API_TIMEOUT_MS: '2000',
      PORT: '0',
      LOG_LEVEL: 'silent',
      ...options.env,
    });
    const logs = options.logs;
    const logger = logs
      ? createLogger(logs.level, { write: (line: string) => void logs.lines.push(line) })
      : pino({ level: 'silent' });
    app.running = await startApp({ config, database: app.database, logger, now: options.now });
    return app;
  }

  /** Waits until the app has finished the work it does after acking (judging, posting, recording). */
  async idle(): Promise<void> {
    await this.running.idle();
  }

  /** The app's scheduled jobs, to run one now instead of waiting for its schedule. */
  get jobs(): RunningApp['jobs'] {
    return this.running.jobs;
  }

  /** What the app counted (its GET /metrics registry). */
  get metrics(): RunningApp['metrics'] {
    return this.running.metrics;
  }

  /** One metric's value, summed over every label set that matches `labels`. */
  async metricValue(name: string, labels: Record<string, string> = {}): Promise<number> {
    const metric = this.running.metrics.registry.getSingleMetric(name);
    if (!metric) throw new Error(`no metric named ${name}`);
    const { values } = await metric.get();
    return values
      .filter((v) =>
        Object.entries(labels).every(([k, want]) => String((v.labels as Record<string, unknown>)[k]) === want),
      )
      .reduce((sum, v) => sum + v.value, 0);
  }

  get url(): string {
    return `http://127.0.0.1:${this.running.port}`;
  }

  async stop(): Promise<void> {
    await this.running.stop();
    await this.slack.stop();
    if (this.ownsDatabase) await this.database.close();
  }

  /** Stops the app but keeps the database, for restart tests. */
  async stopKeepingDatabase(): Promise<Database> {
    await this.running.stop();
    await this.slack.stop();
    return this.database;
  }

  /** A signed slash command, as Slack posts it. */
  async command(
    text: string,
    options: {
      user?: string;
      channel?: string;
      team?: string;
      enterprise?: string;
      orgWide?: boolean;
      triggerId?: string;
    } & SignedPostOptions = {},
  ) {
    const responseId = randomUUID();
    const body = slashCommandForm({
      team: options.team ?? TEAM,
      enterprise: options.enterprise,
      orgWide: options.orgWide,
      channel: options.channel ?? 'C0PUBLIC',
      user: options.user ?? 'U0ANA',
      text,
      responseUrl: this.slack.responseUrl(responseId),
      triggerId: options.triggerId ?? `trigger-${randomUUID()}`,
    });
    const response = await signedPost(
      `${this.url}/slack/events`,
      SIGNING_SECRET,
      body,
      'application/x-www-form-urlencoded',
      options,
    );
    const raw = await response.text();
    return { status: response.status, body: raw ? safeJson(raw) : null, responseId };
  }

  /** A signed interactive payload (shortcut, block action, view submission). */
  async interact(payload: Record<string, unknown>, options: SignedPostOptions = {}) {
    const body = interactionForm(payload);
    const response = await signedPost(
      `${this.url}/slack/events`,
      SIGNING_SECRET,
      body,
      'application/x-www-form-urlencoded',
      options,
    );
    const raw = await response.text();
    return { status: response.status, body: raw ? safeJson(raw) : null };
  }

  /** A signed Events API delivery. */
  async event(
    event: Record<string, unknown>,
    options: { eventId?: string; team?: string; enterprise?: string; orgWide?: boolean } & SignedPostOptions = {},
  ) {
    const body = eventCallbackJson({
      team: options.team ?? TEAM,
      enterprise: options.enterprise,
      orgWide: options.orgWide,
      eventId: options.eventId ?? `Ev${randomUUID().slice(0, 8)}`,
      event,
    });
    const response = await signedPost(`${this.url}/slack/events`, SIGNING_SECRET, body, 'application/json', options);
    return { status: response.status, body: await response.text() };
  }

  /** Messages the app sent to a command's response_url. */
  responses(responseId: string) {
    return this.slack.callsOf('response_url').filter((c) => c.params.response_url_id === responseId);
  }
}

function safeJson(raw: string): any {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
