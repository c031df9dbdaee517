import { randomBytes } from 'node:crypto';
import type { Installation } from '@slack/bolt';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/storage/database.js';
import {
  createInstallationStore,
  InstallationUnavailableError,
  NoInstallationError,
} from '../../src/storage/installationRepository.js';
import { slackInstallations } from '../../src/storage/schema.js';
import { createTokenCipher } from '../../src/storage/tokenCipher.js';
import { createTestDatabase } from '../support/testDatabase.js';

const cipher = createTokenCipher(randomBytes(32).toString('base64'));

/** What Bolt's installer stores after a v2 install of one workspace with a bot. */
function teamInstall(teamId: string, overrides: Partial<Installation<'v2', false>> = {}): Installation<'v2', false> {
  return {
    team: { id: teamId, name: 'Acme' },
    enterprise: undefined,
    user: { id: 'U0INSTALLER', token: undefined, scopes: undefined },
    bot: {
      token: `xoxb-${teamId}-bot-secret`,
      scopes: ['chat:write', 'commands'],
      id: `B${teamId}`,
      userId: `U${teamId}BOT`,
    },
    appId: 'A0LEDGER',
    tokenType: 'bot',
    isEnterpriseInstall: false,
    authVersion: 'v2',
    ...overrides,
  };
}

function orgInstall(enterpriseId: string): Installation<'v2', true> {
  return {
    team: undefined,
    enterprise: { id: enterpriseId, name: 'Grid Corp' },
    user: { id: 'U0ORGADMIN', token: undefined, scopes: undefined },
    bot: {
      token: `xoxb-${enterpriseId}-org-secret`,
      scopes: ['chat:write'],
      id: `B${enterpriseId}`,
      userId: `U${enterpriseId}BOT`,
    },
    appId: 'A0LEDGER',
    tokenType: 'bot',
    isEnterpriseInstall: true,
    enterpriseUrl: 'https://grid.enterprise.slack.com/',
    authVersion: 'v2',
  };
}

/** A user granting user scopes only: no bot in the installation. */
function userInstall(teamId: string, userId: string): Installation<'v2', false> {
  const { bot: _bot, tokenType: _tokenType, ...rest } = teamInstall(teamId);
  return { ...rest, user: { id: userId, token: `xoxp-${userId}-user-secret`, scopes: ['search:read'] } };
}

const team = (teamId: string, userId?: string) => ({
  teamId,
  enterpriseId: undefined,
  isEnterpriseInstall: false as const,
  userId,
});

describe('the installation store', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('gives back the installation of a team as it was stored', async () => {
    const store = createInstallationStore(database.db, cipher);
    await store.storeInstallation(teamInstall('T0ROUND'));
    const fetched = await store.fetchInstallation(team('T0ROUND'));
    expect(fetched).toEqual(JSON.parse(JSON.stringify(teamInstall('T0ROUND'))));
  });

  it('keeps no token readable in the table', async () => {
    const store = createInstallationStore(database.db, cipher);
    await store.storeInstallation(teamInstall('T0CLEAR'));
    await store.storeInstallation(userInstall('T0CLEAR', 'U0ANA'));
    const raw = JSON.stringify(
      await database.db.select().from(slackInstallations).where(eq(slackInstallations.workspaceId, 'T0CLEAR')),
    );
    expect(raw).toContain('T0CLEAR');
    expect(raw).toContain('UT0CLEARBOT');
    for (const token of ['xoxb-T0CLEAR-bot-secret', 'xoxp-U0ANA-user-secret', 'xoxb-', 'xoxp-'])
      expect(raw).not.toContain(token);
  });

  it('finds an org-wide install by its enterprise, and for a workspace of that enterprise without an install of its own', async () => {
    const store = createInstallationStore(database.db, cipher);
    await store.storeInstallation(orgInstall('E0GRID'));
    const org = await store.fetchInstallation({ enterpriseId: 'E0GRID', teamId: undefined, isEnterpriseInstall: true });
    expect(org.bot?.token).toBe('xoxb-E0GRID-org-secret');
    const workspace = await store.fetchInstallation({
      teamId: 'T0GRIDA',
      enterpriseId: 'E0GRID',
      isEnterpriseInstall: false,
    });
    expect(workspace).toMatchObject({
      isEnterpriseInstall: true,
      enterprise: { id: 'E0GRID' },
      bot: { token: 'xoxb-E0GRID-org-secret' },
    });

    // A workspace of the grid installed on its own is found as itself, not as the org.
    await store.storeInstallation(teamInstall('T0GRIDB', { enterprise: { id: 'E0GRID' } }));
    const own = await store.fetchInstallation({
      teamId: 'T0GRIDB',
      enterpriseId: 'E0GRID',
      isEnterpriseInstall: false,
    });
    expect(own.bot?.token).toBe('xoxb-T0GRIDB-bot-secret');
    await expect(store.fetchInstallation(team('T0GRIDA'))).rejects.toThrow(
      'no installation of this app for team T0GRIDA',
    );
  });

  it('throws, as Bolt expects, when nothing is installed', async () => {
    const store = createInstallationStore(database.db, cipher);
    await expect(store.fetchInstallation(team('T0NOBODY'))).rejects.toThrow(
      'no installation of this app for team T0NOBODY',
    );
    await expect(store.fetchInstallation(team('T0NOBODY'))).rejects.toBeInstanceOf(NoInstallationError);
    await expect(
      store.fetchInstallation({ enterpriseId: 'E0NOBODY', teamId: undefined, isEnterpriseInstall: true }),
    ).rejects.toThrow('no installation of this app for the org-wide install of enterprise E0NOBODY');
  });

  it('says clearly when a row was encrypted with another key, and lets a reinstall replace it', async () => {
    await createInstallationStore(database.db, cipher).storeInstallation(teamInstall('T0OTHERKEY'));
    const otherKey = createInstallationStore(database.db, createTokenCipher(randomBytes(32).toString('hex')));
    await expect(otherKey.fetchInstallation(team('T0OTHERKEY'))).rejects.toThrow(
      /encrypted with a different ENCRYPTION_KEY/,
    );
    await expect(
      otherKey.revokeTokens(
        { teamId: 'T0OTHERKEY', isEnterpriseInstall: false },
        { botUserIds: [], userIds: ['U0ANA'] },
      ),
    ).rejects.toThrow(/different ENCRYPTION_KEY/);
    // Reinstalling is the way back when the old key is lost.
    await otherKey.storeInstallation(
      teamInstall('T0OTHERKEY', { bot: { token: 'xoxb-reinstalled', scopes: [], id: 'B2', userId: 'U2' } }),
    );
    expect((await otherKey.fetchInstallation(team('T0OTHERKEY'))).bot?.token).toBe('xoxb-reinstalled');
    // The other tests' store would now fail to read this row (listing everything, too): it goes.
    await otherKey.deleteWorkspace({ teamId: 'T0OTHERKEY', isEnterpriseInstall: false });
  });

  it('replaces the tokens when Bolt stores rotated ones, on any replica', async () => {
    const replicaA = createInstallationStore(database.db, cipher);
    const replicaB = createInstallationStore(database.db, cipher);
    const rotating = (token: string) =>
      teamInstall('T0ROTATE', {
        bot: {
          token,
          refreshToken: `xoxe-1-${token}`,
          expiresAt: 1_800_000_000,
          scopes: ['chat:write'],
          id: 'BROT',
          userId: 'UROTBOT',
        },
      });
    await replicaA.storeInstallation(rotating('xoxe.xoxb-old'));
    expect((await replicaA.fetchInstallation(team('T0ROTATE'))).bot?.token).toBe('xoxe.xoxb-old');
    await replicaB.storeInstallation(rotating('xoxe.xoxb-new'));
    // Replica B's own cache is invalidated at once; A's entry would live until its TTL, so A reads afresh here.
    expect((await replicaB.fetchInstallation(team('T0ROTATE'))).bot).toMatchObject({
      token: 'xoxe.xoxb-new',
      refreshToken: 'xoxe-1-xoxe.xoxb-new',
    });
    expect((await createInstallationStore(database.db, cipher).fetchInstallation(team('T0ROTATE'))).bot?.token).toBe(
      'xoxe.xoxb-new',
    );
    expect(
      await database.db.select().from(slackInstallations).where(eq(slackInstallations.workspaceId, 'T0ROTATE')),
    ).toHaveLength(1);
  });

  it('keeps the bot when a user installs user scopes only, and gives each user their own token alone', async () => {
    const store = createInstallationStore(database.db, cipher);
    await store.storeInstallation(teamInstall('T0USERS'));
    await store.storeInstallation(userInstall('T0USERS', 'U0ANA'));
    await store.storeInstallation(userInstall('T0USERS', 'U0BEN'));
    const forAna = await store.fetchInstallation(team('T0USERS', 'U0ANA'));
    expect(forAna.bot?.token).toBe('xoxb-T0USERS-bot-secret');
    expect(forAna.user).toEqual({ id: 'U0ANA', token: 'xoxp-U0ANA-user-secret', scopes: ['search:read'] });
    expect((await store.fetchInstallation(team('T0USERS', 'U0BEN'))).user.token).toBe('xoxp-U0BEN-user-secret');
    expect((await store.fetchInstallation(team('T0USERS', 'U0CLEO'))).user.token).toBeUndefined();

    // A workspace whose first install is a user's alone still authorises that user.
    await store.storeInstallation(userInstall('T0USERONLY', 'U0DAN'));
    const userOnly = await store.fetchInstallation(team('T0USERONLY', 'U0DAN'));
    expect(userOnly.bot).toBeUndefined();
    expect(userOnly.user.token).toBe('xoxp-U0DAN-user-secret');
  });

  it('forgets a workspace that uninstalled the app', async () => {
    const store = createInstallationStore(database.db, cipher);
    await store.storeInstallation(teamInstall('T0GONE'));
    await store.storeInstallation(orgInstall('E0GONE'));
    await store.fetchInstallation(team('T0GONE')); // cached
    await store.deleteWorkspace({ teamId: 'T0GONE', isEnterpriseInstall: false });
    await store.deleteWorkspace({ enterpriseId: 'E0GONE', teamId: 'T0UNDERGONE', isEnterpriseInstall: true });
    await expect(store.fetchInstallation(team('T0GONE'))).rejects.toThrow('no installation');
    await expect(
      store.fetchInstallation({ enterpriseId: 'E0GONE', teamId: undefined, isEnterpriseInstall: true }),
    ).rejects.toThrow('no installation');
    await store.deleteWorkspace({ teamId: 'T0GONE', isEnterpriseInstall: false }); // twice is fine
  });

  it("revokes a user's token, then the bot's, and forgets the installation once nothing is left", async () => {
    const store = createInstallationStore(database.db, cipher);
    await store.storeInstallation(teamInstall('T0REVOKE'));
    await store.storeInstallation(userInstall('T0REVOKE', 'U0ANA'));
    await store.fetchInstallation(team('T0REVOKE', 'U0ANA')); // cached

    await store.revokeTokens(
      { teamId: 'T0REVOKE', isEnterpriseInstall: false },
      { botUserIds: [], userIds: ['U0ANA'] },
    );
    const afterUser = await store.fetchInstallation(team('T0REVOKE', 'U0ANA'));
    expect(afterUser.user.token).toBeUndefined();
    expect(afterUser.bot?.token).toBe('xoxb-T0REVOKE-bot-secret');

    await store.storeInstallation(userInstall('T0REVOKE', 'U0BEN'));
    await store.revokeTokens(
      { teamId: 'T0REVOKE', isEnterpriseInstall: false },
      { botUserIds: ['UT0REVOKEBOT'], userIds: [] },
    );
    const afterBot = await store.fetchInstallation(team('T0REVOKE', 'U0BEN'));
    expect(afterBot.bot).toBeUndefined();
    expect(afterBot.user.token).toBe('xoxp-U0BEN-user-secret');

    await store.deleteInstallation({
      teamId: 'T0REVOKE',
      enterpriseId: undefined,
      isEnterpriseInstall: false,
      userId: 'U0BEN',
    });
    await expect(store.fetchInstallation(team('T0REVOKE'))).rejects.toThrow('no installation');
    await store.revokeTokens(
      { teamId: 'T0REVOKE', isEnterpriseInstall: false },
      { botUserIds: ['UT0REVOKEBOT'], userIds: ['U0BEN'] },
    ); // nothing left: fine
  });

  it('serves a fresh cache entry without reading, and a write through the store replaces it at once', async () => {
    const store = createInstallationStore(database.db, cipher, { now: () => 0 });
    await store.storeInstallation(teamInstall('T0FRESH'));
    const first = await store.fetchInstallation(team('T0FRESH'));
    // Bolt mutates what it fetched when it rotates tokens: the cache must not share it.
    first.bot!.token = 'mutated';
    // Removed behind the store's back: the cache still answers until its TTL.
    await database.db.delete(slackInstallations).where(eq(slackInstallations.workspaceId, 'T0FRESH'));
    expect((await store.fetchInstallation(team('T0FRESH'))).bot?.token).toBe('xoxb-T0FRESH-bot-secret');
    await store.storeInstallation(
      teamInstall('T0FRESH', { bot: { token: 'xoxb-replaced', scopes: [], id: 'B1', userId: 'U1' } }),
    );
    expect((await store.fetchInstallation(team('T0FRESH'))).bot?.token).toBe('xoxb-replaced');
  });

  it('keeps the most recently used installations when it is full, whatever the number of workspaces', async () => {
    const store = createInstallationStore(database.db, cipher, { now: () => 0, cacheSize: 3 });
    const teams = ['T0LRU1', 'T0LRU2', 'T0LRU3', 'T0LRU4'];
    for (const id of teams) await store.storeInstallation(teamInstall(id));
    for (const id of ['T0LRU1', 'T0LRU2', 'T0LRU3', 'T0LRU1', 'T0LRU4']) await store.fetchInstallation(team(id));
    await database.db.delete(slackInstallations).where(inArray(slackInstallations.workspaceId, teams));
    // T0LRU2 was the least recently used when T0LRU4 came: only the database, now empty, has it.
    await expect(store.fetchInstallation(team('T0LRU2'))).rejects.toThrow();
    for (const id of ['T0LRU1', 'T0LRU3', 'T0LRU4'])
      expect((await store.fetchInstallation(team(id))).bot?.token).toBe(`xoxb-${id}-bot-secret`);
  });
});

describe('the installation cache, when the database fails', () => {
  // One database for both: the second test closes it.
  let database: Database;
  let clock = 1_000_000;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('serves a stale entry when the database is too slow to answer within the ack budget', async () => {
    const store = createInstallationStore(database.db, cipher, {
      cacheTtlMs: 60_000,
      staleIfSlowMs: 200,
      now: () => clock,
    });
    await store.storeInstallation(teamInstall('T0SLOW'));
    await store.fetchInstallation(team('T0SLOW'));
    clock += 5 * 60_000; // past the TTL: the store asks the database first
    // A long transaction elsewhere holds the table, as a stuck migration would.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const locked = new Promise<void>((resolveLocked) => {
      void database.db.transaction(async (tx) => {
        await tx.execute(sql`lock table slack_installations in access exclusive mode`);
        resolveLocked();
        await released;
      });
    });
    await locked;
    try {
      // Answered while the table is still locked: the store did not wait for the database.
      expect((await store.fetchInstallation(team('T0SLOW'))).bot?.token).toBe('xoxb-T0SLOW-bot-secret');
    } finally {
      release();
    }
  });

  it('serves a known workspace from a stale entry while the database is down, and fails clearly for others', async () => {
    const store = createInstallationStore(database.db, cipher, { cacheTtlMs: 60_000, now: () => clock });
    await store.storeInstallation(teamInstall('T0CACHED'));
    await store.storeInstallation(orgInstall('E0CACHED'));
    await store.fetchInstallation(team('T0CACHED'));
    await store.fetchInstallation({ teamId: 'T0UNDERORG', enterpriseId: 'E0CACHED', isEnterpriseInstall: false });
    await database.close();

    clock += 5 * 60_000;
    expect((await store.fetchInstallation(team('T0CACHED', 'U0ANA'))).bot?.token).toBe('xoxb-T0CACHED-bot-secret');
    expect(
      (await store.fetchInstallation({ teamId: 'T0UNDERORG', enterpriseId: 'E0CACHED', isEnterpriseInstall: false }))
        .bot?.token,
    ).toBe('xoxb-E0CACHED-org-secret');
    await expect(store.fetchInstallation(team('T0UNKNOWN'))).rejects.toThrow(
      'could not read the installation of team T0UNKNOWN: the database did not answer',
    );
    await expect(store.fetchInstallation(team('T0UNKNOWN'))).rejects.toBeInstanceOf(InstallationUnavailableError);
    clock += 15 * 60_000; // too stale to vouch for
    await expect(store.fetchInstallation(team('T0CACHED'))).rejects.toThrow(
      'could not read the installation of team T0CACHED',
    );
  });
});
