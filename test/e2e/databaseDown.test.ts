import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../support/testApp.js';

describe('when the database stops answering', () => {
  let app: TestApp;
  beforeAll(async () => {
    // The embedded database does not come back once closed: the watcher gives up after a short window.
    app = await TestApp.start({ env: { EVENT_RETRY_WINDOW_MS: '1500' } });
  });
  afterAll(async () => {
    await app.stop();
  });

  it('/readyz turns 503 while /healthz stays 200, and /decide says nothing was saved and gives the text back', async () => {
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
    await app.database.close();

    expect((await fetch(`${app.url}/readyz`)).status).toBe(503);
    // Liveness: an orchestrator must not restart every replica because the database is away.
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    const text = 'We keep the monolith for another year because the team is six people';
    const response = await app.command(text);
    expect(response.status).toBe(200);
    expect(response.body.text).toContain("I couldn't save that decision");
    expect(response.body.text).toContain(text);
    const list = await app.command('list');
    expect(list.body.text).toContain("couldn't read the decision log");
    expect(app.slack.callsOf('chat.postMessage')).toHaveLength(0);
  });

  it('answers message events 200 anyway, retries their work for a bounded time, then drops it with a metric', async () => {
    const delivery = await app.event({
      type: 'message',
      channel: 'C0PUBLIC',
      channel_type: 'channel',
      user: 'U0RAJ',
      text: 'should we move orders to mongo instead?',
      ts: '1700000100.000100',
    });
    expect(delivery.status).toBe(200);
    await app.idle();
    expect(
      await app.metricValue('decision_ledger_slack_events_dropped_total', { reason: 'database_unavailable' }),
    ).toBe(1);
    expect(await app.metricValue('decision_ledger_slack_events_retried_total')).toBeGreaterThan(0);
  });
});
