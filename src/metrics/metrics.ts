import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Where a Slack request came in, e.g. `event:message`, `command:/decide`, `action`, `view_submission`, `shortcut`, `options`. */
export type SlackSurface = string;
export type SlackRequestOutcome = 'ok' | 'error' | 'ignored';
export type RelitigationCheckResult = 'quiet' | 'warned' | 'failed';
export type SlackApiOutcome = 'ok' | 'error' | 'rate_limited' | 'http_error' | 'network_error';
export type DbQueryOutcome = 'ok' | 'error';

/** The app's own metrics (all named `decision_ledger_…`) and the registry that also carries the process's. */
export interface Metrics {
  /** What GET /metrics serves. */
  registry: Registry;
  /** Slack requests by surface and outcome (`ok | error | ignored`). */
  slackRequests: Counter<'surface' | 'outcome'>;
  /** Time from a request's arrival to its ack; Slack gives up after 3 s. */
  slackAckSeconds: Histogram<'surface'>;
  /** Messages the relitigation watcher looked at, by result (`quiet`: no warning; `warned`; `failed`). */
  relitigationChecks: Counter<'result'>;
  relitigationWarnings: Counter<never>;
  digestsPosted: Counter<never>;
  /** Every HTTP attempt at Slack's Web API (retries included), by method and outcome. */
  slackApiCalls: Counter<'method' | 'outcome'>;
  /** Calls Slack answered with `ok: false`, by Slack's `error` string (`not_in_channel`, …). */
  slackApiErrors: Counter<'method' | 'error'>;
  slackApiRateLimited: Counter<'method'>;
  /** `app_rate_limited` events: Slack stopped sending events because the app was too slow or too busy. */
  slackAppRateLimited: Counter<never>;
  /** Event redeliveries Slack sent that were recognised and skipped. */
  slackEventsDeduplicated: Counter<never>;
  slackEventsDropped: Counter<'reason'>;
  slackAuthorizationFailures: Counter<'reason'>;
  /** Work retried in-process after a database error. */
  slackEventsRetried: Counter<never>;
  dbQueries: Counter<'outcome'>;
  dbQuerySeconds: Histogram<never>;
  dbQueriesInFlight: Gauge<never>;
  dbPoolMaxConnections: Gauge<never>;
  httpRequests: Counter<'route' | 'status'>;
}

const PREFIX = 'decision_ledger_';

// Slack retries a request it has no ack for after 3 s; the buckets are dense where an ack is healthy
// and still tell "late" (1–3 s) from "too late" (+Inf).
const ACK_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3];
const DB_QUERY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

const RELITIGATION_RESULTS: RelitigationCheckResult[] = ['quiet', 'warned', 'failed'];
const DB_QUERY_OUTCOMES: DbQueryOutcome[] = ['ok', 'error'];
export type AuthorizationFailureReason = 'not_installed' | 'database_unavailable' | 'other';
const AUTHORIZATION_FAILURE_REASONS: AuthorizationFailureReason[] = ['not_installed', 'database_unavailable', 'other'];

let processMetrics: Registry | undefined;

/**
 * CPU, memory, event-loop lag and GC belong to the process, not to an app, and prom-client cannot stop
 * collecting them once started (a GC observer and an event-loop monitor live for the process). So they
 * are collected once per process and shared by every registry createMetrics builds.
 */
function processMetricsRegistry(): Registry {
  if (!processMetrics) {
    processMetrics = new Registry();
    collectDefaultMetrics({ register: processMetrics });
  }
  return processMetrics;
}

/**
 * A registry of its own per call, so several apps in one process (tests) never share counts. Cheap —
 * a few dozen objects, no timers — so every composition root (server, CLI, benches) can make one.
 */
export function createMetrics(): Metrics {
  const own = new Registry();
  const registers = [own];
  const counter = <L extends string>(name: string, help: string, labelNames: L[] = []) =>
    new Counter<L>({ name: PREFIX + name, help, labelNames, registers });

  const metrics: Omit<Metrics, 'registry'> = {
    slackRequests: counter('slack_requests_total', 'Slack requests by surface and outcome.', ['surface', 'outcome']),
    slackAckSeconds: new Histogram({
      name: `${PREFIX}slack_ack_seconds`,
      help: 'Seconds from a Slack request arriving to its ack (Slack retries after 3).',
      labelNames: ['surface'],
      buckets: ACK_BUCKETS,
      registers,
    }),
    relitigationChecks: counter('relitigation_checks_total', 'Messages the relitigation watcher checked, by result.', [
      'result',
    ]),
    relitigationWarnings: counter('relitigation_warnings_total', 'Relitigation warnings posted.'),
    digestsPosted: counter('digests_posted_total', 'Digests posted to Slack.'),
    slackApiCalls: counter(
      'slack_api_calls_total',
      'HTTP attempts at the Slack Web API, retries included, by method and outcome.',
      ['method', 'outcome'],
    ),
    slackApiErrors: counter(
      'slack_api_errors_total',
      'Slack Web API answers with ok: false, by method and Slack error.',
      ['method', 'error'],
    ),
    slackApiRateLimited: counter('slack_api_rate_limited_total', 'Slack Web API answers with HTTP 429, by method.', [
      'method',
    ]),
    slackAppRateLimited: counter('slack_app_rate_limited_total', 'app_rate_limited events received from Slack.'),
    slackEventsDeduplicated: counter(
      'slack_events_deduplicated_total',
      'Slack event redeliveries skipped as already handled.',
    ),
    slackEventsDropped: counter(
      'slack_events_dropped_total',
      'Slack events dropped without being handled, by reason.',
      ['reason'],
    ),
    slackAuthorizationFailures: counter(
      'slack_authorization_failures_total',
      'Slack requests no installation could authorise (so Bolt answered them and ran nothing), by reason.',
      ['reason'],
    ),
    slackEventsRetried: counter('slack_events_retried_total', 'Work retried in-process after a database error.'),
    dbQueries: counter('db_queries_total', 'Database statements run, by outcome.', ['outcome']),
    dbQuerySeconds: new Histogram({
      name: `${PREFIX}db_query_seconds`,
      help: 'Seconds from issuing a database statement to its result, waiting for a connection included.',
      buckets: DB_QUERY_BUCKETS,
      registers,
    }),
    dbQueriesInFlight: new Gauge({
      name: `${PREFIX}db_queries_in_flight`,
      help: 'Database statements issued and not yet answered.',
      registers,
    }),
    dbPoolMaxConnections: new Gauge({
      name: `${PREFIX}db_pool_max_connections`,
      help: 'Connections the database pool may open.',
      registers,
    }),
    httpRequests: counter('http_requests_total', 'HTTP requests served, by route and status.', ['route', 'status']),
  };
  // Closed label sets start at zero, so rate() and alerts see a series before the first event.
  for (const result of RELITIGATION_RESULTS) metrics.relitigationChecks.inc({ result }, 0);
  for (const outcome of DB_QUERY_OUTCOMES) metrics.dbQueries.inc({ outcome }, 0);
  for (const reason of AUTHORIZATION_FAILURE_REASONS) metrics.slackAuthorizationFailures.inc({ reason }, 0);

  return { registry: Registry.merge([processMetricsRegistry(), own]), ...metrics };
}

/** The body and content type for a GET /metrics answer. */
export async function metricsText(metrics: Metrics): Promise<{ contentType: string; body: string }> {
  return { contentType: metrics.registry.contentType, body: await metrics.registry.metrics() };
}
