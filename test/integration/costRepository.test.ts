import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewCostEvent } from '../../src/app/costs/ports.js';
import type { Workspace } from '../../src/domain/workspace.js';
import type { Database } from '../../src/storage/database.js';
import { createCalendarSubscriptionRepository } from '../../src/storage/calendarSubscriptionRepository.js';
import { createCostRepository } from '../../src/storage/costRepository.js';
import { dayIn } from '../../src/domain/costs/days.js';
import { createTestDatabase } from '../support/testDatabase.js';

const ACME: Workspace = { workspaceId: 'T0ACME', enterpriseId: null };
/** Edges at midnight UTC, the zone the costs below are recorded in. */
const midnights = (...days: string[]) => days.map((day) => new Date(`${day}T00:00:00Z`));
const OTHER: Workspace = { workspaceId: 'T0OTHER', enterpriseId: null };

function cost(overrides: Partial<NewCostEvent> = {}): NewCostEvent {
  return {
    workspace: ACME,
    channelId: 'C0A',
    channelPrivate: false,
    kind: 'meeting',
    source: 'command',
    sourceKey: `k:${Math.random()}`,
    occurredAt: new Date('2026-11-10T10:00:00Z'),
    day: '2026-11-10',
    title: 'sync',
    decision: null,
    personHours: 2,
    waitHours: 0,
    money: 200,
    buildHours: 2.4,
    currency: 'EUR',
    inputs: {},
    createdBy: 'U0ANA',
    ...overrides,
  };
}

describe('the cost repository', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('records a cost once per source key and keeps the daily sums equal to the events', async () => {
    const costs = createCostRepository(database.db);
    expect(await costs.record(cost({ sourceKey: 'once' }))).toBe(true);
    expect(await costs.record(cost({ sourceKey: 'once', personHours: 99 }))).toBe(false);
    await costs.record(cost({ day: '2026-11-11', personHours: 1, money: 100, buildHours: 1.2 }));
    await costs.record(cost({ day: '2026-12-01' })); // next month
    await costs.record(cost({ workspace: OTHER })); // another workspace
    const totals = await costs
      .totals(ACME, { kind: 'channel', channelId: 'C0A' }, midnights('2026-11-01', '2026-12-01'), 'UTC')
      .then(([t]) => t!);
    expect(totals).toEqual([
      {
        kind: 'meeting',
        currency: 'EUR',
        events: 2,
        personHours: 3,
        waitHours: 0,
        mergedWaitHours: 0,
        openToMergeHours: 0,
        money: 300,
        buildHours: 3.5999999999999996,
      },
    ]);
  });

  it('replaces a growing cost in place, and removing it takes it out of the sums', async () => {
    const costs = createCostRepository(database.db);
    const thread = (personHours: number) =>
      cost({
        channelId: 'C0T',
        kind: 'relitigation',
        source: 'watcher',
        sourceKey: 'thread:1',
        personHours,
        money: personHours * 100,
        buildHours: 0,
        decision: { id: '00000000-0000-4000-8000-000000000001', ref: 7 },
      });
    // Replies arriving together at two replicas: the advisory lock serialises them.
    await Promise.all([costs.replace(thread(0.5)), costs.replace(thread(1)), costs.replace(thread(1.5))]);
    const sums = await costs
      .totals(ACME, { kind: 'channel', channelId: 'C0T' }, midnights('2026-11-01', '2026-12-01'), 'UTC')
      .then(([t]) => t!);
    expect(sums).toHaveLength(1);
    expect(sums[0]!.events).toBe(1);
    expect([0.5, 1, 1.5]).toContain(sums[0]!.personHours);
    const [decision] = await costs.decisionTotals(
      ACME,
      'C0T',
      { start: midnights('2026-11-01')[0]!, end: midnights('2026-12-01')[0]! },
      'UTC',
      5,
    );
    expect(decision).toMatchObject({ decisionRef: 7, threads: 1 });
    await costs.remove(ACME, 'thread:1');
    expect(
      await costs
        .totals(ACME, { kind: 'channel', channelId: 'C0T' }, midnights('2026-11-01', '2026-12-01'), 'UTC')
        .then(([t]) => t!),
    ).toEqual([]);
    await costs.remove(ACME, 'thread:1'); // twice is fine
  });

  it("leaves private channels out of the workspace's totals", async () => {
    const costs = createCostRepository(database.db);
    await costs.record(cost({ channelId: 'G0SECRET', channelPrivate: true, day: '2026-10-05' }));
    await costs.record(cost({ channelId: 'C0PUB', day: '2026-10-05' }));
    const all = await costs
      .totals(ACME, { kind: 'public_channels' }, midnights('2026-10-01', '2026-11-01'), 'UTC')
      .then(([t]) => t!);
    expect(all.map((t) => t.events)).toEqual([1]);
    const own = await costs
      .totals(ACME, { kind: 'channel', channelId: 'G0SECRET' }, midnights('2026-10-01', '2026-11-01'), 'UTC')
      .then(([t]) => t!);
    expect(own.map((t) => t.events)).toEqual([1]);
  });
});

describe('calendar subscriptions', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('hands each due feed to one replica only, and not again until it is due', async () => {
    const calendars = createCalendarSubscriptionRepository(database.db);
    for (let i = 0; i < 6; i++) await calendars.subscribe(ACME, `C0${i}`, `https://cal.example.com/${i}.ics`, 'U0ANA');
    const now = new Date('2026-11-18T10:00:00Z');
    const claim = () =>
      calendars.claimDue(now, new Date(now.getTime() - 45 * 60_000), new Date(now.getTime() + 600_000), 4);
    const [a, b] = await Promise.all([claim(), claim()]);
    const ids = [...a, ...b].map((f) => f.id);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    expect(await claim()).toEqual([]);
    for (const feed of a)
      await calendars.finishSync(feed.id, now, { problem: null, problemReported: false, meetingsRecorded: 1 });
    // Synced just now, or still claimed by the other replica: nothing is due.
    expect(await claim()).toEqual([]);
    const later = new Date(now.getTime() + 3_600_000);
    const next = await calendars.claimDue(
      later,
      new Date(later.getTime() - 45 * 60_000),
      new Date(later.getTime() + 600_000),
      10,
    );
    expect(next).toHaveLength(6);
  });
});

describe('totals over consecutive periods', () => {
  it('splits one read into the periods its edges name', async () => {
    const database = await createTestDatabase();
    try {
      const costs = createCostRepository(database.db);
      for (const day of ['2026-11-01', '2026-11-07', '2026-11-08', '2026-11-14', '2026-11-15'])
        await costs.record(cost({ day }));
      const weeks = await costs.totals(
        ACME,
        { kind: 'channel', channelId: 'C0A' },
        midnights('2026-11-01', '2026-11-08', '2026-11-15', '2026-11-22'),
        'UTC',
      );
      expect(weeks.map((w) => w.map((t) => t.events))).toEqual([[2], [2], [1]]);
    } finally {
      await database.close();
    }
  });
});

describe('periods cut to the instant', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  /** A meeting recorded as the app records it: its day is its instant's day in Berlin. */
  const meetingAt = (iso: string, channelId: string, personHours = 1) => {
    const occurredAt = new Date(iso);
    return cost({
      channelId,
      occurredAt,
      day: dayIn(occurredAt, BERLIN),
      personHours,
      sourceKey: `${channelId}:${iso}`,
    });
  };
  const BERLIN = 'Europe/Berlin';
  const hoursOf = (totals: { personHours: number }[]) => totals.reduce((sum, t) => sum + t.personHours, 0);

  it("gives a Friday 16:00 digest Friday's morning meeting and the next one its evening meeting", async () => {
    const costs = createCostRepository(database.db);
    await costs.record(meetingAt('2026-11-20T08:00:00Z', 'C0FRI', 1)); // 09:00 in Berlin
    await costs.record(meetingAt('2026-11-20T17:00:00Z', 'C0FRI', 2)); // 18:00
    await costs.record(meetingAt('2026-11-23T09:00:00Z', 'C0FRI', 4)); // the Monday after
    const runs = ['2026-11-13T15:00:00Z', '2026-11-20T15:00:00Z', '2026-11-27T15:00:00Z'].map((iso) => new Date(iso));
    const [before, after] = await costs.totals(ACME, { kind: 'channel', channelId: 'C0FRI' }, runs, BERLIN);
    expect(hoursOf(before!)).toBe(1);
    expect(hoursOf(after!)).toBe(6);
    expect(after!.map((t) => t.events)).toEqual([2]);
  });

  it('counts a meeting of a minute ago in a period that ends now, within one day', async () => {
    const costs = createCostRepository(database.db);
    await costs.record(meetingAt('2026-11-24T13:59:00Z', 'C0NOW', 3));
    const [today] = await costs.totals(
      ACME,
      { kind: 'channel', channelId: 'C0NOW' },
      [new Date('2026-11-24T09:00:00Z'), new Date('2026-11-24T14:00:00Z')],
      BERLIN,
    );
    expect(hoursOf(today!)).toBe(3);
  });

  it('counts every cost once over consecutive periods wherever their edges fall', async () => {
    const costs = createCostRepository(database.db);
    const instants: string[] = [];
    for (let h = 0; h < 24 * 9; h += 5) instants.push(new Date(Date.UTC(2026, 10, 16, h, 30)).toISOString());
    for (const iso of instants) await costs.record(meetingAt(iso, 'C0ALL'));
    // Edges at a midnight in Berlin, inside days, two on one day, and one period shorter than a day.
    const edges = [
      '2026-11-15T23:00:00Z',
      '2026-11-17T10:00:00Z',
      '2026-11-17T20:00:00Z',
      '2026-11-18T23:00:00Z',
      '2026-11-21T06:15:00Z',
      '2026-11-21T09:45:00Z',
      '2026-11-26T00:00:00Z',
    ].map((iso) => new Date(iso));
    const periods = await costs.totals(ACME, { kind: 'channel', channelId: 'C0ALL' }, edges, BERLIN);
    const expected = edges
      .slice(1)
      .map((end, i) => instants.filter((iso) => new Date(iso) >= edges[i]! && new Date(iso) < end).length);
    expect(periods.map(hoursOf)).toEqual(expected);
    expect(expected.reduce((a, b) => a + b)).toBe(instants.filter((iso) => new Date(iso) < edges.at(-1)!).length);
  });
});
