import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/storage/insertDecisions.js';
import type { Database } from '../../src/storage/database.js';
import { TestApp } from '../support/testApp.js';

describe('graceful shutdown', () => {
  let database: Database | undefined;
  afterAll(async () => {
    await database?.close();
  });

  it('finishes the work already acknowledged before it stops, and takes no new requests', async () => {
    const app = await TestApp.start();
    await app.command(
      'Orders stay on Postgres instead of MongoDB because refunds need multi-row transactions #orders',
      { channel: 'C0ORD' },
    );
    await app.slack.waitFor('chat.postMessage');
    app.slack.reset();
    // Slack is slow to take the warning: the work is still going when shutdown begins.
    app.slack.slow('chat.postMessage', 700);
    const ts = '1700500000.000100';
    const delivery = await app.event({
      type: 'message',
      channel: 'C0ORD',
      channel_type: 'channel',
      user: 'U0RAJ',
      text: 'honestly should we just move orders to mongo? the schema keeps changing',
      ts,
    });
    expect(delivery.status).toBe(200);
    await app.slack.waitFor('chat.postMessage');

    const url = app.url;
    database = await app.stopKeepingDatabase();
    // The warning was posted and its ts stored before the app let go of the database.
    const [judgement] = rowsOf<{ warning_ts: string | null }>(
      await database.db.execute(
        sql`select warning_ts from relitigation_judgements where message_ts = ${ts} and outcome = 'warned'`,
      ),
    );
    expect(judgement?.warning_ts).toBeTruthy();
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});
