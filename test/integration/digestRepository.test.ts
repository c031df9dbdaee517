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
    expect(await taken('C0ONE')).toEqual(new Set([`${WS.workspaceId}:C0ONE:weekly:1`]));
    expect((await run('C0ONE'))[0]!.instance).toBe(holder);
  });

  it('lets one replica take over a claim abandoned mid-run; the replica that comes back late neither posts nor records it', async () => {
    expect(await digests().claimRun(WS, 'C0TWO', 'weekly:1', 'replica-gone', ABANDONED_MS)).toBe(true);
    await lastHeardOf('C0TWO', 16);
    // Due again for every replica's tick, and taken over by exactly one of them.
    expect(await taken('C0TWO')).toEqual(new Set());
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
    expect(await taken('C0THREE')).toEqual(new Set([`${WS.workspaceId}:C0THREE:weekly:1`]));
    expect(await digests().claimRun(WS, 'C0THREE', 'weekly:1', 'replica-b', ABANDONED_MS)).toBe(false);
    expect(await run('C0THREE')).toEqual([{ status: 'failed', instance: 'replica-a', posted_ts: null }]);
  });

  it('renews a claim its replica confirms: a composition that took long is still its own to post', async () => {
    expect(await digests().claimRun(WS, 'C0FOUR', 'weekly:1', 'replica-a', ABANDONED_MS)).toBe(true);
    await lastHeardOf('C0FOUR', 16);
    expect(await digests().confirmRun(WS, 'C0FOUR', 'weekly:1', 'replica-a')).toBe(true);
    expect(await taken('C0FOUR')).toEqual(new Set([`${WS.workspaceId}:C0FOUR:weekly:1`]));
    expect(await digests().claimRun(WS, 'C0FOUR', 'weekly:1', 'replica-b', ABANDONED_MS)).toBe(false);
  });
});
