import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarFeedReader } from '../../src/app/costs/ports.js';
import { syncCalendarFeeds } from '../../src/app/costs/syncCalendarFeed.js';
import type { ConversationDirectory } from '../../src/app/decisions/ports.js';
import type { Database } from '../../src/storage/database.js';
import { createCalendarSubscriptionRepository } from '../../src/storage/calendarSubscriptionRepository.js';
import { createCostRepository } from '../../src/storage/costRepository.js';
import { createCostSettingsRepository } from '../../src/storage/costSettingsRepository.js';
import { createTestDatabase } from '../support/testDatabase.js';
import { WAIT_MS } from '../support/patience.js';

const WS = { workspaceId: 'T0FEEDS', enterpriseId: null };
const NOW = new Date('2026-12-04T12:00:00Z');
const FEEDS = 10;

/**
 * The scheduled calendar sync reads a few feeds at once (issue 24): one slow server no longer holds
 * up the rest, and a run never has more fetches out than its bound. The feeds are across the
 * network, so they are a stand-in here that answers only when the test lets it.
 */
describe('the calendar sync', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    const calendars = createCalendarSubscriptionRepository(database.db);
    for (let i = 0; i < FEEDS; i++)
      await calendars.subscribe(WS, `C0FEED${i}`, `https://calendar.example/${i}.ics`, 'U0ANA');
  });
  afterAll(async () => {
    await database.close();
  });

  it('reads four feeds at a time while one hangs, and every feed by the end of the run', async () => {
    let inFlight = 0;
    let most = 0;
    const waiting: (() => void)[] = [];
    const calendarFeeds: CalendarFeedReader = {
      normalise: (url) => ({ ok: true, url }),
      meetings: (url) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        return new Promise((resolve) => {
          const answer = () => {
            inFlight -= 1;
            resolve({ ok: true, meetings: [], skipped: 0 });
          };
          // The first feed's server hangs until the test lets it go.
          if (url.endsWith('/0.ics')) waiting.push(answer);
          else setImmediate(answer);
        });
      },
    };
    const run = syncCalendarFeeds({
      services: {
        calendars: createCalendarSubscriptionRepository(database.db),
        calendarFeeds,
        costs: createCostRepository(database.db),
        costSettings: createCostSettingsRepository(database.db),
        conversations: { isPrivate: async () => false } as unknown as ConversationDirectory,
        now: () => NOW,
      },
      minIntervalMs: 45 * 60_000,
      claimMs: 10 * 60_000,
      limit: FEEDS,
    });
    // While the hanging feed holds one of the four places, the other nine are read through the rest.
    const synced = createCalendarSubscriptionRepository(database.db);
    for (const deadline = Date.now() + WAIT_MS; ; ) {
      let done = 0;
      for (let i = 0; i < FEEDS; i++)
        done += (await synced.list(WS, `C0FEED${i}`)).filter((s) => s.lastSyncedAt !== null).length;
      if (done === FEEDS - 1) break;
      if (Date.now() > deadline) throw new Error(`only ${done} feeds were read while one hung`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(waiting).toHaveLength(1);
    waiting[0]!();
    expect(await run).toMatchObject({ synced: FEEDS, failed: 0 });
    expect(most).toBe(4);
  });
});
