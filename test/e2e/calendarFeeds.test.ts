import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/storage/insertDecisions.js';
import { FeedServer } from '../support/feedServer.js';
import { TEAM, TestApp } from '../support/testApp.js';
import { WAIT_MS } from '../support/patience.js';

// The fixture's Thursday sync (30 min × 3) and coffee chat (25 min × 2) fall in the 7 days before this.
const NOW = new Date('2026-04-03T00:00:00Z');

async function meetings(app: TestApp, channel: string) {
  return rowsOf<{ title: string; person_hours: number; source: string; occurred_at: string }>(
    await app.database.db.execute(
      sql`select title, person_hours, source, occurred_at::text from cost_events where workspace_id = ${TEAM} and channel_id = ${channel} order by occurred_at`,
    ),
  );
}

async function waitForResponse(app: TestApp, responseId: string) {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    const [response] = app.responses(responseId);
    if (response) return response.params;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no response_url answer');
}

describe('calendar feeds', () => {
  let app: TestApp;
  let feeds: FeedServer;
  beforeAll(async () => {
    feeds = await new FeedServer().start();
    app = await TestApp.start({
      now: () => NOW,
      // The schedule never fires during the test; runs are started with runNow().
      env: { CALENDAR_ALLOW_PRIVATE_HOSTS: 'true', CALENDAR_SYNC_CRON: '0 0 1 1 *', CALENDAR_FETCH_TIMEOUT_MS: '1000' },
    });
  });
  afterAll(async () => {
    await app.stop();
    await feeds.stop();
  });
  beforeEach(() => app.slack.reset());

  it("subscribes a channel, records the past week's meetings once, and says what it found", async () => {
    feeds.serveFixture('/alice.ics', 'google-alice.ics');
    const answer = await app.command(`calendar <${feeds.url('/alice.ics')}>`, { channel: 'C0TEAM' });
    expect(answer.status).toBe(200);
    const reply = (answer.body?.text ?? (await waitForResponse(app, answer.responseId)).text) as string;
    expect(reply).toContain('Subscribed this channel to the calendar at 127.0.0.1');
    expect(reply).toContain('2 meetings in the past 7 days: 2.3 person-hours, €233, ≈ 2.8 build-hours forgone');
    expect(reply).not.toContain('alice.ics'); // feed links carry private tokens: shown by host only

    const recorded = await meetings(app, 'C0TEAM');
    expect(recorded.map((m) => [m.title, m.person_hours])).toEqual([
      ['Weekly product sync', 1.5],
      ['Coffee chat', 50 / 60],
    ]);

    // The scheduled run reads the feed again and records nothing twice.
    await app.database.db.execute(
      sql`update calendar_subscriptions set last_synced_at = ${new Date(NOW.getTime() - 2 * 3_600_000).toISOString()}`,
    );
    await app.jobs.calendarSync.runNow();
    expect(await meetings(app, 'C0TEAM')).toHaveLength(2);
    expect(feeds.fetches.filter((f) => f === '/alice.ics')).toHaveLength(2);

    const list = await app.command('calendar', { channel: 'C0TEAM' });
    expect(list.body.text).toContain('127.0.0.1');
    expect(list.body.text).toContain('2 meetings recorded');
  });

  it('tells the channel once when a feed stops working, not on every run, and again only after it recovered', async () => {
    feeds.serveFixture('/team.ics', 'google-alice.ics');
    await app.command(`calendar ${feeds.url('/team.ics')}`, { channel: 'C0FLAKY' });
    const due = () =>
      app.database.db.execute(
        sql`update calendar_subscriptions set last_synced_at = ${new Date(NOW.getTime() - 2 * 3_600_000).toISOString()}`,
      );

    feeds.serve('/team.ics', { status: 500, body: 'oops' });
    await due();
    await app.jobs.calendarSync.runNow();
    await due();
    await app.jobs.calendarSync.runNow();
    const notices = app.slack.callsOf('chat.postMessage').filter((c) => c.params.channel === 'C0FLAKY');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.params.text).toContain('stopped working');
    // The same words whatever went wrong, no status: members must not learn what the server can reach.
    expect(notices[0]!.params.text).toContain("couldn't fetch a calendar from that link");
    expect(notices[0]!.params.text).not.toContain('500');

    feeds.serveFixture('/team.ics', 'google-alice.ics');
    await due();
    await app.jobs.calendarSync.runNow();
    feeds.serve('/team.ics', { status: 200, body: '<html>login</html>', contentType: 'text/html' });
    await due();
    await app.jobs.calendarSync.runNow();
    const after = app.slack.callsOf('chat.postMessage').filter((c) => c.params.channel === 'C0FLAKY');
    expect(after).toHaveLength(2);
    expect(after[1]!.params.text).toContain('does not return an ICS calendar');
  });

  it('fetches nothing from a name that resolves to a private address, and answers as for any failure', async () => {
    const publicOnly = await TestApp.start({
      now: () => NOW,
      env: { CALENDAR_SYNC_CRON: '0 0 1 1 *', CALENDAR_FETCH_TIMEOUT_MS: '1000' },
    });
    try {
      feeds.serveFixture('/inside.ics', 'google-alice.ics');
      const before = feeds.fetches.length;
      // This machine's own name: it resolves to loopback or a private address, never a public one.
      const url = feeds.url('/inside.ics').replace('127.0.0.1', hostname());
      const answer = await publicOnly.command(`calendar ${url}`, { channel: 'C0SSRF' });
      const reply = (answer.body?.text ?? (await waitForResponse(publicOnly, answer.responseId)).text) as string;
      expect(reply).toContain("couldn't fetch a calendar from that link");
      expect(reply).toContain('Nothing was stored');
      expect(feeds.fetches.length).toBe(before);
      // A literal loopback address is refused the same way.
      const literal = await publicOnly.command(`calendar ${feeds.url('/inside.ics')}`, { channel: 'C0SSRF' });
      expect((literal.body?.text ?? (await waitForResponse(publicOnly, literal.responseId)).text) as string).toContain(
        "couldn't fetch a calendar from that link",
      );
      expect(feeds.fetches.length).toBe(before);
    } finally {
      await publicOnly.stop();
    }
  });

  it.each([
    ['/missing.ics', undefined, /couldn't fetch a calendar from that link/],
    ['/broken.ics', 'truncated-download.ics', /damaged or cut off/],
    ['/page.html', 'html', /does not return an ICS calendar/],
  ])('refuses to subscribe to %s with the reason, storing nothing', async (path, fixture, reason) => {
    if (fixture === 'html')
      feeds.serve(path, { status: 200, body: '<!doctype html><p>hi</p>', contentType: 'text/html' });
    else if (fixture) feeds.serveFixture(path, fixture);
    const answer = await app.command(`calendar ${feeds.url(path)}`, { channel: 'C0BAD' });
    const reply = (answer.body?.text ?? (await waitForResponse(app, answer.responseId)).text) as string;
    expect(reply).toMatch(reason);
    expect(reply).toContain('Nothing was stored');
    const stored = rowsOf(
      await app.database.db.execute(sql`select 1 from calendar_subscriptions where channel_id = 'C0BAD'`),
    );
    expect(stored).toHaveLength(0);
    expect(await meetings(app, 'C0BAD')).toHaveLength(0);
  });

  it('removes a channel’s feeds with off', async () => {
    feeds.serveFixture('/gone.ics', 'google-alice.ics');
    await app.command(`calendar ${feeds.url('/gone.ics')}`, { channel: 'C0GONE' });
    expect((await app.command('calendar off', { channel: 'C0GONE' })).body.text).toContain('Removed 1 calendar feed');
    expect((await app.command('calendar', { channel: 'C0GONE' })).body.text).toContain('No calendar feeds');
  });
});
