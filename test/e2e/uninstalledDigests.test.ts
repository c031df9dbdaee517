import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/storage/insertDecisions.js';
import { TestApp } from '../support/testApp.js';

/**
 * Digests and revisit reminders of workspaces the app is no longer installed in (issue 24): they
 * used to fail, one error per schedule, per replica, every minute for a day, and reminders were
 * tried again every hour. Now schedules pause and reminders are given up, once.
 */
const NOW = new Date('2026-12-04T16:30:00Z');

describe('digest schedules of a workspace the app left', () => {
  let app: TestApp;
  const logs = { level: 'info', lines: [] as string[] };
  beforeAll(async () => {
    app = await TestApp.start({
      now: () => NOW,
      logs,
      env: {
        SLACK_BOT_TOKEN: '',
        SLACK_CLIENT_ID: '1000.2000',
        SLACK_CLIENT_SECRET: 'client-secret-for-tests',
        SLACK_STATE_SECRET: 'state-secret-for-tests-0123456789',
        ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      },
    });
  });
  afterAll(async () => {
    await app.stop();
  });

  /** Daily 16:00 UTC schedules, set days ago and due at NOW's tick, of a workspace with no installation. */
  const scheduleDue = (workspaceId: string, channels: string[]) =>
    app.database.db.execute(sql`
      insert into digest_schedules (workspace_id, channel_id, cadence, time, time_zone, owner, updated_at, next_run_at)
      select ${workspaceId}, c, 'daily', '16:00', 'UTC', 'U0OWNER', timestamptz '2026-12-01 00:00+00', timestamptz '2026-12-04 16:00+00'
      from unnest(${`{${channels.join(',')}}`}::text[]) as c`);
  const pausedReasons = async (workspaceId: string) =>
    rowsOf<{ paused_reason: string | null }>(
      await app.database.db.execute(
        sql`select paused_reason from digest_schedules where workspace_id = ${workspaceId} order by channel_id`,
      ),
    ).map((r) => r.paused_reason);
  const linesSaying = (text: string) => logs.lines.filter((line) => line.includes(text));

  it('pauses them at the first tick, with one line for the workspace and no error per schedule', async () => {
    await scheduleDue('T0GONE', ['C0ONE', 'C0TWO', 'C0THREE']);
    await app.jobs.digests.runNow();
    expect(await pausedReasons('T0GONE')).toEqual(['app_uninstalled', 'app_uninstalled', 'app_uninstalled']);
    expect(linesSaying('no longer installed in a workspace')).toHaveLength(1);
    expect(linesSaying('a digest run failed')).toHaveLength(0);
    expect(app.slack.callsOf('chat.postMessage')).toHaveLength(0);

    await app.jobs.digests.runNow();
    expect(linesSaying('no longer installed in a workspace')).toHaveLength(1);
  });

  it('pauses them when Slack says the app was uninstalled, before any tick', async () => {
    await scheduleDue('T0LEFT', ['C0ONE', 'C0TWO']);
    const uninstalled = await app.event({ type: 'app_uninstalled' }, { team: 'T0LEFT' });
    expect(uninstalled.status).toBe(200);
    await app.idle();
    expect(await pausedReasons('T0LEFT')).toEqual(['app_uninstalled', 'app_uninstalled']);
  });

  it('gives up a revisit reminder for a workspace the app left, once, instead of trying it every hour', async () => {
    await app.database.db.execute(sql`
      insert into decisions (workspace_id, ref, title, status, revisit_on, channel_id, channel_private, created_by, origin, idempotency_key)
      values ('T0GONE', 1, 'Revisit the queue', 'accepted', '2026-12-01', 'C0ONE', false, 'U0OWNER', 'command', 'uninstalled:1')`);
    await app.jobs.digests.remindNow();
    const [decision] = rowsOf<{ revisit_given_up_at: Date | null; revisit_problem: string | null }>(
      await app.database.db.execute(
        sql`select revisit_given_up_at, revisit_problem from decisions where workspace_id = 'T0GONE' and ref = 1`,
      ),
    );
    expect(decision!.revisit_given_up_at).not.toBeNull();
    expect(decision!.revisit_problem).toBe('app_uninstalled');
    await app.jobs.digests.remindNow();
    expect(linesSaying('could not remind an owner of a revisit, and never will')).toHaveLength(1);
  });
});
