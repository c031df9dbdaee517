import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import { errorForLog, type Logger } from '../logger.js';
import type { Metrics } from '../metrics/metrics.js';
import { SOMETHING_WENT_WRONG, withTextBack } from './copy/failures.js';
import { RecentKeys } from './recentKeys.js';

export interface GuardProps {
  metrics: Metrics;
  logger: Logger;
}

/** Event ids remembered per replica; Slack retries within minutes, and another replica's retry is caught by the database. */
const REMEMBERED_EVENTS = 20_000;

/**
 * Stands between Bolt's receiver (which verified the signature) and the app, for what Bolt leaves
 * to its users:
 * - redelivered Events API events (same `event_id`) are acked and dropped, once per replica; the
 *   writes they would repeat are idempotent in the database for the retries another replica gets;
 * - `app_rate_limited` notices are logged and counted (Bolt cannot route them and would let them
 *   time out, which counts against the app's delivery rate);
 * - bodies of no shape Bolt knows, and listeners that throw, still get an answer at once instead
 *   of a 404 after 3 s or a 500: a slash command's text comes back to whoever typed it;
 * - every request is counted by surface and outcome, and its ack timed.
 */
export function guardedReceiver(inner: Receiver, props: GuardProps): Receiver {
  const recentEvents = new RecentKeys(REMEMBERED_EVENTS);
  return {
    init(app: App) {
      const guarded = { processEvent: (event: ReceiverEvent) => guard(event, app, recentEvents, props) };
      inner.init(guarded as unknown as App);
    },
    start: (...args) => inner.start(...args),
    stop: (...args) => inner.stop(...args),
  };
}

async function guard(
  event: ReceiverEvent,
  app: App,
  recentEvents: RecentKeys,
  { metrics, logger }: GuardProps,
): Promise<void> {
  const body = event.body as Record<string, unknown>;
  const surface = surfaceOf(body);
  const started = performance.now();
  let acked = false;
  const ack: ReceiverEvent['ack'] = async (response) => {
    if (!acked) {
      acked = true;
      metrics.slackAckSeconds.observe({ surface }, (performance.now() - started) / 1000);
    }
    await event.ack(response);
  };

  if (surface === 'app_rate_limited') {
    metrics.slackAppRateLimited.inc();
    logger.warn(
      { teamId: stringOr(body.team_id), minute: body.minute_rate_limited },
      'Slack is dropping event deliveries to this app (app_rate_limited)',
    );
    metrics.slackRequests.inc({ surface, outcome: 'ignored' });
    return ack();
  }
  if (surface === 'unknown') {
    logger.warn(
      { type: typeof body.type === 'string' ? body.type.slice(0, 40) : typeof body.type },
      'acknowledged a Slack request of a shape this app does not handle',
    );
    metrics.slackRequests.inc({ surface, outcome: 'ignored' });
    return ack();
  }
  if (surface.startsWith('event:')) {
    const key = `${stringOr(body.team_id) ?? ''}:${stringOr(body.event_id) ?? ''}`;
    if (body.event_id !== undefined && !recentEvents.add(key)) {
      metrics.slackEventsDeduplicated.inc();
      metrics.slackRequests.inc({ surface, outcome: 'ignored' });
      logger.debug({ eventId: body.event_id, retryNum: event.retryNum }, 'dropped a redelivered event');
      return ack();
    }
  }

  try {
    await app.processEvent({ ...event, ack });
    metrics.slackRequests.inc({ surface, outcome: 'ok' });
  } catch (error) {
    metrics.slackRequests.inc({ surface, outcome: 'error' });
    logger.error({ err: errorForLog(error), surface }, 'a Slack request failed');
  } finally {
    // Every listener has finished: whatever none of them answered is answered now.
    if (!acked) await ack(fallbackAnswer(body)).catch(() => undefined);
  }
}

/** A command nobody answered gets its text back; anything else an empty 200. */
function fallbackAnswer(body: Record<string, unknown>): unknown {
  if (typeof body.command !== 'string') return undefined;
  const text = typeof body.text === 'string' ? body.text : '';
  return {
    response_type: 'ephemeral',
    text: text.trim() === '' ? SOMETHING_WENT_WRONG : withTextBack(SOMETHING_WENT_WRONG, `${body.command} ${text}`),
  };
}

const INTERACTIVE = new Set([
  'block_actions',
  'block_suggestion',
  'view_submission',
  'view_closed',
  'shortcut',
  'message_action',
  'interactive_message',
  'dialog_submission',
]);

/**
 * What kind of Slack request a body is, as a bounded metrics label; 'unknown' for anything Bolt
 * would not route (or would trip over: an `event` that is not an object makes it throw).
 */
export function surfaceOf(body: unknown): string {
  if (!isRecord(body)) return 'unknown';
  if (body.type === 'app_rate_limited') return 'app_rate_limited';
  if (body.event !== undefined) {
    if (!isRecord(body.event) || typeof body.event.type !== 'string') return 'unknown';
    return `event:${/^[a-z_]{1,40}$/.test(body.event.type) ? body.event.type : 'other'}`;
  }
  if (body.command !== undefined) return isWellFormedCommand(body) ? `command:${body.command}` : 'unknown';
  if (typeof body.type === 'string' && INTERACTIVE.has(body.type)) return body.type;
  return 'unknown';
}

/**
 * Slack posts every one of these fields with every command, as a non-empty string. A form field
 * that is missing, empty or repeated (which parses to an array) means the request is not what it
 * claims; passed on, it used to be recorded with an empty channel or author, or with an
 * idempotency key of `command:undefined` that made every later such command "recorded already".
 */
const COMMAND_FIELDS = ['team_id', 'channel_id', 'user_id', 'trigger_id', 'response_url'] as const;

function isWellFormedCommand(body: Record<string, unknown>): body is Record<string, unknown> & { command: string } {
  return (
    typeof body.command === 'string' &&
    /^\/[\w-]{1,32}$/.test(body.command) &&
    (body.text === undefined || typeof body.text === 'string') &&
    COMMAND_FIELDS.every((field) => typeof body[field] === 'string' && body[field] !== '')
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' ? value.slice(0, 64) : undefined;
}
