import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaces } from '../../src/storage/schema.js';
import { TestApp } from '../support/testApp.js';

describe('when the database is slower than Slack’s 3-second ack window', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => {
    await app.stop();
  });

  it('acks with a holding message, then confirms through response_url and posts the card', async () => {
    await app.command('We start the ledger today #setup');
    await app.slack.waitFor('chat.postMessage');
    app.slack.reset();

    // Hold the workspace's ref counter, as a long transaction elsewhere would, for longer than the ack budget.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const locked = new Promise<void>((resolveLocked) => {
      void app.database.db.transaction(async (tx) => {
        await tx.select().from(workspaces).where(eq(workspaces.workspaceId, 'T0001')).for('update');
        resolveLocked();
        await released;
        await tx.execute(sql`select 1`);
      });
    });
    await locked;

    const pending = app.command('We record decisions even when the database is slow #setup');
    const response = await pending.then(async (r) => {
      release();
      return r;
    });
    expect(response.status).toBe(200);
    expect(response.body.text).toContain('Saving your decision');
    const confirmations = await waitFor(() => app.responses(response.responseId).filter((r) => /^Recorded D-\d+\.$/.test(r.params.text)));
    expect(confirmations).toHaveLength(1);
    const [post] = await app.slack.waitFor('chat.postMessage');
    expect(post!.params.text).toContain('even when the database is slow');
  });
});

async function waitFor<T>(probe: () => T[], timeoutMs = 5000): Promise<T[]> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = probe();
    if (found.length > 0) return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return probe();
}
