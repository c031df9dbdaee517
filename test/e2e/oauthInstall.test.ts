import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/storage/insertDecisions.js';
import { TestApp } from '../support/testApp.js';

/**
 * Many workspaces on one deployment: an admin installs through Bolt's OAuth flow (the consent
 * screen is Slack's; oauth.v2.access is the loopback fake), the installation is stored encrypted,
 * and the app then serves that workspace with its own token. Uninstalling deletes the tokens.
 */

const CLIENT_ID = '1000.2000';
const ENCRYPTION_KEY = randomBytes(32).toString('base64');

interface Grant {
  team: { id: string; name: string } | null;
  enterprise?: { id: string; name: string } | null;
  orgWide?: boolean;
  token: string;
  botUserId: string;
  refresh?: { token: string; expiresIn: number };
}

describe('OAuth installs', () => {
  let app: TestApp;
  /** What oauth.v2.access answers next, by authorization code. */
  const grants = new Map<string, Grant>();
  let refreshed = 0;

  beforeAll(async () => {
    app = await TestApp.start({
      env: {
        SLACK_BOT_TOKEN: '',
        SLACK_CLIENT_ID: CLIENT_ID,
        SLACK_CLIENT_SECRET: 'client-secret-for-tests',
        SLACK_STATE_SECRET: 'state-secret-for-tests-0123456789',
        ENCRYPTION_KEY,
      },
    });
    app.slack.on('oauth.v2.access', (params) => {
      if (params.grant_type === 'refresh_token') {
        refreshed += 1;
        return {
          ok: true,
          token_type: 'bot',
          access_token: `xoxe.xoxb-rotated-${refreshed}`,
          refresh_token: `xoxe-1-refresh-${refreshed}`,
          expires_in: 43_200,
        };
      }
      const grant = grants.get(params.code);
      if (!grant || params.client_id !== CLIENT_ID) return { ok: false, error: 'invalid_code' };
      return {
        ok: true,
        app_id: 'A0APP',
        authed_user: { id: 'U0ADMIN' },
        scope: 'commands,chat:write,channels:read,groups:read,channels:history,groups:history,files:write,users:read',
        token_type: 'bot',
        access_token: grant.token,
        bot_user_id: grant.botUserId,
        team: grant.team,
        enterprise: grant.enterprise ?? null,
        is_enterprise_install: Boolean(grant.orgWide),
        ...(grant.refresh ? { refresh_token: grant.refresh.token, expires_in: grant.refresh.expiresIn } : {}),
      };
    });
    app.slack.on('auth.test', () => ({
      ok: true,
      url: 'https://beta.slack.com/',
      team: 'Beta',
      user: 'decision-ledger',
      team_id: 'T0BETA',
      user_id: 'UBOT2',
      bot_id: 'BBOT2',
    }));
  });
  afterAll(async () => {
    await app.stop();
  });

  /** The browser's part of the flow: the install page, Slack's consent (skipped), the redirect back. */
  async function install(code: string, grant: Grant): Promise<Response> {
    grants.set(code, grant);
    const page = await fetch(`${app.url}/slack/install`);
    expect(page.status).toBe(200);
    const cookie = page.headers.get('set-cookie')!.split(';')[0]!;
    const state = /state=([^&"]+)/.exec(await page.text())![1]!;
    return fetch(`${app.url}/slack/oauth_redirect?code=${code}&state=${state}`, { headers: { cookie } });
  }

  async function storedRows(): Promise<Record<string, unknown>[]> {
    return rowsOf(await app.database.db.execute(sql`select * from slack_installations order by workspace_id`));
  }

  it('serves an install page asking for the manifest’s scopes, with a signed state', async () => {
    const page = await fetch(`${app.url}/slack/install`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain(`client_id=${CLIENT_ID}`);
    expect(decodeURIComponent(html)).toContain('scope=commands,chat:write');
    expect(page.headers.get('set-cookie')).toMatch(/slack-app-oauth-state=/);
  });

  it('stores an installation with its token encrypted, then serves that workspace with it', async () => {
    const done = await install('code-beta', {
      team: { id: 'T0BETA', name: 'Beta' },
      token: 'xoxb-beta-installed',
      botUserId: 'UBOT2',
    });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('installed in Beta');

    const rows = await storedRows();
    expect(rows.map((r) => r.workspace_id)).toEqual(['T0BETA']);
    expect(JSON.stringify(rows)).not.toContain('xoxb-beta-installed');

    const recorded = await app.command('We ship the beta on Thursdays because support is staffed then', {
      team: 'T0BETA',
      channel: 'C0BETA',
    });
    expect(recorded.status).toBe(200);
    const posts = await app.slack.waitFor('chat.postMessage');
    expect(posts.at(-1)!.token).toBe('xoxb-beta-installed');
  });

  it('refuses a callback whose state was not issued by this app, storing nothing', async () => {
    grants.set('code-forged', { team: { id: 'T0EVIL', name: 'Evil' }, token: 'xoxb-evil', botUserId: 'UEVIL' });
    const forged = await fetch(`${app.url}/slack/oauth_redirect?code=code-forged&state=made-up`);
    expect(forged.status).toBeGreaterThanOrEqual(400);
    expect((await storedRows()).map((r) => r.workspace_id)).not.toContain('T0EVIL');
  });

  it('takes an install state once: a replayed redirect stores nothing', async () => {
    grants.set('code-gamma', { team: { id: 'T0GAMMA', name: 'Gamma' }, token: 'xoxb-gamma', botUserId: 'UBOT3' });
    const page = await fetch(`${app.url}/slack/install`);
    const cookie = page.headers.get('set-cookie')!.split(';')[0]!;
    const state = /state=([^&"]+)/.exec(await page.text())![1]!;
    const first = await fetch(`${app.url}/slack/oauth_redirect?code=code-gamma&state=${state}`, {
      headers: { cookie },
    });
    expect(first.status).toBe(200);
    await app.database.db.execute(sql`delete from slack_installations where workspace_id = 'T0GAMMA'`);
    grants.set('code-replay', { team: { id: 'T0GAMMA', name: 'Gamma' }, token: 'xoxb-attacker', botUserId: 'UBOT3' });
    const replay = await fetch(`${app.url}/slack/oauth_redirect?code=code-replay&state=${state}`, {
      headers: { cookie },
    });
    expect(replay.status).toBeGreaterThanOrEqual(400);
    expect((await storedRows()).map((r) => r.workspace_id)).not.toContain('T0GAMMA');
  });

  it('keys an org-wide Enterprise Grid install by its enterprise id and serves its workspaces', async () => {
    const done = await install('code-grid', {
      team: null,
      enterprise: { id: 'E0GRID', name: 'Grid Org' },
      orgWide: true,
      token: 'xoxb-grid-org',
      botUserId: 'UBOTG',
    });
    expect(done.status).toBe(200);
    expect((await storedRows()).map((r) => r.workspace_id)).toContain('E0GRID');

    app.slack.reset();
    const recorded = await app.command('Every Grid workspace uses the shared on-call rota because pages got lost', {
      team: 'T0GRIDA',
      enterprise: 'E0GRID',
      orgWide: true,
      channel: 'C0GRID',
    });
    expect(recorded.status).toBe(200);
    const posts = await app.slack.waitFor('chat.postMessage');
    expect(posts.at(-1)!.token).toBe('xoxb-grid-org');
  });

  it('reaches an installed workspace from scheduled jobs with its own token (here: a revisit reminder)', async () => {
    await app.database.db.execute(
      sql`update decisions set revisit_on = '2026-01-01' where workspace_id in ('T0BETA', 'E0GRID')`,
    );
    app.slack.reset();
    await app.jobs.digests.remindNow();
    const reminders = app.slack
      .callsOf('chat.postMessage')
      .filter((c) => String(c.params.text).includes('is due for revisit'));
    expect(reminders.map((c) => c.token).sort()).toEqual(['xoxb-beta-installed', 'xoxb-grid-org']);
  });

  it('refreshes a rotating token that is about to expire and stores the new one', async () => {
    const done = await install('code-rotating', {
      team: { id: 'T0ROT', name: 'Rotating' },
      token: 'xoxe.xoxb-first',
      botUserId: 'UBOTR',
      // Within Bolt's 2-hour window: the next request refreshes it.
      refresh: { token: 'xoxe-1-refresh-0', expiresIn: 3600 },
    });
    expect(done.status).toBe(200);
    app.slack.reset();

    await app.command('Rotating tokens stay on because security asked for them', { team: 'T0ROT', channel: 'C0ROT' });
    const posts = await app.slack.waitFor('chat.postMessage');
    expect(app.slack.callsOf('oauth.v2.access').map((c) => c.params.grant_type)).toEqual(['refresh_token']);
    expect(posts.at(-1)!.token).toBe('xoxe.xoxb-rotated-1');

    // The new token was stored: the next request uses it without refreshing again.
    app.slack.reset();
    await app.command('list', { team: 'T0ROT', channel: 'C0ROT' });
    await app.command('Second decision under the rotated token because it works', { team: 'T0ROT', channel: 'C0ROT' });
    const again = await app.slack.waitFor('chat.postMessage');
    expect(app.slack.callsOf('oauth.v2.access')).toHaveLength(0);
    expect(again.at(-1)!.token).toBe('xoxe.xoxb-rotated-1');
  });

  it('deletes a workspace’s tokens when the app is uninstalled, and stops serving it', async () => {
    const uninstalled = await app.event({ type: 'app_uninstalled' }, { team: 'T0BETA' });
    expect(uninstalled.status).toBe(200);
    await app.idle();
    expect((await storedRows()).map((r) => r.workspace_id)).not.toContain('T0BETA');

    app.slack.reset();
    const refusedBefore = await app.metricValue('decision_ledger_slack_authorization_failures_total', {
      reason: 'not_installed',
    });
    const after = await app.command('This should not be recorded because the app is gone', {
      team: 'T0BETA',
      channel: 'C0BETA',
    });
    expect(after.status).toBe(200);
    await app.idle();
    expect(app.slack.callsOf('chat.postMessage')).toHaveLength(0);
    // Bolt answers and runs nothing; operators see it counted.
    expect(
      await app.metricValue('decision_ledger_slack_authorization_failures_total', { reason: 'not_installed' }),
    ).toBe(refusedBefore + 1);
    // Another workspace is untouched.
    expect((await storedRows()).map((r) => r.workspace_id)).toContain('E0GRID');
  });

  it('deletes the bot token when tokens_revoked names it', async () => {
    const revoked = await app.event({ type: 'tokens_revoked', tokens: { bot: ['UBOTR'] } }, { team: 'T0ROT' });
    expect(revoked.status).toBe(200);
    await app.idle();
    expect((await storedRows()).map((r) => r.workspace_id)).not.toContain('T0ROT');
  });
});
