import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../support/testApp.js';

/** GET /metrics faces the same internet as Slack's endpoint: only Prometheus, holding the token, reads it. */
describe('GET /metrics', () => {
  const TOKEN = 'metrics-token-0123456789abcdef';
  let guarded: TestApp;
  let unset: TestApp;
  beforeAll(async () => {
    [guarded, unset] = await Promise.all([TestApp.start({ env: { METRICS_TOKEN: TOKEN } }), TestApp.start()]);
  });
  afterAll(async () => {
    await Promise.all([guarded?.stop(), unset?.stop()]);
  });

  it('answers the bearer of METRICS_TOKEN in Prometheus format', async () => {
    await guarded.command('We count requests for Prometheus #ops');
    const res = await fetch(`${guarded.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(await res.text()).toContain('# TYPE');
  });

  it('refuses a request without the token, or with another', async () => {
    for (const authorization of [undefined, 'Bearer wrong', `Bearer ${TOKEN}x`, TOKEN]) {
      const res = await fetch(`${guarded.url}/metrics`, authorization ? { headers: { authorization } } : {});
      expect(res.status).toBe(401);
      expect(await res.text()).not.toContain('# TYPE');
    }
  });

  it('is not served at all when no token is configured', async () => {
    const res = await fetch(`${unset.url}/metrics`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('# TYPE');
  });
});
