import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { eq, inArray, sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { Db } from './database.js';
import { slackInstallations as installs } from './schema.js';
import { withDeadline } from '../deadline.js';
import { type TokenCipher, TokenCipherError } from './tokenCipher.js';

/** Which installation an event, a command or a Slack lifecycle event (app_uninstalled, tokens_revoked) is about. */
export interface WorkspaceQuery {
  enterpriseId?: string;
  teamId?: string;
  isEnterpriseInstall: boolean;
}

/** Bolt's InstallationStore, plus what the app needs around it. */
export interface InstallationRepository extends InstallationStore {
  /** With `userId`, removes only that user's token; without, the whole installation. */
  deleteInstallation: NonNullable<InstallationStore['deleteInstallation']>;
  /** app_uninstalled: forgets the installation. */
  deleteWorkspace(query: WorkspaceQuery): Promise<void>;
  /** tokens_revoked: forgets the listed tokens, and the installation once none is left. */
  revokeTokens(query: WorkspaceQuery, revoked: { botUserIds: string[]; userIds: string[] }): Promise<void>;
}

export interface InstallationStoreOptions {
  /** How long a fetched installation is served without reading the database again. */
  cacheTtlMs?: number;
  /** How old a cached installation may be and still be served while the database fails. */
  staleIfErrorMs?: number;
  /** With such an entry at hand, how long to wait for the database before serving it anyway. */
  staleIfSlowMs?: number;
  /** Installations kept in memory, the least recently used dropped first (10,000 unless given). */
  cacheSize?: number;
  now?: () => number;
}

type AnyInstallation = Installation<'v1' | 'v2', boolean>;
type UserGrant = AnyInstallation['user'];

/**
 * What the `secrets` column holds, encrypted. Users install user scopes one by one, each with a
 * token of their own, so those live under `users`; `installation.user` keeps only the latest
 * installer's id. A request's user gets their own token back, never someone else's.
 */
interface Secrets {
  installation: AnyInstallation;
  users: Record<string, UserGrant>;
}

interface CacheEntry {
  secrets: Secrets;
  fetchedAt: number;
  /** The rows the lookup read (a Grid workspace's own, then its org's): a write to either invalidates it. */
  keys: string[];
}

/** No installation of the app covers the workspace (never installed, or uninstalled since). */
export class NoInstallationError extends Error {
  override name = 'NoInstallationError';
}

/** The database did not answer, and no recent enough copy of the installation was at hand. */
export class InstallationUnavailableError extends Error {
  override name = 'InstallationUnavailableError';
}

const DEFAULT_CACHE_TTL_MS = 60_000;
/** Installations kept in memory: a few MB, and every workspace of a large deployment's busy hour. */
const INSTALLATIONS_CACHED = 10_000;
const DEFAULT_STALE_IF_ERROR_MS = 15 * 60_000;
// Authorisation runs before the ack, and Slack gives up on an ack after 3 s.
const DEFAULT_STALE_IF_SLOW_MS = 1_000;

export function createInstallationStore(
  db: Db,
  cipher: TokenCipher,
  options: InstallationStoreOptions = {},
): InstallationRepository {
  const cacheTtlMs = options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS;
  const staleIfErrorMs = Math.max(options.staleIfErrorMs ?? DEFAULT_STALE_IF_ERROR_MS, cacheTtlMs);
  const staleIfSlowMs = options.staleIfSlowMs ?? DEFAULT_STALE_IF_SLOW_MS;
  const now = options.now ?? Date.now;
  // Least recently used out first: a lookup or a miss costs the same with 10 workspaces or 100,000.
  const cache = new LRUCache<string, CacheEntry>({ max: options.cacheSize ?? INSTALLATIONS_CACHED });

  const seal = (workspaceId: string, secrets: Secrets) => cipher.encrypt(JSON.stringify(secrets), workspaceId);
  // The row's key is authenticated with its ciphertext: tokens copied into another workspace's row do not decrypt.
  const open = (workspaceId: string, sealed: string) => JSON.parse(cipher.decrypt(sealed, workspaceId)) as Secrets;

  // On installs and uninstalls only, which are rare next to lookups.
  function invalidate(workspaceId: string) {
    for (const [query, entry] of cache.entries()) if (entry.keys.includes(workspaceId)) cache.delete(query);
  }

  function remember(query: string, entry: CacheEntry) {
    cache.set(query, entry);
  }

  /**
   * Reads, changes and writes one installation, serialised with every other writer of it on any
   * replica, so two users installing at once both keep their tokens.
   */
  async function update(
    workspaceId: string,
    change: (existing: Secrets | undefined) => Secrets | 'delete' | 'keep',
    replaceUnreadable: (error: TokenCipherError) => boolean = () => false,
  ) {
    await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`slack_installation:${workspaceId}`}, 0))`);
      const [row] = await tx
        .select({ secrets: installs.secrets })
        .from(installs)
        .where(eq(installs.workspaceId, workspaceId));
      let existing: Secrets | undefined;
      try {
        existing = row ? open(workspaceId, row.secrets) : undefined;
      } catch (error) {
        if (!(error instanceof TokenCipherError && replaceUnreadable(error))) throw error;
      }
      const next = change(existing);
      if (next === 'keep') return;
      if (next === 'delete') {
        await tx.delete(installs).where(eq(installs.workspaceId, workspaceId));
        return;
      }
      const values = { ...clearColumns(next.installation), secrets: seal(workspaceId, next), updatedAt: sql`now()` };
      // An upsert, so Bolt storing rotated tokens replaces the old ones.
      await tx
        .insert(installs)
        .values({ workspaceId, ...values })
        .onConflictDoUpdate({ target: installs.workspaceId, set: values });
    });
    invalidate(workspaceId);
  }

  async function deleteWorkspace(query: WorkspaceQuery) {
    const workspaceId = queryKey(query);
    await db.delete(installs).where(eq(installs.workspaceId, workspaceId));
    invalidate(workspaceId);
  }

  async function revokeTokens(query: WorkspaceQuery, revoked: { botUserIds: string[]; userIds: string[] }) {
    await update(queryKey(query), (existing) => (existing ? withoutRevoked(existing, revoked) : 'keep'));
  }

  return {
    async storeInstallation(installation, logger) {
      // Reinstalling is how a workspace recovers from a lost ENCRYPTION_KEY: its fresh tokens replace what no key reads.
      await update(
        installationKey(installation),
        (existing) => merge(existing, installation),
        (error) => {
          logger?.warn(`Replacing the unreadable installation of ${describe(queryOf(installation))}: ${error.message}`);
          return true;
        },
      );
    },

    async fetchInstallation(query, logger) {
      const lookup = lookupKeys(query);
      const cached = cache.get(lookup.cacheKey);
      if (cached && now() - cached.fetchedAt < cacheTtlMs) return forUser(cached.secrets, query.userId);

      const stale = cached && now() - cached.fetchedAt < staleIfErrorMs ? cached : undefined;
      let rows: { workspaceId: string; isEnterpriseInstall: boolean; secrets: string }[];
      try {
        const reading = db
          .select({
            workspaceId: installs.workspaceId,
            isEnterpriseInstall: installs.isEnterpriseInstall,
            secrets: installs.secrets,
          })
          .from(installs)
          .where(inArray(installs.workspaceId, lookup.keys));
        // A database that does not answer (postgres.js waits out its connect timeout) counts as failing.
        rows = stale ? await withDeadline(reading, staleIfSlowMs) : await reading;
      } catch (error) {
        // Stale if error: a known workspace's events keep authorising through a short database outage.
        if (stale) {
          logger?.warn(`Installation store unavailable; serving the cached installation of ${describe(query)}`);
          return forUser(stale.secrets, query.userId);
        }
        throw new InstallationUnavailableError(
          `could not read the installation of ${describe(query)}: the database did not answer`,
          { cause: error },
        );
      }
      // A Grid workspace's own install wins; its org's applies only when that is an org-wide install.
      const row =
        rows.find((r) => r.workspaceId === lookup.own && !r.isEnterpriseInstall) ??
        rows.find((r) => r.workspaceId === lookup.org && r.isEnterpriseInstall);
      if (!row) {
        cache.delete(lookup.cacheKey);
        // Bolt expects a throw: it turns it into an authorisation error for the request.
        throw new NoInstallationError(`no installation of this app for ${describe(query)}`);
      }
      const secrets = open(row.workspaceId, row.secrets);
      remember(lookup.cacheKey, { secrets, fetchedAt: now(), keys: lookup.keys });
      return forUser(secrets, query.userId);
    },

    async deleteInstallation(query) {
      if (query.userId) await revokeTokens(query, { botUserIds: [], userIds: [query.userId] });
      else await deleteWorkspace(query);
    },

    deleteWorkspace,
    revokeTokens,
  };
}

/** What is stored in clear beside the secrets: ids for lookups and listings, never a token. */
function clearColumns(installation: AnyInstallation) {
  return {
    teamId: installation.team?.id ?? null,
    enterpriseId: installation.enterprise?.id ?? null,
    isEnterpriseInstall: installation.isEnterpriseInstall ?? false,
    botUserId: installation.bot?.userId ?? null,
    botId: installation.bot?.id ?? null,
    appId: installation.appId ?? null,
  };
}

/** Org-wide installs (no team) are keyed by the enterprise id, all others by the team id. */
function installationKey(installation: AnyInstallation): string {
  const key = installation.isEnterpriseInstall ? installation.enterprise?.id : installation.team?.id;
  if (!key)
    throw new Error(
      'installation has no team id (nor, for an org-wide install, an enterprise id); it cannot be stored',
    );
  return key;
}

function queryOf(installation: AnyInstallation): WorkspaceQuery {
  return {
    teamId: installation.team?.id,
    enterpriseId: installation.enterprise?.id,
    isEnterpriseInstall: installation.isEnterpriseInstall ?? false,
  };
}

function queryKey(query: WorkspaceQuery): string {
  const key = query.isEnterpriseInstall ? query.enterpriseId : query.teamId;
  if (!key)
    throw new Error(`${describe(query)} names no installation: an org-wide install needs enterpriseId, others teamId`);
  return key;
}

/** The rows that may answer a query: Bolt asks by team for a Grid workspace that only its org installed. */
function lookupKeys(query: InstallationQuery<boolean>): {
  own?: string;
  org?: string;
  keys: string[];
  cacheKey: string;
} {
  if (query.isEnterpriseInstall) {
    const org = queryKey(query);
    return { org, keys: [org], cacheKey: `org:${org}` };
  }
  const own = query.teamId;
  const org = query.enterpriseId;
  const keys = [own, org].filter((k): k is string => Boolean(k));
  if (keys.length === 0)
    throw new Error(`${describe(query)} names no installation: it has neither teamId nor enterpriseId`);
  return { own, org, keys, cacheKey: `team:${own ?? ''}:${org ?? ''}` };
}

function merge(existing: Secrets | undefined, incoming: AnyInstallation): Secrets {
  const previous = existing?.installation;
  const users = { ...existing?.users };
  // A bot-only install carries the installer without a token; their earlier user token stays valid.
  if (incoming.user.token) users[incoming.user.id] = incoming.user;
  return {
    installation: {
      ...previous,
      ...incoming,
      // A user-only install (user scopes, no bot) must not take away the workspace's bot.
      bot: incoming.bot ?? previous?.bot,
      incomingWebhook: incoming.incomingWebhook ?? previous?.incomingWebhook,
      user: withoutToken(incoming.user),
    },
    users,
  };
}

function withoutRevoked(existing: Secrets, revoked: { botUserIds: string[]; userIds: string[] }): Secrets | 'delete' {
  const { bot, ...installation } = existing.installation;
  const users = Object.fromEntries(Object.entries(existing.users).filter(([id]) => !revoked.userIds.includes(id)));
  const keepBot = bot && !revoked.botUserIds.includes(bot.userId);
  if (!keepBot && Object.keys(users).length === 0) return 'delete';
  return { installation: keepBot ? { ...installation, bot } : installation, users };
}

/** The stored installation as Bolt should see it for a request of `userId` (a copy: Bolt mutates it when rotating). */
function forUser(secrets: Secrets, userId: string | undefined): AnyInstallation {
  const installation = structuredClone(secrets.installation);
  // Without a grant of the user's own, `user` stays the installer's id alone: no token.
  const grant = secrets.users[userId ?? installation.user.id];
  if (grant) installation.user = structuredClone(grant);
  return installation;
}

function withoutToken(user: UserGrant): UserGrant {
  return { id: user.id } as UserGrant;
}

function describe(query: { enterpriseId?: string; teamId?: string; isEnterpriseInstall: boolean }): string {
  return query.isEnterpriseInstall
    ? `the org-wide install of enterprise ${query.enterpriseId ?? '(none)'}`
    : `team ${query.teamId ?? '(none)'}${query.enterpriseId ? ` of enterprise ${query.enterpriseId}` : ''}`;
}
