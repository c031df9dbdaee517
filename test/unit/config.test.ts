import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const minimal = { SLACK_SIGNING_SECRET: 'secret', SLACK_BOT_TOKEN: 'xoxb-1' };

describe('loadConfig', () => {
  it('defaults to HTTP mode on port 3000, Slack’s API and embedded PGlite in ./data, without an LLM', () => {
    const config = loadConfig(minimal);
    expect(config.slack).toMatchObject({ mode: 'http', port: 3000, apiUrl: 'https://slack.com/api/' });
    expect(config.database).toEqual({ kind: 'pglite', dataDir: './data' });
    expect(config.openai).toBeUndefined();
  });

  it('switches to PostgreSQL, Socket Mode and an LLM when their variables are set', () => {
    const config = loadConfig({
      ...minimal,
      DATABASE_URL: 'postgres://u@db:5432/ledger',
      SLACK_APP_TOKEN: 'xapp-1',
      SLACK_API_URL: 'http://127.0.0.1:9999/api',
      OPENAI_API_KEY: 'sk-1',
      OPENAI_BASE_URL: 'http://127.0.0.1:8000/v1',
    });
    expect(config.database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@db:5432/ledger',
      pool: { max: 10, idleTimeoutS: 60, statementTimeoutMs: 30_000 },
      migrationLockTimeoutMs: 120_000,
    });
    expect(config.slack.mode).toBe('socket');
    expect(config.slack.apiUrl).toBe('http://127.0.0.1:9999/api/');
    expect(config.openai).toMatchObject({ apiKey: 'sk-1', baseUrl: 'http://127.0.0.1:8000/v1', model: 'gpt-4o-mini' });
  });

  it('lists every problem at once, each saying what to set', () => {
    try {
      loadConfig({
        SLACK_BOT_TOKEN: 'xoxp-user-token',
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        OPENAI_BASE_URL: 'http://x',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain('SLACK_SIGNING_SECRET');
      expect(message).toContain('SLACK_BOT_TOKEN must start with xoxb-');
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL must start with postgres://');
      expect(message).toContain('OPENAI_API_KEY');
    }
  });

  it('migrates through DATABASE_MIGRATION_URL when it is set, and refuses it without DATABASE_URL', () => {
    const pooled = {
      ...minimal,
      DATABASE_URL: 'postgres://u@pgbouncer:6432/ledger',
      DATABASE_MIGRATION_URL: 'postgres://u@db:5432/ledger',
    };
    expect(loadConfig(pooled).database).toMatchObject({
      kind: 'postgres',
      url: 'postgres://u@pgbouncer:6432/ledger',
      migrationUrl: 'postgres://u@db:5432/ledger',
    });
    expect(() => loadConfig({ ...minimal, DATABASE_MIGRATION_URL: 'postgres://u@db:5432/ledger' })).toThrow(
      'DATABASE_MIGRATION_URL is set but DATABASE_URL is not',
    );
    expect(() => loadConfig({ ...pooled, DATABASE_MIGRATION_URL: 'db:5432' })).toThrow(
      'DATABASE_MIGRATION_URL must start with postgres://',
    );
  });

  it('sizes the PostgreSQL pool and its timeouts from the environment, and refuses nonsense', () => {
    const tuned = loadConfig({
      ...minimal,
      DATABASE_URL: 'postgres://u@db:5432/ledger',
      DATABASE_POOL_MAX: '25',
      DATABASE_IDLE_TIMEOUT_S: '30',
      DATABASE_STATEMENT_TIMEOUT_MS: '0',
      MIGRATION_LOCK_TIMEOUT_MS: '5000',
    });
    expect(tuned.database).toMatchObject({
      pool: { max: 25, idleTimeoutS: 30, statementTimeoutMs: 0 },
      migrationLockTimeoutMs: 5000,
    });
    expect(() => loadConfig({ ...minimal, DATABASE_POOL_MAX: '1' })).toThrow('DATABASE_POOL_MAX');
    expect(() => loadConfig({ ...minimal, METRICS_TOKEN: 'short' })).toThrow('METRICS_TOKEN must be at least 16');
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ ...minimal, DATABASE_URL: '', OPENAI_API_KEY: ' ' }).database.kind).toBe('pglite');
  });
});
