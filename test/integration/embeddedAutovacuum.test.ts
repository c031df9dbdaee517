import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedAutovacuum } from '../../src/jobs/embeddedAutovacuum.js';
import { createLogger } from '../../src/logger.js';
import type { Database } from '../../src/storage/database.js';
import { createDecisionRepository } from '../../src/storage/decisionRepository.js';
import { rowsOf } from '../../src/storage/insertDecisions.js';
import { aNewDecision } from '../support/decisions.js';
import { createTestDatabase } from '../support/testDatabase.js';

describe('autovacuum on the embedded database', () => {
  let database: Database;
  const logged: string[] = [];
  const logger = createLogger(
    'info',
    new Writable({
      write: (chunk, _encoding, done) => {
        logged.push(String(chunk));
        done();
      },
    }),
  );
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('analyses the tables retrieval plans with once they have grown, and not again until they grow more', async () => {
    const repository = createDecisionRepository(database.db);
    await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        repository.record(
          aNewDecision({
            content: { title: `Service ${i} publishes its events on Kafka`, alternatives: ['RabbitMQ'] },
          }),
        ),
      ),
    );
    const job = startEmbeddedAutovacuum({ database, logger });
    try {
      if (database.kind === 'postgres') {
        // Autovacuum's business on a server.
        expect(await job.runNow()).toEqual({ analysed: [], vacuumed: false });
        return;
      }
      expect(await job.runNow()).toEqual({ analysed: ['decisions', 'decision_terms'], vacuumed: true });
      expect(logged.some((line) => line.includes('refreshed planner statistics'))).toBe(true);
      const statistics = rowsOf(
        await database.db.execute(sql`select 1 from pg_stats where tablename = 'decision_terms' and attname = 'term'`),
      );
      expect(statistics).toHaveLength(1);
      expect(await job.runNow()).toEqual({ analysed: [], vacuumed: true });

      // The vacuum left the row estimate at today's count; growing by more than a tenth since the
      // last analyse is still noticed.
      await Promise.all(
        Array.from({ length: 70 }, (_, i) =>
          repository.record(
            aNewDecision({ content: { title: `Service ${i} keeps its jobs on SQS`, alternatives: ['Kafka'] } }),
          ),
        ),
      );
      expect((await job.runNow()).analysed).toContain('decisions');
    } finally {
      await job.stop();
    }
  });

  it('vacuums the embedded database, so the space of updated rows is used again instead of the file growing', async () => {
    if (database.kind === 'postgres') return;
    const bytes = async () =>
      Number(
        rowsOf<{ bytes: number }>(
          await database.db.execute(sql`select pg_relation_size('decisions')::float8 as bytes`),
        )[0]!.bytes,
      );
    // What attaching each card does to every decision: an update, which leaves the old row dead.
    const touchEveryDecision = (ts: string) => database.db.execute(sql`update decisions set source_message_ts = ${ts}`);
    const before = await bytes();
    await touchEveryDecision('1700000000.000100');
    const updated = await bytes();
    expect(updated).toBeGreaterThan(before);

    const job = startEmbeddedAutovacuum({ database, logger });
    try {
      expect((await job.runNow()).vacuumed).toBe(true);
    } finally {
      await job.stop();
    }
    // Without the vacuum, the new versions would need as many new pages again.
    await touchEveryDecision('1700000000.000200');
    expect(await bytes()).toBeLessThan(updated + (updated - before) / 2);
  });
});
