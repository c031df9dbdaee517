import { createHmac, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/storage/insertDecisions.js';
import { githubExample } from '../support/githubExamples.js';
import { TEAM, TestApp } from '../support/testApp.js';

const SECRET = 'gh-webhook-secret-for-tests';
// Wednesday; the review below came on Monday of the same week.
const NOW = new Date('2026-11-18T12:00:00Z');

function sign(body: string, secret = SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

async function deliver(
  app: TestApp,
  event: string,
  payload: unknown,
  options: { deliveryId?: string; signature?: string | null } = {},
) {
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-github-event': event,
    'x-github-delivery': options.deliveryId ?? randomUUID(),
    'user-agent': 'GitHub-Hookshot/test',
  };
  if (options.signature !== null) headers['x-hub-signature-256'] = options.signature ?? sign(body);
  const response = await fetch(`${app.url}/github/webhook`, { method: 'POST', headers, body });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** GitHub's own example payloads, moved to our pull request, people and times. */
function pullRequest(action: 'opened' | 'review_requested', number: number, at: string) {
  const payload = githubExample('pull_request', action);
  payload.number = number;
  Object.assign(payload.pull_request, {
    number,
    draft: false,
    user: { ...payload.pull_request.user, login: 'alice', type: 'User' },
    updated_at: at,
  });
  if (action === 'opened') payload.pull_request.created_at = at;
  else payload.pull_request.created_at = '2026-11-13T15:00:00Z';
  return payload;
}

function review(number: number, reviewer: { login: string; type: string }, at: string) {
  const payload = githubExample('pull_request_review', 'submitted');
  Object.assign(payload.pull_request, {
    number,
    user: { ...payload.pull_request.user, login: 'alice', type: 'User' },
    created_at: '2026-11-13T15:00:00Z',
  });
  Object.assign(payload.review, { submitted_at: at, user: { ...payload.review.user, ...reviewer } });
  return payload;
}

async function waits(app: TestApp) {
  return rowsOf<{ title: string; wait_hours: number; money: number; channel_id: string }>(
    await app.database.db.execute(
      sql`select title, wait_hours, money, channel_id from cost_events where workspace_id = ${TEAM} and kind = 'review_wait' order by id`,
    ),
  );
}

describe('GitHub review waits over the webhook', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ now: () => NOW, env: { GITHUB_WEBHOOK_SECRET: SECRET } });
    const linked = await app.command('github Codertocat/Hello-World', { channel: 'C0ENG' });
    expect(linked.body.text).toContain('codertocat/hello-world');
    expect(linked.body.text).toContain('/github/webhook');
  });
  afterAll(async () => {
    await app.stop();
  });

  it('refuses deliveries with a wrong, missing or foreign signature and stores nothing', async () => {
    const payload = pullRequest('opened', 7, '2026-11-13T15:00:00Z');
    expect((await deliver(app, 'pull_request', payload, { signature: null })).status).toBe(401);
    expect(
      (await deliver(app, 'pull_request', payload, { signature: sign(JSON.stringify(payload), 'someone-else') }))
        .status,
    ).toBe(401);
    expect((await deliver(app, 'pull_request', payload, { signature: 'sha1=0123' })).status).toBe(401);
    const stored = rowsOf(
      await app.database.db.execute(
        sql`select 1 from github_deliveries union all select 1 from pull_request_timelines`,
      ),
    );
    expect(stored).toHaveLength(0);
  });

  it('counts a Friday-evening request answered on Monday morning as the working hours between them, once per delivery', async () => {
    expect((await deliver(app, 'pull_request', pullRequest('opened', 2, '2026-11-13T15:00:00Z'))).status).toBe(200);
    expect(
      (await deliver(app, 'pull_request', pullRequest('review_requested', 2, '2026-11-13T16:00:00Z'))).status,
    ).toBe(200);
    // A bot's review is not the first review anyone was waiting for.
    expect(
      (
        await deliver(
          app,
          'pull_request_review',
          review(2, { login: 'dependabot[bot]', type: 'Bot' }, '2026-11-13T16:30:00Z'),
        )
      ).status,
    ).toBe(200);
    expect(await waits(app)).toHaveLength(0);

    const deliveryId = randomUUID();
    const first = await deliver(
      app,
      'pull_request_review',
      review(2, { login: 'bob', type: 'User' }, '2026-11-16T10:00:00Z'),
      { deliveryId },
    );
    expect(first).toEqual({ status: 200, body: { ok: true, outcome: 'recorded' } });
    // Friday 16:00–17:00 and Monday 09:00–10:00 in the default working hours (UTC, Mon–Fri 09–17).
    expect(await waits(app)).toEqual([
      {
        title: 'Codertocat/Hello-World#2 Update the README with new information.',
        wait_hours: 2,
        money: 0,
        channel_id: 'C0ENG',
      },
    ]);

    const again = await deliver(
      app,
      'pull_request_review',
      review(2, { login: 'bob', type: 'User' }, '2026-11-16T10:00:00Z'),
      { deliveryId },
    );
    expect(again.body.outcome).toBe('duplicate');
    expect(await waits(app)).toHaveLength(1);

    // Merged on Tuesday at 13:00: the wait was 2 of the 14 working hours from opening to merge.
    const closed = githubExample('pull_request', 'closed');
    closed.number = 2;
    Object.assign(closed.pull_request, {
      number: 2,
      draft: false,
      user: { ...closed.pull_request.user, login: 'alice', type: 'User' },
      created_at: '2026-11-13T15:00:00Z',
      updated_at: '2026-11-17T13:00:00Z',
      closed_at: '2026-11-17T13:00:00Z',
      merged_at: '2026-11-17T13:00:00Z',
      merged: true,
    });
    expect((await deliver(app, 'pull_request', closed)).status).toBe(200);
    const [merged] = rowsOf<{ wait_hours: number; inputs: Record<string, unknown> }>(
      await app.database.db.execute(
        sql`select wait_hours, inputs from cost_events where workspace_id = ${TEAM} and kind = 'review_wait'`,
      ),
    );
    expect(merged!.wait_hours).toBe(2);
    expect(merged!.inputs).toMatchObject({ openToMergeHours: 14, shareOfOpenToMerge: 2 / 14 });

    const costs = await app.command('costs week', { channel: 'C0ENG' });
    const text = JSON.stringify(costs.body.blocks);
    expect(text).toContain(
      "*Review waits:* 1 pull request, 2 working hours waiting for a first review (2 h on average, 14% of the merged ones' open-to-merge time)",
    );
  });

  it('lists the repositories linked to a channel and unlinks one', async () => {
    await app.command('github octo/other', { channel: 'C0ENG' });
    expect((await app.command('github', { channel: 'C0ENG' })).body.text).toContain(
      '`codertocat/hello-world`, `octo/other`',
    );
    // Another channel can neither unlink it nor take it over.
    const elsewhere = await app.command('github off octo/other', { channel: 'C0SALES' });
    expect(elsewhere.body.text).toContain('counts for <#C0ENG>');
    expect((await app.command('github octo/other', { channel: 'C0SALES' })).body.text).toContain(
      'only that channel can move it',
    );
    expect((await app.command('github', { channel: 'C0ENG' })).body.text).toContain('octo/other');
    expect((await app.command('github off octo/other', { channel: 'C0ENG' })).body.text).toContain(
      'no longer counts here',
    );
    expect((await app.command('github off octo/other', { channel: 'C0ENG' })).body.text).toContain('was not linked');
  });

  it('answers a ping, ignores events it does not use, and rejects payloads that are not pull requests', async () => {
    expect((await deliver(app, 'ping', { zen: 'Keep it logically awesome.' })).status).toBe(200);
    const push = await deliver(app, 'push', githubExample('push'));
    expect(push.status).toBe(202);
    const broken = await deliver(app, 'pull_request', { action: 'opened', pull_request: { number: 'two' } });
    expect(broken.status).toBe(400);
  });
});

describe('a deployment without GITHUB_WEBHOOK_SECRET', () => {
  it('answers 404 on the webhook route and says so in /decide github', async () => {
    const app = await TestApp.start({ now: () => NOW });
    try {
      expect((await deliver(app, 'pull_request', pullRequest('opened', 3, '2026-11-13T15:00:00Z'))).status).toBe(404);
      expect((await app.command('github', { channel: 'C0ENG' })).body.text).toContain('GITHUB_WEBHOOK_SECRET');
    } finally {
      await app.stop();
    }
  });
});
