import { validate } from 'node-cron';
import { z } from 'zod';
import { parseEncryptionKey } from './storage/tokenCipher.js';

/**
 * The only reader of process.env. Every variable is documented here and in README.md;
 * a missing or malformed one stops start-up with a message that says what to set.
 */

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const httpUrl = (what: string) =>
  z
    .string()
    .trim()
    .refine((value) => /^https?:\/\/[^\s]+$/.test(value), `${what} must be an http(s) URL`);

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const envSchema = z.object({
  /** Basic Information → App Credentials → Signing Secret. Verifies every request Slack sends. */
  SLACK_SIGNING_SECRET: optionalString,
  /** OAuth & Permissions → Bot User OAuth Token (xoxb-…): single-workspace mode. */
  SLACK_BOT_TOKEN: optionalString,
  /** Basic Information → App Credentials: with these, the app installs into many workspaces through OAuth. */
  SLACK_CLIENT_ID: optionalString,
  SLACK_CLIENT_SECRET: optionalString,
  /** Any long random string; signs the OAuth `state` so an install cannot be forged. */
  SLACK_STATE_SECRET: optionalString,
  /** Where Slack sends installers back (…/slack/oauth_redirect); needed only with several registered redirect URLs. */
  SLACK_REDIRECT_URI: optionalString.refine(
    (value) => value === undefined || /^https?:\/\//.test(value),
    'SLACK_REDIRECT_URI must be an http(s) URL',
  ),
  /** 32 random bytes, base64 or hex (`openssl rand -base64 32`): encrypts installation tokens at rest. */
  ENCRYPTION_KEY: optionalString,
  /** Basic Information → App-Level Tokens (xapp-…, scope connections:write). Switches to Socket Mode. */
  SLACK_APP_TOKEN: optionalString,
  /** Base URL of Slack's Web API; a proxy or a local test double can stand in. */
  SLACK_API_URL: httpUrl('SLACK_API_URL').default('https://slack.com/api/'),
  /** How long one Web API call may take, and how often a failed one (429, 5xx, network) is retried. */
  SLACK_API_TIMEOUT_MS: positiveInt(10_000),
  SLACK_API_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
  /** How long an event's work (already acked to Slack) is retried while the database is unreachable, then dropped. */
  EVENT_RETRY_WINDOW_MS: positiveInt(120_000),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  /** postgres://… → a PostgreSQL server; unset → embedded PGlite in DATA_DIR. */
  DATABASE_URL: optionalString.refine(
    (value) => value === undefined || /^postgres(ql)?:\/\//.test(value),
    'DATABASE_URL must start with postgres:// or postgresql://',
  ),
  /**
   * Where migrations run, when DATABASE_URL goes through a transaction-mode pooler: the migration
   * lock is a session lock, so it needs the server directly (or a session-mode pool).
   */
  DATABASE_MIGRATION_URL: optionalString.refine(
    (value) => value === undefined || /^postgres(ql)?:\/\//.test(value),
    'DATABASE_MIGRATION_URL must start with postgres:// or postgresql://',
  ),
  /** PostgreSQL connections per replica; the server's max_connections must cover every replica's. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(2).max(200).default(10),
  /** A connection idle this long is closed (seconds); PGlite's one connection stays. */
  DATABASE_IDLE_TIMEOUT_S: positiveInt(60),
  /** A statement of the app's running longer than this is cancelled (0: never). Commands have none. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(30_000),
  /** How long start-up waits for another replica's migrations (the migration lock) before giving up. */
  MIGRATION_LOCK_TIMEOUT_MS: positiveInt(120_000),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  /** The bearer token Prometheus sends for GET /metrics (16+ characters); unset → /metrics is off. */
  METRICS_TOKEN: optionalString.refine(
    (value) => value === undefined || value.length >= 16,
    'METRICS_TOKEN must be at least 16 characters (openssl rand -hex 16)',
  ),
  /** Optional OpenAI-compatible endpoint; every feature works without it. */
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString.refine(
    (value) => value === undefined || /^https?:\/\//.test(value),
    'OPENAI_BASE_URL must be an http(s) URL',
  ),
  OPENAI_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
  /** Embeddings for the relitigation watcher's topic matching (workspaces that opt in). */
  OPENAI_EMBEDDING_MODEL: z.string().trim().min(1).default('text-embedding-3-small'),
  /** Budget for one LLM call on an interactive path; past it the app carries on without the LLM. */
  OPENAI_TIMEOUT_MS: positiveInt(1500),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Any long random string (openssl rand -hex 24): GET /admin/backup then streams a backup of the
   * embedded database to a request carrying `Authorization: Bearer <it>` (`npm run cli -- backup
   * FILE --from URL` sends it); unset → that route answers 404.
   */
  ADMIN_TOKEN: optionalString.refine(
    (value) => value === undefined || value.length >= 24,
    'ADMIN_TOKEN must be at least 24 characters (openssl rand -hex 24)',
  ),
  /** The secret of the GitHub webhook posting to /github/webhook; unset → that route answers 404. */
  GITHUB_WEBHOOK_SECRET: optionalString,
  /** When subscribed ICS feeds are fetched (cron, server time); each feed at most once per run. */
  CALENDAR_SYNC_CRON: z
    .string()
    .trim()
    .refine((value) => validate(value), 'CALENDAR_SYNC_CRON must be a cron expression such as "7 * * * *"')
    .default('7 * * * *'),
  /** Limits for fetching one ICS feed. */
  CALENDAR_FETCH_TIMEOUT_MS: positiveInt(15_000),
  CALENDAR_MAX_BYTES: positiveInt(5_000_000),
  /** Lets feeds on private or loopback addresses be fetched: for local development and tests only. */
  CALENDAR_ALLOW_PRIVATE_HOSTS: z.enum(['true', 'false', '']).default('false'),
});

export type SlackTransport =
  | { mode: 'http'; signingSecret: string; port: number }
  | { mode: 'socket'; signingSecret: string; appToken: string; port: number };

/** One workspace with a bot token, or many installed through OAuth. */
export type SlackAuth =
  | { kind: 'token'; botToken: string }
  | {
      kind: 'oauth';
      clientId: string;
      clientSecret: string;
      stateSecret: string;
      encryptionKey: string;
      redirectUri?: string;
    };

export interface PoolSettings {
  max: number;
  idleTimeoutS: number;
  /** 0: no limit. */
  statementTimeoutMs: number;
}

export type DatabaseConfig =
  | {
      kind: 'postgres';
      url: string;
      migrationUrl?: string;
      /** POOL_DEFAULTS (storage/database.ts) where not given. */
      pool?: PoolSettings;
      /** Two minutes where not given. */
      migrationLockTimeoutMs?: number;
    }
  | {
      kind: 'pglite';
      dataDir: string;
    };

export interface Config {
  slack: SlackTransport & {
    auth: SlackAuth;
    apiUrl: string;
    apiTimeoutMs: number;
    apiMaxRetries: number;
    eventRetryWindowMs: number;
  };
  database: DatabaseConfig;
  metricsToken: string | null;
  openai?: { apiKey: string; baseUrl?: string; model: string; embeddingModel: string; timeoutMs: number };
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  github: { webhookSecret: string | null };
  /** Guards the admin routes (GET /admin/backup); null → they answer 404. */
  admin: { token: string | null };
  calendar: { syncCron: string; fetchTimeoutMs: number; maxBytes: number; allowPrivateHosts: boolean };
}

export class ConfigError extends Error {
  /** `what` names what cannot run: the app, or a command that needs part of its configuration. */
  constructor(
    readonly problems: string[],
    what = 'Decision Ledger cannot start',
  ) {
    super(
      `${what}; fix its configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\n` +
        'See README.md § Configuration.',
    );
    this.name = 'ConfigError';
  }
}

const WHERE_TO_GET: Record<string, string> = {
  SLACK_SIGNING_SECRET:
    "set SLACK_SIGNING_SECRET to your app's Signing Secret (api.slack.com/apps → your app → Basic Information → App Credentials)",
  SLACK_BOT_TOKEN:
    'set SLACK_BOT_TOKEN to the Bot User OAuth Token, xoxb-… (api.slack.com/apps → your app → OAuth & Permissions, after installing the app)',
  OAUTH:
    'set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET together (api.slack.com/apps → your app → Basic Information → App Credentials; the state secret is any long random string)',
  ENCRYPTION_KEY:
    'set ENCRYPTION_KEY to 32 random bytes in base64 or hex (openssl rand -base64 32); it encrypts installation tokens at rest',
  SLACK_APP_TOKEN:
    'SLACK_APP_TOKEN must be an app-level token, xapp-… (Basic Information → App-Level Tokens, scope connections:write)',
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  // Every problem at once: fixing one variable per restart is a miserable way to configure an app.
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const name = issue.path.join('.');
        return issue.message.startsWith(name) ? issue.message : `${name}: ${issue.message}`;
      });
  const present = (name: string) => (env[name] ?? '').trim() !== '';
  if (!present('SLACK_SIGNING_SECRET')) problems.push(WHERE_TO_GET.SLACK_SIGNING_SECRET!);
  const oauthVariables = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'].filter(present);
  const oauth = oauthVariables.length > 0;
  if (oauth) {
    if (oauthVariables.length < 3) problems.push(WHERE_TO_GET.OAUTH!);
    if (present('SLACK_BOT_TOKEN'))
      problems.push(
        'SLACK_BOT_TOKEN and the OAuth variables (SLACK_CLIENT_ID…) are both set; set SLACK_BOT_TOKEN for one workspace, or the OAuth variables to install into many',
      );
    if (present('SLACK_APP_TOKEN'))
      problems.push('OAuth installs need HTTP mode: unset SLACK_APP_TOKEN (Socket Mode apps cannot be distributed)');
    if (!present('ENCRYPTION_KEY')) problems.push(WHERE_TO_GET.ENCRYPTION_KEY!);
    else {
      const key = parseEncryptionKey(env.ENCRYPTION_KEY!);
      if (typeof key === 'string') problems.push(`ENCRYPTION_KEY ${key}`);
    }
  } else if (!present('SLACK_BOT_TOKEN')) problems.push(WHERE_TO_GET.SLACK_BOT_TOKEN!);
  else if (!env.SLACK_BOT_TOKEN!.trim().startsWith('xoxb-'))
    problems.push(`SLACK_BOT_TOKEN must start with xoxb-; ${WHERE_TO_GET.SLACK_BOT_TOKEN}`);
  if (present('SLACK_APP_TOKEN') && !env.SLACK_APP_TOKEN!.trim().startsWith('xapp-'))
    problems.push(WHERE_TO_GET.SLACK_APP_TOKEN!);
  if (present('DATABASE_MIGRATION_URL') && !present('DATABASE_URL'))
    problems.push('DATABASE_MIGRATION_URL is set but DATABASE_URL is not; the embedded database needs neither');
  if (present('OPENAI_BASE_URL') && !present('OPENAI_API_KEY'))
    problems.push('OPENAI_BASE_URL is set but OPENAI_API_KEY is not; set both, or neither to run without an LLM');
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  const e = parsed.data;

  const common = { signingSecret: e.SLACK_SIGNING_SECRET!, port: e.PORT };
  const auth: SlackAuth = oauth
    ? {
        kind: 'oauth',
        clientId: e.SLACK_CLIENT_ID!,
        clientSecret: e.SLACK_CLIENT_SECRET!,
        stateSecret: e.SLACK_STATE_SECRET!,
        encryptionKey: e.ENCRYPTION_KEY!,
        ...(e.SLACK_REDIRECT_URI ? { redirectUri: e.SLACK_REDIRECT_URI } : {}),
      }
    : { kind: 'token', botToken: e.SLACK_BOT_TOKEN! };
  const transport: SlackTransport = e.SLACK_APP_TOKEN
    ? { mode: 'socket', appToken: e.SLACK_APP_TOKEN, ...common }
    : { mode: 'http', ...common };

  return {
    slack: {
      ...transport,
      auth,
      // WebClient joins method names onto this base, so it must end with a slash.
      apiUrl: e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`,
      apiTimeoutMs: e.SLACK_API_TIMEOUT_MS,
      apiMaxRetries: e.SLACK_API_MAX_RETRIES,
      eventRetryWindowMs: e.EVENT_RETRY_WINDOW_MS,
    },
    database: databaseOf(e, e.DATABASE_STATEMENT_TIMEOUT_MS),
    metricsToken: e.METRICS_TOKEN ?? null,
    openai: openAiOf(e),
    logLevel: e.LOG_LEVEL,
    github: { webhookSecret: e.GITHUB_WEBHOOK_SECRET ?? null },
    admin: { token: e.ADMIN_TOKEN ?? null },
    calendar: {
      syncCron: e.CALENDAR_SYNC_CRON,
      fetchTimeoutMs: e.CALENDAR_FETCH_TIMEOUT_MS,
      maxBytes: e.CALENDAR_MAX_BYTES,
      allowPrivateHosts: e.CALENDAR_ALLOW_PRIVATE_HOSTS === 'true',
    },
  };
}

type OpenAiVariables = Pick<
  z.infer<typeof envSchema>,
  'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'OPENAI_MODEL' | 'OPENAI_EMBEDDING_MODEL' | 'OPENAI_TIMEOUT_MS'
>;

function openAiOf(e: OpenAiVariables): Config['openai'] {
  return e.OPENAI_API_KEY
    ? {
        apiKey: e.OPENAI_API_KEY,
        baseUrl: e.OPENAI_BASE_URL,
        model: e.OPENAI_MODEL,
        embeddingModel: e.OPENAI_EMBEDDING_MODEL,
        timeoutMs: e.OPENAI_TIMEOUT_MS,
      }
    : undefined;
}

/**
 * The OpenAI-compatible endpoint alone, for commands that run outside Slack (the eval's LLM mode):
 * the same variables and checks as the app's, and a ConfigError when OPENAI_API_KEY is not set.
 */
export function loadOpenAiConfig(env: NodeJS.ProcessEnv = process.env): NonNullable<Config['openai']> {
  const parsed = envSchema
    .pick({
      OPENAI_API_KEY: true,
      OPENAI_BASE_URL: true,
      OPENAI_MODEL: true,
      OPENAI_EMBEDDING_MODEL: true,
      OPENAI_TIMEOUT_MS: true,
    })
    .safeParse(env);
  const what = 'The LLM mode cannot run';
  if (!parsed.success)
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
      what,
    );
  const openai = openAiOf(parsed.data);
  if (!openai)
    throw new ConfigError(
      [
        'OPENAI_API_KEY is not set: the LLM mode needs an OpenAI-compatible endpoint (OPENAI_API_KEY, and OPENAI_BASE_URL for one that is not OpenAI)',
      ],
      what,
    );
  return openai;
}

/**
 * Where the ledger is kept, alone, for commands that need no Slack credentials (`reindex`): the
 * same variables as the app's (DATABASE_URL, DATABASE_MIGRATION_URL, DATA_DIR).
 */
export function loadDatabaseConfig(env: NodeJS.ProcessEnv = process.env): Config['database'] {
  const parsed = envSchema.pick(DATABASE_VARIABLES).safeParse(env);
  if (!parsed.success)
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
      'The database cannot be opened',
    );
  // Commands import, export and reindex whole ledgers: long statements are what they are for.
  return databaseOf(parsed.data, 0);
}

const DATABASE_VARIABLES = {
  DATABASE_URL: true,
  DATABASE_MIGRATION_URL: true,
  DATABASE_POOL_MAX: true,
  DATABASE_IDLE_TIMEOUT_S: true,
  MIGRATION_LOCK_TIMEOUT_MS: true,
  DATA_DIR: true,
} as const;

function databaseOf(
  e: Pick<z.infer<typeof envSchema>, keyof typeof DATABASE_VARIABLES>,
  statementTimeoutMs: number,
): DatabaseConfig {
  return e.DATABASE_URL
    ? {
        kind: 'postgres',
        url: e.DATABASE_URL,
        ...(e.DATABASE_MIGRATION_URL ? { migrationUrl: e.DATABASE_MIGRATION_URL } : {}),
        pool: { max: e.DATABASE_POOL_MAX, idleTimeoutS: e.DATABASE_IDLE_TIMEOUT_S, statementTimeoutMs },
        migrationLockTimeoutMs: e.MIGRATION_LOCK_TIMEOUT_MS,
      }
    : { kind: 'pglite', dataDir: e.DATA_DIR };
}

/** ADMIN_TOKEN alone, for `npm run cli -- backup --from`, which sends it to the running app. */
export function loadAdminToken(env: NodeJS.ProcessEnv = process.env): string | null {
  const parsed = envSchema.pick({ ADMIN_TOKEN: true }).safeParse(env);
  if (!parsed.success)
    throw new ConfigError(
      parsed.error.issues.map((issue) => issue.message),
      'The backup cannot be asked of the app',
    );
  return parsed.data.ADMIN_TOKEN ?? null;
}

/**
 * The local playground's own settings (`npm run playground`, never `npm start`): PORT (3000),
 * LOG_LEVEL (warn: the page shows what happens) and DATA_DIR, its embedded database — null when
 * unset, and the playground then uses a throwaway directory. No Slack variable is read: the
 * playground is its own Slack.
 */
export function loadPlaygroundConfig(env: NodeJS.ProcessEnv = process.env): {
  port: number;
  logLevel: Config['logLevel'];
  dataDir: string | null;
} {
  const parsed = envSchema
    .pick({ PORT: true })
    .extend({ LOG_LEVEL: envSchema.shape.LOG_LEVEL.removeDefault().default('warn'), DATA_DIR: optionalString })
    .safeParse(env);
  if (!parsed.success)
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
      'The playground cannot start',
    );
  return { port: parsed.data.PORT, logLevel: parsed.data.LOG_LEVEL, dataDir: parsed.data.DATA_DIR ?? null };
}
