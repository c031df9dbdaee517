import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/storage/database.js';
import { createServerDatabase, type ServerDatabase } from '../../src/storage/scratchDatabase.js';
import { TcpProxy } from '../support/tcpProxy.js';
import { TestApp } from '../support/testApp.js';
import { WAIT_MS } from '../support/patience.js';

/**
 * PostgreSQL goes away mid-traffic and comes back (CI's second pass, against the real server; a
 * loopback proxy cuts and refuses connections as a restart does, without disturbing the other test
 * files' databases on that server). Slack keeps getting 200s, users are told what was not saved
 * with their text back, acknowledged events are worked off once the database is back, and the app
 * recovers by itself.
 */
const SERVER = process.env.TEST_DATABASE_URL;

let tsCounter = 1_700_300_000;
const nextTs = () => `${tsCounter++}.000300`;

function message(text: string, options: { threadTs?: string } = {}) {
  const ts = nextTs();
  return {
    type: 'message',
    channel: 'C0ORD',
    channel_type: 'channel',
    user: 'U0RAJ',
    text,
    ts,
    event_ts: ts,
    ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
  };
}

describe.skipIf(!SERVER)('when PostgreSQL restarts mid-traffic', () => {
  let scratch: ServerDatabase;
  let proxy: TcpProxy;
  let database: Database;
  let app: TestApp;

  beforeAll(async () => {
    scratch = await createServerDatabase(SERVER!, 'dl_fault');
    const proxied = await TcpProxy.inFrontOf(scratch.url);
    proxy = proxied.proxy;
    database = await openDatabase({ kind: 'postgres', url: proxied.url });
    await database.migrate();
    app = await TestApp.start({ database, env: { EVENT_RETRY_WINDOW_MS: '30000' } });
    await app.command(
      'Orders stay on Postgres instead of MongoDB because refunds need multi-row transactions #orders',
      { channel: 'C0ORD' },
    );
    await app.slack.waitFor('chat.postMessage');
    app.slack.reset();
  });
  afterAll(async () => {
    await app?.stop();
    await database?.close();
    await proxy?.stop();
    await scratch?.drop();
  });

  it('answers Slack throughout, tells users what was not saved, works off acknowledged events and recovers', async () => {
    // Background chatter the whole time: every delivery must get its 200 within Slack's 3 s.
    const statuses: number[] = [];
    let chatting = true;
    const chatter = (async () => {
      let root: string | undefined;
      while (chatting) {
        const event = message(root ? 'sounds good, on it' : 'deploying billing v2.3 to staging now', {
          threadTs: root,
        });
        root = root ? undefined : event.ts;
        const started = Date.now();
        const delivery = await app.event(event);
        statuses.push(Date.now() - started < 3000 ? delivery.status : 0);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();

    await new Promise((resolve) => setTimeout(resolve, 200));
    await proxy.down();

    // During the outage: readiness fails, liveness does not, a command gets its text back…
    expect((await fetch(`${app.url}/readyz`)).status).toBe(503);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    const text = 'We keep the monolith for another year because the team is six people';
    const refused = await app.command(text, { channel: 'C0ORD' });
    expect(refused.status).toBe(200);
    expect(refused.body.text).toContain("I couldn't save that decision");
    expect(refused.body.text).toContain(text);

    // …and a reopening message is acknowledged, its judging waiting for the database.
    const reopening = message('honestly should we just move orders to mongo? the schema keeps changing');
    expect((await app.event(reopening)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(app.slack.callsOf('chat.postMessage')).toHaveLength(0);

    await proxy.up();
    // Recovered by itself: the acknowledged reopening gets its warning, in its thread, once.
    const warnings = await app.slack.waitFor('chat.postMessage', 1, WAIT_MS);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.params.thread_ts).toBe(reopening.ts);
    expect(String(warnings[0]!.params.text)).toMatch(/^This reopens D-1/);

    chatting = false;
    await chatter;
    await app.idle();
    expect(statuses.length).toBeGreaterThan(10);
    expect(statuses.every((s) => s === 200)).toBe(true);

    // Ready again, and writes work again without a restart.
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
    const recorded = await app.command('We move search to OpenSearch because Solr upgrades stalled #search', {
      channel: 'C0SEARCH',
    });
    expect(recorded.status).toBe(200);
    await app.slack.waitFor('chat.postMessage', 2);
    expect(await app.metricValue('decision_ledger_slack_events_dropped_total')).toBe(0);
  });
});
