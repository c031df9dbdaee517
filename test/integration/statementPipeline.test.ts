import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDeadline } from '../../src/deadline.js';
import type { Database } from '../../src/storage/database.js';
import { rowsOf } from '../../src/storage/insertDecisions.js';
import { createTestDatabase } from '../support/testDatabase.js';

/**
 * postgres.js sends statements one after another on a connection without waiting for answers
 * (on PGlite, every statement once it is prepared). Up to 3.4.9, a statement it could not even
 * build — an undefined parameter — stayed in that line unanswered, every answer after it went to
 * the statement before, and the connection hung for good (porsager/postgres#1082): a forged
 * shortcut without a message ts stopped the embedded database in the fuzz test.
 */
describe('statements sent together on one connection', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  const value = async (n: number) => rowsOf<{ n: number }>(await database.db.execute(sql`select ${n}::int as n`))[0]!.n;

  it('fail alone when one cannot be built, and the connection goes on answering', async () => {
    // Once, so the statement is prepared and the next ones are sent without waiting.
    await value(0);
    // The connection busy for a while, so what follows is sent behind it.
    const slow = database.db.execute(sql`select pg_sleep(0.3)`).then(() => 0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const broken = database.db.execute(sql`select ${sql.param(undefined)}::int as n`);
    const results = await withDeadline(
      Promise.allSettled([slow, value(1), value(2), broken, value(3), value(4)]),
      5000,
      'the connection stopped answering',
    );
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'failed'))).toEqual([0, 1, 2, 'failed', 3, 4]);
    expect(await withDeadline(value(5), 5000, 'the connection stopped answering')).toBe(5);
  });
});
