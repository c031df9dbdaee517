import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { LogLevel, WebClient } from '@slack/web-api';
import type { Counter } from 'prom-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMetrics, type Metrics } from '../../src/metrics/metrics.js';
import { observedFetch, slackMethodName } from '../../src/metrics/observeSlackApi.js';
import { FakeSlack } from '../support/fakeSlack.js';

/** A WebClient like the app's, minus retries, so each call is one HTTP attempt. */
function observedClient(metrics: Metrics, apiUrl: string): WebClient {
  return new WebClient('xoxb-test', {
    slackApiUrl: apiUrl,
    timeout: 2000,
    retryConfig: { retries: 0 },
    logLevel: LogLevel.ERROR,
    fetch: observedFetch(metrics),
  });
}

async function countOf(counter: Counter<string>, labels: Record<string, string>): Promise<number> {
  const { values } = await counter.get();
  return values.find((v) => Object.entries(labels).every(([name, value]) => v.labels[name] === value))?.value ?? 0;
}

/** A loopback port nothing listens on, for a refused connection. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('observed Slack Web API calls', () => {
  const slack = new FakeSlack();
  let metrics: Metrics;
  let client: WebClient;
  beforeAll(async () => {
    await slack.start();
  });
  afterAll(async () => {
    await slack.stop();
  });
  beforeEach(() => {
    slack.reset();
    metrics = createMetrics();
    client = observedClient(metrics, slack.apiUrl);
  });

  it('counts an ok answer by method, and the WebClient still reads the whole body', async () => {
    const result = await client.chat.postMessage({ channel: 'C0A', text: 'hello' });

    expect(result.ok).toBe(true);
    expect(result.channel).toBe('C0A');
    expect(await countOf(metrics.slackApiCalls, { method: 'chat.postMessage', outcome: 'ok' })).toBe(1);
    expect((await metrics.slackApiErrors.get()).values).toEqual([]);
  });

  it('counts ok: false as an error under Slack’s error string', async () => {
    slack.failNext('conversations.join', { body: { ok: false, error: 'not_in_channel' } });

    await expect(client.conversations.join({ channel: 'C0A' })).rejects.toMatchObject({
      data: { error: 'not_in_channel' },
    });

    expect(await countOf(metrics.slackApiCalls, { method: 'conversations.join', outcome: 'error' })).toBe(1);
    expect(await countOf(metrics.slackApiErrors, { method: 'conversations.join', error: 'not_in_channel' })).toBe(1);
  });

  it('counts a 429 as rate limited', async () => {
    slack.failNext('conversations.history', { status: 429, headers: { 'retry-after': '0' } });

    await expect(client.conversations.history({ channel: 'C0A' })).rejects.toThrow(/rate limit/);

    expect(await countOf(metrics.slackApiCalls, { method: 'conversations.history', outcome: 'rate_limited' })).toBe(1);
    expect(await countOf(metrics.slackApiRateLimited, { method: 'conversations.history' })).toBe(1);
  });

  it('counts a 500 as an HTTP error', async () => {
    slack.failNext('users.info', { status: 500 });

    await expect(client.users.info({ user: 'U0ANA' })).rejects.toMatchObject({
      code: 'slack_webapi_http_error',
      statusCode: 500,
    });

    expect(await countOf(metrics.slackApiCalls, { method: 'users.info', outcome: 'http_error' })).toBe(1);
  });

  it('counts a refused connection as a network error and lets the WebClient report it', async () => {
    const offline = observedClient(metrics, `http://127.0.0.1:${await closedPort()}/api/`);

    await expect(offline.auth.test()).rejects.toMatchObject({ code: 'slack_webapi_request_error' });

    expect(await countOf(metrics.slackApiCalls, { method: 'auth.test', outcome: 'network_error' })).toBe(1);
  });

  it('counts a file upload’s plain-text answer as ok, under `other` for its opaque URL', async () => {
    await client.files.uploadV2({ channel_id: 'C0A', file: Buffer.from('a decision log'), filename: 'log.txt' });

    expect(await countOf(metrics.slackApiCalls, { method: 'files.getUploadURLExternal', outcome: 'ok' })).toBe(1);
    expect(await countOf(metrics.slackApiCalls, { method: 'other', outcome: 'ok' })).toBe(1);
    expect(await countOf(metrics.slackApiCalls, { method: 'files.completeUploadExternal', outcome: 'ok' })).toBe(1);
  });

  it('labels only dotted method names, so a stray URL cannot grow the label set', () => {
    expect(slackMethodName('https://slack.com/api/chat.postMessage')).toBe('chat.postMessage');
    expect(slackMethodName(new URL('https://slack.com/api/oauth.v2.access'))).toBe('oauth.v2.access');
    expect(slackMethodName('https://files.slack.com/upload/v1/CwABAAAAXApW')).toBe('other');
    expect(slackMethodName('https://slack.com/api/chat.postMessage%00x')).toBe('other');
    expect(slackMethodName('not a url')).toBe('other');
  });
});
