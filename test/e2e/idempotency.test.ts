import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/storage/database.js';
import { rowsOf } from '../../src/storage/insertDecisions.js';
import { signedPost } from '../support/slackRequests.js';
import { viewSubmission } from '../support/slackPayloads.js';
import { SIGNING_SECRET, TEAM, TestApp } from '../support/testApp.js';

/**
 * Slack delivers at least once: an event it saw no 200 for comes again with the same event_id
 * (X-Slack-Retry-Num), to whichever replica the load balancer picks, and people double-click.
 * None of it may record or post anything twice.
 */

const REOPENING = 'honestly should we just move orders to mongo? the schema keeps changing';
let tsCounter = 1_700_400_000;
const nextTs = () => `${tsCounter++}.000400`;

function message(text: string, options: { channel?: string; threadTs?: string; user?: string } = {}) {
  const ts = nextTs();
  return {
    type: 'message',
    channel: options.channel ?? 'C0ORD',
    channel_type: 'channel',
    user: options.user ?? 'U0RAJ',
    text,
    ts,
    event_ts: ts,
    ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
  };
}

const retry = (n: number) => ({ headers: { 'x-slack-retry-num': String(n), 'x-slack-retry-reason': 'http_timeout' } });

function warningsIn(app: TestApp) {
  return app.slack.callsOf('chat.postMessage').filter((c) => String(c.params.text).startsWith('This reopens'));
}

async function count(app: TestApp, table: string, where = sql`true`): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await app.database.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`),
  );
  return Number(row!.n);
}

describe('idempotency under Slack retries and double clicks', () => {
  let app: TestApp;
  /** The database handed from the first replica to the second, which does not own it. */
  let handedOver: Database | undefined;
  beforeAll(async () => {
    app = await TestApp.start();
    await app.command(
      'Orders stay on Postgres instead of MongoDB because refunds need multi-row transactions #orders',
      { channel: 'C0ORD' },
    );
    await app.slack.waitFor('chat.postMessage');
  });
  afterAll(async () => {
    await app.stop();
    await handedOver?.close();
  });
  beforeEach(() => app.slack.reset());

  it('drops a redelivered event on the replica that saw it, and counts it', async () => {
    const event = message(REOPENING, { channel: 'C0RETRY1' });
    expect((await app.event(event, { eventId: 'EvSAME1' })).status).toBe(200);
    await app.idle();
    for (const n of [1, 2, 3]) expect((await app.event(event, { eventId: 'EvSAME1', ...retry(n) })).status).toBe(200);
    await app.idle();
    expect(warningsIn(app)).toHaveLength(1);
    expect(await count(app, 'relitigation_judgements', sql`channel_id = 'C0RETRY1' and outcome = 'warned'`)).toBe(1);
    expect(await app.metricValue('decision_ledger_slack_events_deduplicated_total')).toBeGreaterThanOrEqual(3);
  });

  it('records and posts nothing twice when the redelivery reaches a replica that never saw it', async () => {
    const event = message(REOPENING, { channel: 'C0RETRY2' });
    await app.event(event, { eventId: 'EvSAME2' });
    const reply = message('yes, mongo would be simpler for orders', {
      channel: 'C0RETRY2',
      threadTs: event.ts,
      user: 'U0ANA',
    });
    await app.idle();
    await app.event(reply, { eventId: 'EvREPLY2' });
    await app.idle();
    const before = {
      judgements: await count(app, 'relitigation_judgements'),
      costs: await count(app, 'cost_events'),
      notes: await count(app, 'relitigation_thread_messages'),
    };
    // Not vacuous: the first deliveries judged, warned, noted the reply and costed the thread.
    expect(warningsIn(app)).toHaveLength(1);
    expect(Math.min(before.judgements, before.costs, before.notes)).toBeGreaterThan(0);
    app.slack.reset();

    // A second replica on the same database: it has no memory of these event ids.
    handedOver = await app.stopKeepingDatabase();
    app = await TestApp.start({ database: handedOver });
    await app.event(event, { eventId: 'EvSAME2', ...retry(1) });
    await app.event(reply, { eventId: 'EvREPLY2', ...retry(1) });
    await app.idle();
    expect(warningsIn(app)).toHaveLength(0);
    expect({
      judgements: await count(app, 'relitigation_judgements'),
      costs: await count(app, 'cost_events'),
      notes: await count(app, 'relitigation_thread_messages'),
    }).toEqual(before);
  });

  it('records one decision for a form submitted twice', async () => {
    const opened = await app.command('', { triggerId: 'trigger-form' });
    expect(opened.status).toBe(200);
    const [open] = await app.slack.waitFor('views.open');
    const submit = () =>
      app.interact(
        viewSubmission(
          open!.params.view,
          { title: 'We keep one on-call rota per product', rationale: 'pages got lost between rotas' },
          'V0DOUBLE',
        ),
      );
    const decisionsBefore = await count(app, 'decisions');
    const [first, second] = await Promise.all([submit(), submit()]);
    expect([first.status, second.status]).toEqual([200, 200]);
    await app.idle();
    expect(await count(app, 'decisions')).toBe(decisionsBefore + 1);
    const cards = app.slack
      .callsOf('chat.postMessage')
      .filter((c) => JSON.stringify(c.params.blocks ?? '').includes('one on-call rota'));
    expect(cards).toHaveLength(1);
  });

  it('acknowledges app_rate_limited at once, and counts and logs it', async () => {
    const body = JSON.stringify({
      token: 'x',
      team_id: TEAM,
      minute_rate_limited: 1_700_000_000,
      api_app_id: 'A0APP',
      type: 'app_rate_limited',
    });
    const response = await signedPost(`${app.url}/slack/events`, SIGNING_SECRET, body, 'application/json');
    expect(response.status).toBe(200);
    expect(await app.metricValue('decision_ledger_slack_app_rate_limited_total')).toBe(1);
  });
});

describe('Slack API storms', () => {
  let app: TestApp;
  beforeAll(async () => {
    // Retries as in production (3, backing off from 200 ms), not the suite's fail-fast 0.
    app = await TestApp.start({ env: { SLACK_API_MAX_RETRIES: '3' } });
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => app.slack.reset());

  it('rides out a burst of 429s and posts the card once', async () => {
    app.slack.failNext(
      'chat.postMessage',
      { status: 429, headers: { 'retry-after': '0' }, body: { ok: false, error: 'ratelimited' } },
      2,
    );
    const response = await app.command('We run canaries for every backend deploy because rollbacks hurt #deploys');
    expect(response.status).toBe(200);
    await app.idle();
    const attempts = app.slack.callsOf('chat.postMessage');
    expect(attempts).toHaveLength(3);
    expect(
      app.responses(response.responseId).filter((r) => /could not be posted/.test(String(r.params.text))),
    ).toHaveLength(0);
    expect(await app.metricValue('decision_ledger_slack_api_rate_limited_total', { method: 'chat.postMessage' })).toBe(
      2,
    );
  });

  it('gives up on a failing Slack after a bounded number of tries, and tells the user the record is kept', async () => {
    app.slack.failNext('chat.postMessage', { status: 503, body: { ok: false, error: 'service_unavailable' } }, 20);
    const response = await app.command('We keep staging data for 30 days because of storage costs #data');
    await app.idle();
    expect(app.slack.callsOf('chat.postMessage')).toHaveLength(4);
    const told = app.responses(response.responseId).map((r) => String(r.params.text));
    expect(told.some((t) => /^Recorded D-\d+, but the card could not be posted/.test(t))).toBe(true);
    const found = await app.command('search staging data');
    expect(JSON.stringify(found.body.blocks)).toContain('We keep staging data for 30 days');
    expect(
      await app.metricValue('decision_ledger_slack_api_calls_total', {
        method: 'chat.postMessage',
        outcome: 'http_error',
      }),
    ).toBe(4);
  });
});
