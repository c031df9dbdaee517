import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../src/domain/workspace.js';
import type { Database } from '../../src/storage/database.js';
import { createDigestRepository } from '../../src/storage/digestRepository.js';
import { rowsOf } from '../../src/storage/insertDecisions.js';
import { createTestDatabase } from '../support/testDatabase.js';

const WS: Workspace = { workspaceId: 'TCLAIMS', enterpriseId: null };
const ABANDONED_MS = 15 * 60_000;

describe('digest runs: claims, and claims abandoned by a replica that stopped mid-run', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  const digests = () => createDigestRepository(database.db);
  /** The claim as a replica that stopped `minutes` ago would have left it. */
  const lastHeardOf = (channelId: string, minutes: number) =>
    database.db.execute(
      sql`update digest_runs set claimed_at = now() - ${minutes}::float8 * interval '1 minute' where workspace_id = ${WS.workspaceId} and channel_id = ${channelId}`,
    );
  const run = async (channelId: string) =>
    rowsOf<{ status: string; instance: string; posted_ts: string | null }>(
      await database.db.execute(
        sql`select status, instance, posted_ts from digest_runs where workspace_id = ${WS.workspaceId} and channel_id = ${channelId}`,
      ),
    );
  const taken = (channelId: string) =>
    digests().claimedAmong([{ workspace: WS, channelId, periodKey: 'weekly:1' }], ABANDONED_MS);

  it('gives a run to one claimant, and keeps it from others while its replica is heard from', async () => {
    const [a, b] = await Promise.all([
      digests().claimRun(WS, 'C0ONE', 'weekly:1', 'replica-a', ABANDONED_MS),
      digests().claimRun(WS, 'C0ONE', 'weekly:1', 'replica-b', ABANDONED_MS),
    ]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    const holder = a ? 'replica-a' : 'replica-b';
    await lastHeardOf('C0ONE', 14);
    expect(await digests().claimRun(WS, 'C0ONE', 'weekly:1', 'replica-c', ABANDONED_MS)).toBe(false);
    expect(await taken('C0ONE')).toEqual(new Map([[`${WS.workspaceId}:C0ONE:weekly:1`, 'held']]));
    expect((await run('C0ONE'))[0]!.instance).toBe(holder);
  });

  it('lets one replica take over a claim abandoned mid-run; the replica that comes back late neither posts nor records it', async () => {
    expect(await digests().claimRun(WS, 'C0TWO', 'weekly:1', 'replica-gone', ABANDONED_MS)).toBe(true);
    await lastHeardOf('C0TWO', 16);
    // Due again for every replica's tick, and taken over by exactly one of them.
    expect(await taken('C0TWO')).toEqual(new Map());
    const takeovers = await Promise.all(
      ['replica-a', 'replica-b'].map((r) => digests().claimRun(WS, 'C0TWO', 'weekly:1', r, ABANDONED_MS)),
    );
    expect(takeovers.filter(Boolean)).toHaveLength(1);
    const heir = takeovers[0] ? 'replica-a' : 'replica-b';

    expect(await digests().confirmRun(WS, 'C0TWO', 'weekly:1', 'replica-gone')).toBe(false);
    await digests().finishRun(WS, 'C0TWO', 'weekly:1', 'replica-gone', { status: 'failed', problem: 'late' });
    await digests().releaseRun(WS, 'C0TWO', 'weekly:1', 'replica-gone');
    expect(await run('C0TWO')).toEqual([{ status: 'claimed', instance: heir, posted_ts: null }]);

    expect(await digests().confirmRun(WS, 'C0TWO', 'weekly:1', heir)).toBe(true);
    await digests().finishRun(WS, 'C0TWO', 'weekly:1', heir, { status: 'posted', ts: '1790000000.000100' });
    expect(await run('C0TWO')).toEqual([{ status: 'posted', instance: heir, posted_ts: '1790000000.000100' }]);
  });

  it('never takes over a run that ended, however old', async () => {
    expect(await digests().claimRun(WS, 'C0THREE', 'weekly:1', 'replica-a', ABANDONED_MS)).toBe(true);
    await digests().finishRun(WS, 'C0THREE', 'weekly:1', 'replica-a', { status: 'failed', problem: 'not_in_channel' });
    await lastHeardOf('C0THREE', 60 * 24);
    expect(await taken('C0THREE')).toEqual(new Map([[`${WS.workspaceId}:C0THREE:weekly:1`, 'ended']]));
    expect(await digests().claimRun(WS, 'C0THREE', 'weekly:1', 'replica-b', ABANDONED_MS)).toBe(false);
    expect(await run('C0THREE')).toEqual([{ status: 'failed', instance: 'replica-a', posted_ts: null }]);
  });

  it('renews a claim its replica confirms: a composition that took long is still its own to post', async () => {
    expect(await digests().claimRun(WS, 'C0FOUR', 'weekly:1', 'replica-a', ABANDONED_MS)).toBe(true);
    await lastHeardOf('C0FOUR', 16);
    expect(await digests().confirmRun(WS, 'C0FOUR', 'weekly:1', 'replica-a')).toBe(true);
    expect(await taken('C0FOUR')).toEqual(new Map([[`${WS.workspaceId}:C0FOUR:weekly:1`, 'held']]));
    expect(await digests().claimRun(WS, 'C0FOUR', 'weekly:1', 'replica-b', ABANDONED_MS)).toBe(false);
  });
});

describe('digest schedules: the tick takes only those whose time has come', () => {
  let database: Database;
  const WEEKLY = { cadence: 'weekly', weekday: 5, dayOfMonth: null, time: '16:00', timeZone: 'UTC' } as const;
  const SAVED = new Date('2026-11-01T00:00:00Z');
  const RUN = new Date('2026-12-04T16:00:00Z');
  const MINUTE = 60_000;
  beforeAll(async () => {
    database = await createTestDatabase();
    const digests = createDigestRepository(database.db);
    for (let i = 0; i < 30; i++)
      await digests.saveSchedule(WS, `C0DUE${i}`, WEEKLY, 'U0ANA', SAVED, new Date(RUN.getTime() + (i % 3) * MINUTE));
    await digests.saveSchedule(WS, 'C0PAUSED', WEEKLY, 'U0ANA', SAVED, RUN);
    await digests.pause(WS, 'C0PAUSED', 'not_in_channel');
  });
  afterAll(async () => {
    await database.close();
  });

  const channels = (taken: { channelId: string }[]) => taken.map((s) => s.channelId).sort();

  it('hands each due schedule to one replica, holds it until the lease ends, and never a paused one', async () => {
    const digests = createDigestRepository(database.db);
    const lease = new Date(RUN.getTime() + 15 * MINUTE);
    // Ten due at RUN (i % 3 === 0), taken by two replicas at once in batches of four.
    const [a, b] = await Promise.all([digests.takeDue(RUN, 4, lease), digests.takeDue(RUN, 4, lease)]);
    const rest = await digests.takeDue(RUN, 10, lease);
    const all = [...channels(a), ...channels(b), ...channels(rest)];
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(10);
    expect(all).not.toContain('C0PAUSED');
    expect(await digests.takeDue(RUN, 10, lease)).toEqual([]);
    // Their lease ends after the others' times: those come first.
    expect(await digests.takeDue(new Date(RUN.getTime() + 2 * MINUTE), 100, lease)).toHaveLength(20);
    expect(await digests.takeDue(lease, 100, lease)).toHaveLength(30);
  });

  it('sets the next run, unless the schedule was set again meanwhile', async () => {
    const digests = createDigestRepository(database.db);
    const next = new Date(RUN.getTime() + 7 * 24 * 60 * MINUTE);
    const resaved = new Date(RUN.getTime() + MINUTE);
    await digests.saveSchedule(WS, 'C0DUE1', WEEKLY, 'U0ANA', resaved, RUN);
    await digests.setNextRuns([
      { workspace: WS, channelId: 'C0DUE0', since: SAVED, next },
      { workspace: WS, channelId: 'C0DUE1', since: SAVED, next },
    ]);
    const rows = rowsOf<{ channel_id: string; next_run_at: Date }>(
      await database.db.execute(
        sql`select channel_id, next_run_at from digest_schedules where channel_id in ('C0DUE0', 'C0DUE1') order by 1`,
      ),
    );
    expect(rows.map((r) => new Date(r.next_run_at).toISOString())).toEqual([next.toISOString(), RUN.toISOString()]);
  });

  it('pauses every schedule of a workspace the app left, once', async () => {
    const digests = createDigestRepository(database.db);
    expect(await digests.pauseWorkspace(WS, 'app_uninstalled')).toBe(30);
    expect(await digests.pauseWorkspace(WS, 'app_uninstalled')).toBe(0);
    expect(await digests.takeDue(new Date('2027-01-01T00:00:00Z'), 100, new Date('2027-01-02T00:00:00Z'))).toEqual([]);
  });
});
