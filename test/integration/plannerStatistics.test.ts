import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlannerStatistics } from '../../src/jobs/plannerStatistics.js';
import { createLogger } from '../../src/logger.js';
import type { Database } from '../../src/storage/database.js';
import { createDecisionRepository } from '../../src/storage/decisionRepository.js';
import { rowsOf } from '../../src/storage/insertDecisions.js';
import { aNewDecision } from '../support/decisions.js';
import { createTestDatabase } from '../support/testDatabase.js';

describe('planner statistics', () => {
  let database: Database;
  const logged: string[] = [];
  const logger = createLogger('info', new Writable({ write: (chunk, _encoding, done) => (logged.push(String(chunk)), done()) }));
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
        repository.record(aNewDecision({ content: { title: `Service ${i} publishes its events on Kafka`, alternatives: ['RabbitMQ'] } })),
      ),
    );
    const job = startPlannerStatistics({ database, logger });
    try {
      if (database.kind === 'postgres') {
        // Autovacuum's business on a server.
        expect(await job.runNow()).toEqual([]);
        return;
      }
      expect(await job.runNow()).toEqual(['decisions', 'decision_terms']);
      expect(logged.some((line) => line.includes('refreshed planner statistics'))).toBe(true);
      const statistics = rowsOf(await database.db.execute(sql`select 1 from pg_stats where tablename = 'decision_terms' and attname = 'term'`));
      expect(statistics).toHaveLength(1);
      expect(await job.runNow()).toEqual([]);
    } finally {
      await job.stop();
    }
  });
});
