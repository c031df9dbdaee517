import { importAdrs } from '../../src/app/adr/importAdrs.js';
import { createAdrRepository } from '../../src/storage/adrRepository.js';
import { createRelitigationIndex } from '../../src/storage/relitigationIndex.js';
import { detector } from '../support/detector.js';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/storage/database.js';
import { digestPeriodOf, parseDigestArguments } from '../../src/domain/digest/schedule.js';
import { rowsOf } from '../../src/storage/insertDecisions.js';
import { blockKitViolations } from '../support/blockKitLimits.js';
import { FakeOpenAi } from '../support/fakeOpenAi.js';
import { TEAM, TestApp } from '../support/testApp.js';
import { createTestDatabase, createTestDatabaseUrl } from '../support/testDatabase.js';

const at = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);
/**
 * The next Friday 16:00 UTC from the real clock: decisions get their creation time from the
 * database's clock, so the week the digest covers must be the real current one. The app's clock is
 * pinned from a minute into that week (BEFORE) to moments around the run.
 */
function nextFriday1600(now: Date): Date {
  const run = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 16));
  while (run.getUTCDay() !== 5 || run <= now) run.setUTCDate(run.getUTCDate() + 1);
  return run;
}
const RUN = nextFriday1600(new Date());
const BEFORE = at(RUN, -7 * 24 * 60 + 1);

/** Several app instances on one database: on PostgreSQL each with its own connection pool, as replicas are. */
async function sharedDatabases(count: number): Promise<{ databases: Database[]; close(): Promise<void> }> {
  const server = await createTestDatabaseUrl();
  if (!server.url) {
    const database = await createTestDatabase();
    return { databases: Array.from({ length: count }, () => database), close: () => database.close() };
  }
  const databases = await Promise.all(
    Array.from({ length: count }, () => openDatabase({ kind: 'postgres', url: server.url! })),
  );
  await databases[0]!.migrate();
  return {
    databases,
    async close() {
      await Promise.all(databases.map((d) => d.close()));
      await server.drop();
    },
  };
}

const ORDERS_DECISION = 'Orders stay on Postgres instead of MongoDB because refunds need transactions #orders';

/** The usual start: a decision on record in #team, and a weekly digest there at the run's time. */
async function decisionAndWeeklyDigest(app: TestApp): Promise<void> {
  await app.command(ORDERS_DECISION, { channel: 'C0TEAM' });
  await app.command('digest weekly fri 16:00 UTC', { channel: 'C0TEAM' });
}

/** An app's configuration for an LLM endpoint (the fake's), with a short budget. */
const llmEnv = (openai: FakeOpenAi) => ({
  OPENAI_API_KEY: 'sk-test',
  OPENAI_BASE_URL: openai.baseUrl,
  OPENAI_TIMEOUT_MS: '300',
});

const digestPosts = (app: TestApp, channel = 'C0TEAM') =>
  app.slack
    .callsOf('chat.postMessage')
    .filter((c) => c.params.channel === channel && JSON.stringify(c.params.blocks ?? []).includes('Reflection'));

/** A command's answer, text and blocks: in the ack, or through response_url when the database was slow. */
async function answerOf(app: TestApp, answer: Awaited<ReturnType<TestApp['command']>>): Promise<string> {
  const asText = (message: any) => `${message?.text ?? ''}\n${JSON.stringify(message?.blocks ?? [])}`;
  if (!answer.body?.text?.includes('I will answer here in a moment')) return asText(answer.body);
  for (let waited = 0; waited < 60_000; waited += 50) {
    const [late] = app.responses(answer.responseId);
    if (late) return asText(late.params);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no answer through response_url');
}

describe('Reflection digests', () => {
  const apps: TestApp[] = [];
  let closeDatabases: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.stop()));
    await closeDatabases?.();
    closeDatabases = null;
  });
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
  });

  async function replicas(count: number, clock: { now: Date }) {
    const shared = await sharedDatabases(count);
    closeDatabases = shared.close;
    for (const database of shared.databases) apps.push(await TestApp.start({ database, now: () => clock.now }));
    return { apps: [...apps], databases: shared.databases };
  }

  it('three replicas with the same schedule post exactly one digest per channel and period, with its chart', async () => {
    const clock = { now: BEFORE };
    const {
      apps: [a, b, c],
      databases,
    } = await replicas(3, clock);
    await a!.command(ORDERS_DECISION, {
      channel: 'C0TEAM',
    });
    await a!.command('meeting 45m 8 architecture sync', { channel: 'C0TEAM' });
    const set = await a!.command('digest weekly fri 16:00 UTC', { channel: 'C0TEAM' });
    expect(set.body.text).toContain('every Friday at 16:00 (UTC)');

    clock.now = at(RUN, 0.5);
    await Promise.all([a!, b!, c!].map((app) => app.jobs.digests.runNow()));
    await Promise.all([a!, b!, c!].map((app) => app.jobs.digests.runNow()));
    const posts = [a!, b!, c!].flatMap((app) => digestPosts(app));
    expect(posts).toHaveLength(1);
    const [post] = posts;
    const text = JSON.stringify(post!.params.blocks);
    expect(text).toContain('D-1');
    expect(text).toContain('Orders stay on Postgres');
    expect(text).toContain('Meetings');
    expect(blockKitViolations(post!.params.blocks, 'message')).toEqual([]);

    const runs = rowsOf<{ status: string; posted_ts: string | null }>(
      await databases[0]!.db.execute(
        sql`select status, posted_ts from digest_runs where workspace_id = ${TEAM} and channel_id = 'C0TEAM'`,
      ),
    );
    expect(runs).toHaveLength(1);
    expect(runs[0]!.status).toBe('posted');

    // The chart went into the digest's thread as a PNG, through Slack's external upload flow.
    const poster = [a!, b!, c!].find((app) => digestPosts(app).length === 1)!;
    const [complete] = await poster.slack.waitFor('files.completeUploadExternal');
    expect(complete!.params.channel_id).toBe('C0TEAM');
    const files =
      typeof complete!.params.files === 'string' ? JSON.parse(complete!.params.files) : complete!.params.files;
    const fileId = files[0].id;
    expect(poster.slack.uploadedBytes(fileId)!.subarray(0, 4).toString('latin1')).toBe('\x89PNG');
  });

  it('gives up its claim when the digest cannot be composed, so the next tick posts it', async () => {
    const clock = { now: BEFORE };
    const {
      apps: [app],
      databases,
    } = await replicas(1, clock);
    await decisionAndWeeklyDigest(app!);
    clock.now = at(RUN, 0.5);
    // The period's cost sums cannot be read.
    await databases[0]!.db.execute(sql`alter table cost_daily rename to cost_daily_away`);
    try {
      await app!.jobs.digests.runNow();
    } finally {
      await databases[0]!.db.execute(sql`alter table cost_daily_away rename to cost_daily`);
    }
    expect(digestPosts(app!)).toHaveLength(0);
    expect(
      rowsOf(await databases[0]!.db.execute(sql`select 1 from digest_runs where workspace_id = ${TEAM}`)),
    ).toHaveLength(0);

    clock.now = at(RUN, 1.5);
    await app!.jobs.digests.runNow();
    expect(digestPosts(app!)).toHaveLength(1);
  });

  it('takes over a digest whose replica stopped mid-run once its claim is abandoned, and posts it once', async () => {
    const clock = { now: BEFORE };
    const {
      apps: [app],
      databases,
    } = await replicas(1, clock);
    await decisionAndWeeklyDigest(app!);
    clock.now = at(RUN, 0.5);
    // The claim a replica leaves when it is stopped (a deploy, a crash) between claiming and posting.
    const weekly = parseDigestArguments('weekly fri 16:00 UTC');
    if (weekly.kind !== 'set') throw new Error('the schedule should parse');
    const periodKey = digestPeriodOf(weekly.schedule, RUN, 'UTC').key;
    const claimLeftBehind = (minutesAgo: number) =>
      databases[0]!.db.execute(sql`insert into digest_runs (workspace_id, channel_id, period_key, status, instance, claimed_at)
        values (${TEAM}, 'C0TEAM', ${periodKey}, 'claimed', 'replica-gone', now() - ${minutesAgo}::float8 * interval '1 minute')
        on conflict (workspace_id, channel_id, period_key) do update set claimed_at = excluded.claimed_at`);

    await claimLeftBehind(10);
    await app!.jobs.digests.runNow();
    expect(digestPosts(app!)).toHaveLength(0);

    await claimLeftBehind(16);
    // The next tick, a minute later: a schedule held by another replica is looked at once per tick.
    clock.now = at(RUN, 1.5);
    await app!.jobs.digests.runNow();
    await app!.jobs.digests.runNow();
    expect(digestPosts(app!)).toHaveLength(1);
    expect(JSON.stringify(digestPosts(app!)[0]!.params.blocks)).toContain('Orders stay on Postgres');
    const runs = rowsOf<{ status: string; instance: string }>(
      await databases[0]!.db.execute(
        sql`select status, instance from digest_runs where workspace_id = ${TEAM} and channel_id = 'C0TEAM'`,
      ),
    );
    expect(runs).toHaveLength(1);
    expect(runs[0]!.status).toBe('posted');
    expect(runs[0]!.instance).not.toBe('replica-gone');
  });

  it('posts a digest missed while every replica was down once when one comes back within a day, and not after', async () => {
    const clock = { now: BEFORE };
    const {
      apps: [first],
      databases,
    } = await replicas(1, clock);
    await first!.command('digest weekly fri 16:00 UTC', { channel: 'C0TEAM' });
    await first!.command('digest daily 09:00 UTC', { channel: 'C0LATE' });
    await first!.command('digest weekly thu 16:00 UTC', { channel: 'C0OLD' });
    await first!.stopKeepingDatabase();
    apps.splice(0);

    clock.now = at(RUN, 180); // three hours after the weekly run; the daily one of 09:00 is 10 hours old
    const back = await TestApp.start({ database: databases[0]!, now: () => clock.now });
    apps.push(back);
    await back.jobs.digests.runNow();
    await back.jobs.digests.runNow();
    expect(digestPosts(back)).toHaveLength(1);
    expect(digestPosts(back, 'C0LATE')).toHaveLength(1);
    // Thursday's run is 27 hours old: left alone, the next one comes as scheduled.
    expect(digestPosts(back, 'C0OLD')).toHaveLength(0);
  });

  it('rides out a rate limit, and pauses a schedule it cannot post to, telling its owner once', async () => {
    const clock = { now: BEFORE };
    const {
      apps: [app],
    } = await replicas(1, clock);
    await app!.command('digest weekly fri 16:00 UTC', { channel: 'C0TEAM' });
    await app!.command('digest weekly fri 16:00 UTC', { channel: 'C0GONE', user: 'U0OWNER' });
    // The two digests post at once; the rate limit is C0TEAM's, whichever goes first.
    app!.slack.failNext(
      'chat.postMessage',
      { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } },
      1,
      (params) => params.channel === 'C0TEAM',
    );
    app!.slack.on('chat.postMessage', (params) =>
      params.channel === 'C0GONE'
        ? { ok: false, error: 'not_in_channel' }
        : { ok: true, channel: params.channel, ts: `${Date.now() / 1000}` },
    );
    clock.now = at(RUN, 1);
    await app!.jobs.digests.runNow();
    // One attempt answered 429, then the same digest again after Retry-After: posted, and recorded as posted once.
    expect(digestPosts(app!)).toHaveLength(2);
    const runs = rowsOf<{ channel_id: string; status: string }>(
      await app!.database.db.execute(
        sql`select channel_id, status from digest_runs where workspace_id = ${TEAM} order by channel_id`,
      ),
    );
    expect(runs).toEqual([
      { channel_id: 'C0GONE', status: 'failed' },
      { channel_id: 'C0TEAM', status: 'posted' },
    ]);
    const dm = app!.slack.callsOf('chat.postMessage').filter((c) => c.params.channel === 'U0OWNER');
    expect(dm).toHaveLength(1);
    expect(dm[0]!.params.text).toContain('paused');
    clock.now = at(RUN, 2);
    await app!.jobs.digests.runNow();
    expect(app!.slack.callsOf('chat.postMessage').filter((c) => c.params.channel === 'U0OWNER')).toHaveLength(1);
    expect((await app!.command('digest', { channel: 'C0GONE' })).body.text).toContain('paused');
  });

  it('shows a meeting recorded a minute ago in the preview and in /decide costs, as a new team tries on its first day', async () => {
    // A minute ago, unless that was last week (a run at Monday 00:00 UTC): then the week's first instant.
    const now = new Date();
    const monday = new Date(
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - ((now.getUTCDay() + 6) % 7)),
    );
    const clock = { now: new Date(Math.max(now.getTime() - 60_000, monday.getTime())) };
    const {
      apps: [app],
    } = await replicas(1, clock);
    await app!.command('We keep one repository per service because teams deploy on their own', { channel: 'C0FIRST' });
    const meeting = await answerOf(
      app!,
      await app!.command('meeting 1h 9 architecture review', { channel: 'C0FIRST' }),
    );
    expect(meeting).toContain('9 person-hours');
    expect(meeting).toContain('€900');
    expect(await answerOf(app!, await app!.command('costs week', { channel: 'C0FIRST' }))).toContain(
      '1 meeting, 9 person-hours',
    );

    clock.now = new Date();
    const preview = await answerOf(app!, await app!.command('digest preview', { channel: 'C0FIRST' }));
    expect(preview).toContain('Decided (1)');
    expect(preview).toContain('1 meeting, 9 person-hours');
    expect(preview).not.toContain('Nothing recorded this period');
  });

  it('counts a Friday meeting once: before the 16:00 run in that digest, after it in the next', async () => {
    const clock = { now: BEFORE };
    const {
      apps: [app],
    } = await replicas(1, clock);
    await app!.command('digest weekly fri 16:00 UTC', { channel: 'C0TEAM' });
    clock.now = at(RUN, -6 * 60); // Friday 10:00
    await app!.command('meeting 1h 3 morning review', { channel: 'C0TEAM' });
    clock.now = at(RUN, 60); // Friday 17:00, after the digest's run
    await app!.command('meeting 2h 4 evening review', { channel: 'C0TEAM' });
    await app!.jobs.digests.runNow();
    clock.now = at(RUN, 7 * 24 * 60 + 1);
    await app!.jobs.digests.runNow();
    const [thisWeek, nextWeek] = digestPosts(app!).map((post) => JSON.stringify(post.params.blocks));
    expect(thisWeek).toContain('1 meeting, 3 person-hours');
    expect(nextWeek).toContain('1 meeting, 8 person-hours');
    // The next digest compares with the first: the trend reads the same Friday split.
    expect(nextWeek).toMatch(/8 person-hours[^"]*▲ 167%/);
  });

  it('lists imported history by its own dates: old records never as decided this week, undated ones never', async () => {
    const clock = { now: new Date() };
    const {
      apps: [app],
      databases,
    } = await replicas(1, clock);
    const today = clock.now.toISOString().slice(0, 10);
    const adr = (n: number, date: string | null) => ({
      path: `docs/adr/${String(n).padStart(4, '0')}-history-${n}.md`,
      text: `---\nstatus: accepted\n${date ? `date: ${date}\n` : ''}---\n# Old decision ${n}\n\nWhy ${n}.\n`,
    });
    const files = [
      ...Array.from({ length: 38 }, (_, i) =>
        adr(i + 1, `20${String(10 + (i % 12)).padStart(2, '0')}-0${(i % 9) + 1}-15`),
      ),
      adr(39, null),
      adr(40, today),
    ];
    const summary = await importAdrs({
      services: {
        adrs: createAdrRepository(databases[0]!.db),
        relitigation: createRelitigationIndex(databases[0]!.db),
        detector,
      },
      workspace: { workspaceId: TEAM, enterpriseId: null },
      channelId: 'C0ARCH',
      channelPrivate: false,
      files,
      actor: 'ADR import',
    });
    expect(summary.imported).toBe(40);
    expect(summary.warnings).toContain('docs/adr/0039-history-39.md: no date; the record says "date unknown"');

    clock.now = new Date(); // the import took the database's clock
    const preview = await answerOf(app!, await app!.command('digest preview', { channel: 'C0ARCH' }));
    expect(preview).toContain('Decided (1)');
    expect(preview).toContain('Old decision 40');
    expect(preview).not.toContain('Old decision 39');
    expect(preview).toContain('40 records imported');
    const undated = await answerOf(app!, await app!.command('show D-39', { channel: 'C0ARCH' }));
    expect(undated).toContain('decided (date unknown)');
  });

  it('previews an empty week as a short, friendly digest, and explains a schedule it cannot read', async () => {
    const clock = { now: BEFORE };
    const {
      apps: [app],
    } = await replicas(1, clock);
    const preview = await app!.command('digest preview', { channel: 'C0QUIET' });
    expect(preview.body.blocks.length).toBeLessThanOrEqual(6);
    expect(blockKitViolations(preview.body.blocks, 'message')).toEqual([]);
    const wrong = await app!.command('digest weekly someday 16:00', { channel: 'C0QUIET' });
    expect(wrong.body.text).toContain('day of the week');
    expect((await app!.command('digest monthly 31 09:00', { channel: 'C0QUIET' })).body.text).toContain('1 to 28');
    expect((await app!.command('digest daily 09:00 Mars/Base', { channel: 'C0QUIET' })).body.text).toContain(
      'time zone',
    );

    // Without a zone the channel's is taken (UTC by default), then shown and switched off again.
    expect((await app!.command('digest daily 9:30', { channel: 'C0QUIET' })).body.text).toContain(
      'every day at 09:30 (UTC)',
    );
    expect((await app!.command('digest', { channel: 'C0QUIET' })).body.text).toContain('every day at 09:30 (UTC)');
    expect((await app!.command('digest off', { channel: 'C0QUIET' })).body.text).toContain('is off');
    expect((await app!.command('digest', { channel: 'C0QUIET' })).body.text).toContain('No Reflection digest here yet');
  });
});

describe('a digest with an LLM endpoint', () => {
  it('leads with a short narrative for a workspace that opted in, and goes out without one when the endpoint fails', async () => {
    const openai = await new FakeOpenAi().start();
    const clock = { now: BEFORE };
    const app = await TestApp.start({
      now: () => clock.now,
      env: llmEnv(openai),
    });
    try {
      await decisionAndWeeklyDigest(app);
      openai.reply = 'The team settled on Postgres for orders (D-1). <!channel> Nothing was argued again.';

      // Not opted in: no text leaves the deployment.
      clock.now = at(RUN, 1);
      await app.jobs.digests.runNow();
      expect(openai.chatRequests()).toHaveLength(0);

      app.slack.admins.add('U0ANA');

      await app.command('llm on', { channel: 'C0TEAM' });
      clock.now = at(RUN, 3 * 24 * 60);
      await app.command('meeting 1h 5 design review', { channel: 'C0TEAM' });
      clock.now = at(RUN, 7 * 24 * 60 + 1);
      await app.jobs.digests.runNow();
      expect(openai.chatRequests()).toHaveLength(1);
      expect(JSON.stringify(openai.chatRequests()[0].body.messages)).toContain(
        'Cost of meetings: 1 event, 5.0 person-hours',
      );
      const narrated = JSON.stringify(digestPosts(app).at(-1)!.params.blocks);
      expect(narrated).toContain('The team settled on Postgres for orders (D-1).');
      expect(narrated).not.toContain('<!channel>');

      // A second replica on the same database, at the same minute: one digest, one request to the endpoint.
      const replica = await TestApp.start({
        now: () => clock.now,
        database: app.database,
        env: llmEnv(openai),
      });
      try {
        clock.now = at(RUN, 14 * 24 * 60 + 1);
        await Promise.all([app.jobs.digests.runNow(), replica.jobs.digests.runNow()]);
        expect(openai.chatRequests()).toHaveLength(2);
        expect(digestPosts(app).length + digestPosts(replica).length).toBe(3);
      } finally {
        await replica.stopKeepingDatabase();
      }

      openai.reply = 500;
      clock.now = at(RUN, 21 * 24 * 60 + 1);
      await app.jobs.digests.runNow();
      const last = digestPosts(app).at(-1)!;
      expect(JSON.stringify(last.params.blocks)).not.toContain('The team settled');
      expect(JSON.stringify(last.params.blocks)).toContain('Reflection');
    } finally {
      await app.stop();
      await openai.stop();
    }
  });
});

describe('a digest taken over while it was composed', () => {
  it('is left to the replica that took it over: the late one does not post it', async () => {
    const openai = await new FakeOpenAi().start();
    const clock = { now: BEFORE };
    const app = await TestApp.start({
      now: () => clock.now,
      env: llmEnv(openai),
    });
    try {
      await decisionAndWeeklyDigest(app);
      app.slack.admins.add('U0ANA');
      await app.command('llm on', { channel: 'C0TEAM' });
      clock.now = at(RUN, 1);
      // While the narrative is being written, another replica takes the claim over (as it would
      // after ABANDONED_CLAIM_MS without a sign of life from this one).
      openai.reply = async () => {
        await app.database.db.execute(
          sql`update digest_runs set instance = 'replica-heir' where workspace_id = ${TEAM} and channel_id = 'C0TEAM'`,
        );
        return 'The team settled on Postgres for orders (D-1).';
      };
      await app.jobs.digests.runNow();
      expect(openai.chatRequests()).toHaveLength(1);
      expect(digestPosts(app)).toHaveLength(0);
      const runs = rowsOf<{ status: string; instance: string }>(
        await app.database.db.execute(
          sql`select status, instance from digest_runs where workspace_id = ${TEAM} and channel_id = 'C0TEAM'`,
        ),
      );
      expect(runs).toEqual([{ status: 'claimed', instance: 'replica-heir' }]);
    } finally {
      await app.stop();
      await openai.stop();
    }
  });
});

describe('revisit reminders', () => {
  it("tells a decision's owner once that its revisit date has come", async () => {
    const clock = { now: new Date('2026-11-20T10:00:00Z') };
    const app = await TestApp.start({ now: () => clock.now });
    try {
      await app.command('We keep the monolith because the team is small revisit on 2026-11-25', {
        channel: 'C0TEAM',
        user: 'U0ANA',
      });
      await app.idle();
      await app.jobs.digests.remindNow();
      expect(app.slack.callsOf('chat.postMessage').filter((c) => c.params.channel === 'U0ANA')).toHaveLength(0);
      clock.now = new Date('2026-11-25T10:00:00Z');
      // A DM that fails for a reason that may pass waits an hour, then a later run sends it.
      app.slack.failNext('chat.postMessage', { body: { ok: false, error: 'internal_error' } });
      await app.jobs.digests.remindNow();
      await app.jobs.digests.remindNow();
      expect(app.slack.callsOf('chat.postMessage').filter((c) => c.params.channel === 'U0ANA')).toHaveLength(1);
      clock.now = new Date('2026-11-25T11:00:00Z');
      // Two replicas run the hourly job at the same minute: the owner hears it once.
      const replica = await TestApp.start({ now: () => clock.now, database: app.database });
      try {
        await Promise.all([app.jobs.digests.remindNow(), replica.jobs.digests.remindNow()]);
        await app.jobs.digests.remindNow();
        const reminders = [...app.slack.calls, ...replica.slack.calls].filter(
          (c) => c.method === 'chat.postMessage' && c.params.channel === 'U0ANA',
        );
        expect(reminders).toHaveLength(2); // the failed attempt, then the one that arrived
        expect(reminders[1]!.params.text).toContain('D-1 is due for revisit (2026-11-25)');
      } finally {
        await replica.stopKeepingDatabase();
      }
    } finally {
      await app.stop();
    }
  });

  it('reminds only Slack users: imported records with nobody to tell never fail and never hold real reminders back', async () => {
    const clock = { now: new Date('2026-11-20T10:00:00Z') };
    const app = await TestApp.start({ now: () => clock.now });
    try {
      // Imported as `npm run cli -- import` does: recorded by "ADR import", deciders by name.
      const files = Array.from({ length: 60 }, (_, i) => ({
        path: `docs/adr/${String(i + 1).padStart(4, '0')}-imported-${i}.md`,
        text: `---\nstatus: accepted\ndate: 2026-01-0${(i % 9) + 1}\ndeciders: Jane Doe, John Roe\nx-revisit-by: 2026-11-0${(i % 9) + 1}\n---\n# Imported decision ${i}\n\n## Context and Problem Statement\n\nWhy ${i}.\n`,
      }));
      const summary = await importAdrs({
        services: {
          adrs: createAdrRepository(app.database.db),
          relitigation: createRelitigationIndex(app.database.db),
          detector,
        },
        workspace: { workspaceId: TEAM, enterpriseId: null },
        channelId: 'C0ARCH',
        channelPrivate: false,
        files,
        actor: 'ADR import',
      });
      expect(summary.imported).toBe(60);
      await app.command('We keep the monolith because the team is small revisit on 2026-11-25', {
        channel: 'C0TEAM',
        user: 'U0ANA',
      });
      await app.idle();
      clock.now = new Date('2026-11-25T10:00:00Z');
      await app.jobs.digests.remindNow();
      const sent = app.slack.callsOf('chat.postMessage').map((c) => c.params.channel);
      expect(sent).toContain('U0ANA');
      expect(sent).not.toContain('ADR import');
      expect(sent.filter((channel) => !/^[UW][A-Z0-9]+$/.test(String(channel)) && channel !== 'C0TEAM')).toEqual([]);
    } finally {
      await app.stop();
    }
  });

  it('gives up reminders to owners Slack cannot reach, so the valid ones still go out on the first run', async () => {
    const clock = { now: new Date('2026-11-20T10:00:00Z') };
    const app = await TestApp.start({ now: () => clock.now });
    try {
      // 250 owners who have left (older revisit dates: they sort first), then 50 who are here.
      const adr = (i: number, owner: string, revisitBy: string) => ({
        path: `docs/adr/${String(i + 1).padStart(4, '0')}-decision-${i}.md`,
        text: `---\nstatus: accepted\ndate: 2026-01-05\ndeciders: ${owner}\nx-revisit-by: ${revisitBy}\n---\n# Decision ${i} of ${owner}\n\n## Context and Problem Statement\n\nWhy ${i}.\n`,
      });
      const gone = Array.from({ length: 250 }, (_, i) => adr(i, `U0GONE${i}`, `2026-11-0${(i % 9) + 1}`));
      const here = Array.from({ length: 50 }, (_, i) => adr(250 + i, `U0HERE${i}`, '2026-11-20'));
      const summary = await importAdrs({
        services: {
          adrs: createAdrRepository(app.database.db),
          relitigation: createRelitigationIndex(app.database.db),
          detector,
        },
        workspace: { workspaceId: TEAM, enterpriseId: null },
        channelId: 'C0ARCH',
        channelPrivate: false,
        files: [...gone, ...here],
        actor: 'ADR import',
      });
      expect(summary.imported).toBe(300);
      const goneOwner = (params: Record<string, any>) => String(params.channel).startsWith('U0GONE');
      app.slack.failNext('chat.postMessage', { body: { ok: false, error: 'user_not_found' } }, 250, goneOwner);
      const dms = (prefix: string) =>
        app.slack.callsOf('chat.postMessage').filter((c) => String(c.params.channel).startsWith(prefix));

      await app.jobs.digests.remindNow();
      expect(new Set(dms('U0HERE').map((c) => c.params.channel)).size).toBe(50);
      expect(dms('U0HERE')).toHaveLength(50);
      expect(dms('U0GONE')).toHaveLength(250);

      // Given up, never tried again, and recorded so.
      clock.now = new Date('2026-11-22T10:00:00Z');
      await app.jobs.digests.remindNow();
      expect(dms('U0GONE')).toHaveLength(250);
      expect(dms('U0HERE')).toHaveLength(50);
      const givenUp = rowsOf<{ count: number; problem: string }>(
        await app.database.db.execute(
          sql`select count(*)::int as count, min(revisit_problem) as problem from decisions where workspace_id = ${TEAM} and revisit_given_up_at is not null`,
        ),
      );
      expect(givenUp).toEqual([{ count: 250, problem: 'user_not_found' }]);
    } finally {
      await app.stop();
    }
  });

  it('sends a reminder whose replica stopped between claiming and sending it, once the claim is abandoned', async () => {
    const clock = { now: new Date('2026-11-20T10:00:00Z') };
    const app = await TestApp.start({ now: () => clock.now });
    try {
      await app.command('We keep the monolith because the team is small revisit on 2026-11-25', {
        channel: 'C0TEAM',
        user: 'U0ANA',
      });
      await app.idle();
      clock.now = new Date('2026-11-25T10:00:00Z');
      // The claim a replica leaves when it is stopped (a deploy, a crash) before the DM went out.
      const claimLeftBehind = (minutesAgo: number) =>
        app.database.db.execute(
          sql`update decisions set revisit_claimed_at = now() - ${minutesAgo}::float8 * interval '1 minute' where workspace_id = ${TEAM} and ref = 1`,
        );
      const reminders = () => app.slack.callsOf('chat.postMessage').filter((c) => c.params.channel === 'U0ANA');

      await claimLeftBehind(10);
      await app.jobs.digests.remindNow();
      expect(reminders()).toHaveLength(0);

      await claimLeftBehind(16);
      await app.jobs.digests.remindNow();
      await app.jobs.digests.remindNow();
      expect(reminders()).toHaveLength(1);
      expect(reminders()[0]!.params.text).toContain('D-1 is due for revisit (2026-11-25)');
    } finally {
      await app.stop();
    }
  });
});
