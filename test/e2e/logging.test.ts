import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNING_SECRET, TestApp } from '../support/testApp.js';

/**
 * The logs an operator ships to a log store are structured JSON and hold ids and codes, never a
 * token, a secret or what people wrote — at the production level (info), through an OAuth install,
 * commands, messages, button clicks, a Slack failure and a database outage.
 */
const ENCRYPTION_KEY = randomBytes(32).toString('base64');
const CLIENT_SECRET = 'client-secret-never-logged-4d1f';
const STATE_SECRET = 'state-secret-never-logged-9a7c-0123456789';
const BOT_TOKEN = 'xoxb-installed-never-logged-77aa';
const SECRET_WORDS = ['Zanzibar', 'quokka', 'marmalade-migration'];

describe('logs', () => {
  const lines: string[] = [];
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({
      logs: { level: 'info', lines },
      env: {
        SLACK_BOT_TOKEN: '',
        SLACK_CLIENT_ID: '1000.2000',
        SLACK_CLIENT_SECRET: CLIENT_SECRET,
        SLACK_STATE_SECRET: STATE_SECRET,
        ENCRYPTION_KEY,
        EVENT_RETRY_WINDOW_MS: '600',
      },
    });
    app.slack.on('oauth.v2.access', () => ({
      ok: true,
      app_id: 'A0APP',
      authed_user: { id: 'U0ADMIN', access_token: 'xoxp-user-never-logged-1234' },
      scope: 'commands,chat:write',
      token_type: 'bot',
      access_token: BOT_TOKEN,
      bot_user_id: 'UBOT',
      team: { id: 'T0001', name: 'Acme' },
      enterprise: null,
      is_enterprise_install: false,
    }));
  });
  afterAll(async () => {
    await app.stop();
  });

  it('are JSON lines with no token, secret or message text, through install, use and failures', async () => {
    const page = await fetch(`${app.url}/slack/install`);
    const cookie = page.headers.get('set-cookie')!.split(';')[0]!;
    const state = /state=([^&"]+)/.exec(await page.text())![1]!;
    expect(
      (await fetch(`${app.url}/slack/oauth_redirect?code=c1&state=${state}`, { headers: { cookie } })).status,
    ).toBe(200);

    await app.command(
      `Orders stay on Postgres instead of MongoDB because ${SECRET_WORDS[0]} refunds need transactions #orders`,
      { channel: 'C0ORD' },
    );
    await app.slack.waitFor('chat.postMessage');
    app.slack.failNext('chat.postMessage', { status: 500 });
    await app.command(`We adopt ${SECRET_WORDS[1]} reviews because pairing works #flow`, { channel: 'C0ORD' });
    await app.event({
      type: 'message',
      channel: 'C0ORD',
      channel_type: 'channel',
      user: 'U0RAJ',
      text: `honestly should we just move orders to mongo? ${SECRET_WORDS[2]}`,
      ts: '1700600000.000100',
    });
    await app.idle();
    // A forged request and a broken body are logged as such, without their content.
    await fetch(`${app.url}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-slack-signature': 'v0=forged',
        'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)),
      },
      body: `{"text":"${SECRET_WORDS[0]}"}`,
    });
    // The database goes away: failures are logged with codes, not with the failed statements' parameters.
    await app.database.close();
    await app.command(`We keep ${SECRET_WORDS[1]} forever because reasons`, { channel: 'C0ORD' });
    await app.event({
      type: 'message',
      channel: 'C0ORD',
      channel_type: 'channel',
      user: 'U0RAJ',
      text: `should we revisit ${SECRET_WORDS[2]}?`,
      ts: '1700600001.000100',
    });
    await app.idle();

    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    const all = lines.join('\n');
    for (const secret of [
      BOT_TOKEN,
      'xoxp-user-never-logged',
      CLIENT_SECRET,
      STATE_SECRET,
      ENCRYPTION_KEY,
      SIGNING_SECRET,
      ...SECRET_WORDS,
    ]) {
      expect(all, `logs contain ${secret}`).not.toContain(secret);
    }
    // Not vacuous: the install, the Slack failure and the outage were logged.
    expect(all).toContain('Decision Ledger was installed');
    expect(lines.some((l) => JSON.parse(l).level >= 40)).toBe(true);
  });
});
