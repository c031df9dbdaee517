import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportCostsOver } from '../../src/app/costs/reportCosts.js';
import { type ComposedDigest, composeDigest } from '../../src/app/digests/composeDigest.js';
import type { CostKind, CostTotals } from '../../src/domain/costs/sums.js';
import type { Decision } from '../../src/domain/decision.js';
import {
  currentDigestPeriod,
  type DigestPeriod,
  digestPeriodOf,
  latestRunAt,
  nextRunAt,
} from '../../src/domain/digest/schedule.js';
import type { Workspace } from '../../src/domain/workspace.js';
import { createCostRepository } from '../../src/storage/costRepository.js';
import { createCostSettingsRepository } from '../../src/storage/costSettingsRepository.js';
import type { Database } from '../../src/storage/database.js';
import { createDecisionRepository } from '../../src/storage/decisionRepository.js';
import { createDigestFactsRepository } from '../../src/storage/digestFactsRepository.js';
import { createJudgementRepository } from '../../src/storage/judgementRepository.js';
import { aNewDecision } from '../support/decisions.js';
import { prng } from '../support/prng.js';
import {
  CHANNEL,
  HOUR,
  type Ledger,
  meeting,
  pick,
  randomSchedule,
  source,
  writeLedger,
  ZONES,
} from '../support/randomLedger.js';
import { createTestDatabase } from '../support/testDatabase.js';

/*
 * A property of digests: for a random ledger (decisions, supersedes, imports with and without
 * dates, meetings, review waits, relitigation threads and weaker matches, in a random zone) and a
 * random schedule, every number of a digest, of the next one, and of a preview between them equals
 * what the ledger itself says for the same [start, end): the cost report over that range, the
 * channel's decision list read by the period rule, and the events as they were recorded. A
 * failing seed reproduces with PROPERTY_SEEDS=<seed>.
 */

const SEEDS = process.env.PROPERTY_SEEDS
  ? process.env.PROPERTY_SEEDS.split(',').map(Number)
  : Array.from({ length: Number(process.env.PROPERTY_RUNS ?? 12) }, (_, i) => 2301 + i);

describe('a digest tells the same story as the ledger', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it.each(SEEDS)('for the random ledger and schedule of seed %i', async (seed) => {
    const random = prng(seed);
    const workspace: Workspace = { workspaceId: `T0P${seed}`, enterpriseId: null };
    const zone = pick(random, ZONES);
    const schedule = randomSchedule(random, zone);
    const db = database.db;
    const services = {
      decisions: createDecisionRepository(db),
      costs: createCostRepository(db),
      costSettings: createCostSettingsRepository(db),
      digestFacts: createDigestFactsRepository(db),
      judgements: createJudgementRepository(db),
    };
    await services.costSettings.save(workspace, null, { timeZone: zone }, 'U0ADMIN');

    // Two consecutive scheduled digests, and the ledger spread over their chart's eight periods
    // and a little beyond, with many instants close to the edges (where days are cut).
    const firstRun = latestRunAt(schedule, new Date(Date.UTC(2026, 9, 1) + random() * 90 * 24 * HOUR), zone);
    const first = digestPeriodOf(schedule, firstRun, zone);
    const second = digestPeriodOf(schedule, nextRunAt(schedule, firstRun, zone), zone);
    const edges = [...first.earlier, first.start, first.end, second.end];
    const span = { from: edges[0]!.getTime() - 2 * 24 * HOUR, to: second.end.getTime() + 2 * 24 * HOUR };
    const instant = () => {
      if (random() < 0.4) return new Date(pick(random, edges).getTime() + (random() - 0.5) * 6 * HOUR);
      return new Date(span.from + random() * (span.to - span.from));
    };
    const recent = () => new Date(first.start.getTime() + random() * (second.end.getTime() - first.start.getTime()));
    const ledger = await writeLedger({ random, workspace, zone, instant, recent, services, db });
    // Noise the digest must never count: another channel, and the same channel in another workspace.
    const elsewhere: Workspace = { workspaceId: `T0Q${seed}`, enterpriseId: null };
    await services.costs.record(meeting(elsewhere, CHANNEL, first.start, zone, 'elsewhere'));
    await services.costs.record(meeting(workspace, 'C0OTHER', first.start, zone, 'other'));
    await services.decisions.record(aNewDecision({ workspace: elsewhere, source: source(CHANNEL) }));

    const decisions = await services.decisions
      .list(workspace, { tag: null, status: null }, { kind: 'channel', channelId: CHANNEL }, { offset: 0, limit: 1000 })
      .then((page) => page.items.filter((d) => d.source.channelId === CHANNEL));
    const compose = (period: DigestPeriod) =>
      composeDigest({ services, workspace, channelId: CHANNEL, period: { ...period, label: 'property' } });
    const check = async (period: DigestPeriod, composed: ComposedDigest) => {
      const report = await reportCostsOver({
        services,
        workspace,
        channelId: CHANNEL,
        scope: 'channel',
        settings: composed.settings,
        period: { ...period, label: 'property' },
        previousStart: period.earlier.at(-1)!,
      });
      expectDigestToTellTheLedger({ composed, period, zone, ledger, decisions, report });
    };

    const [a, b] = await Promise.all([compose(first), compose(second)]);
    await check(first, a);
    await check(second, b);
    // Together the two digests count every cost once: the second's "period before" is the first.
    expectSameTotals(b.digest.costs.previous, a.digest.costs.current);
    const bars = (chart: ComposedDigest['chart']) =>
      chart.map((bar) => [bar.label, round(bar.meeting), round(bar.review_wait), round(bar.relitigation)]);
    expect(bars(b.chart).slice(0, -1)).toEqual(bars(a.chart).slice(1));
    expectSameTotals(
      sumTotals([a.digest.costs.current, b.digest.costs.current]),
      oracleTotals(ledger, { start: first.start, end: second.end }),
    );
    // A preview made while the second period runs counts that period so far, from the first run on.
    const now = new Date(second.start.getTime() + random() * (second.end.getTime() - second.start.getTime()));
    const previewPeriod = currentDigestPeriod(schedule, now, schedule.timeZone ?? zone);
    expect(previewPeriod.start).toEqual(second.start);
    await check(previewPeriod, await compose(previewPeriod));
  });
});

// ─── the oracle ───

const within = (at: Date | null, period: { start: Date; end: Date }) =>
  at !== null && at >= period.start && at < period.end;

/** When a record counts as decided: when it was recorded, or, imported, its own date's first instant. */
function decidedAt(decision: Decision, zone: string): Date | null {
  if (decision.origin !== 'import') return decision.createdAt;
  return decision.decidedOn ? DateTime.fromISO(decision.decidedOn, { zone }).startOf('day').toJSDate() : null;
}

function oracleTotals(ledger: Ledger, period: { start: Date; end: Date }): CostTotals[] {
  const totals = new Map<CostKind, CostTotals>();
  for (const c of ledger.costs.filter((c) => within(c.at, period))) {
    const t = totals.get(c.kind) ?? {
      kind: c.kind,
      currency: 'EUR',
      events: 0,
      personHours: 0,
      waitHours: 0,
      mergedWaitHours: 0,
      openToMergeHours: 0,
      money: 0,
      buildHours: 0,
    };
    t.events += 1;
    t.personHours += c.personHours;
    t.waitHours += c.waitHours;
    t.money += c.money;
    t.buildHours += c.buildHours;
    totals.set(c.kind, t);
  }
  return [...totals.values()];
}

function sumTotals(lists: CostTotals[][]): CostTotals[] {
  const sums = new Map<string, CostTotals>();
  for (const t of lists.flat()) {
    const key = `${t.kind}:${t.currency}`;
    const s = sums.get(key);
    if (!s) sums.set(key, { ...t });
    else
      for (const field of [
        'events',
        'personHours',
        'waitHours',
        'mergedWaitHours',
        'openToMergeHours',
        'money',
        'buildHours',
      ] as const)
        s[field] += t[field];
  }
  return [...sums.values()];
}

/** The same totals, kind by kind; amounts equal to a part in a billion (sums of doubles in another order). */
function expectSameTotals(actual: CostTotals[], expected: CostTotals[]): void {
  const byKey = (list: CostTotals[]) =>
    Object.fromEntries(
      list.map((t) => [
        `${t.kind}:${t.currency}`,
        {
          events: t.events,
          personHours: round(t.personHours),
          waitHours: round(t.waitHours),
          money: round(t.money),
          buildHours: round(t.buildHours),
        },
      ]),
    );
  expect(byKey(actual)).toEqual(byKey(expected));
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

function expectDigestToTellTheLedger(props: {
  composed: ComposedDigest;
  period: DigestPeriod;
  zone: string;
  ledger: Ledger;
  decisions: Decision[];
  report: Awaited<ReturnType<typeof reportCostsOver>>;
}): void {
  const { composed, period, zone, ledger, decisions, report } = props;
  const { digest, chart } = composed;
  const refs = (list: { ref: number }[]) => list.map((d) => d.ref).sort((x, y) => x - y);

  // Decisions: the decision list read by the period rule.
  expect(refs(digest.decided)).toEqual(refs(decisions.filter((d) => within(decidedAt(d, zone), period))));
  expect(digest.imported).toBe(decisions.filter((d) => d.origin === 'import' && within(d.createdAt, period)).length);
  const byId = new Map(decisions.map((d) => [d.id, d]));
  const changed = decisions.filter((d) => {
    const successor = d.supersededBy ? byId.get(d.supersededBy.id) : undefined;
    return successor !== undefined && within(decidedAt(successor, zone), period);
  });
  expect(refs(digest.changed.map((c) => c.decision))).toEqual(refs(changed));
  const lastDay = (d: string) => DateTime.fromISO(d, { zone }).startOf('day').toJSDate() < period.end;
  expect(refs(digest.dueForRevisit)).toEqual(
    refs(decisions.filter((d) => d.status === 'accepted' && d.revisitOn !== null && lastDay(d.revisitOn))),
  );

  // Relitigation: the judgements made in the period.
  const judged = ledger.judgements.filter((j) => within(j.at, period));
  const warned = judged.filter((j) => j.outcome === 'warned');
  expect(digest.relitigation).toMatchObject({
    warned: warned.length,
    confirmed: judged.filter((j) => j.feedback === 'reopened').length,
    dismissed: judged.filter((j) => j.feedback === 'dismissed').length,
    weak: judged.filter((j) => j.outcome === 'weak').length,
  });
  const warnings = new Map<number, number>();
  for (const j of warned) warnings.set(j.ref, (warnings.get(j.ref) ?? 0) + 1);
  expect(digest.relitigation.byDecision.map((d) => [d.ref, d.warnings])).toEqual(
    [...warnings].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, 10),
  );

  // Costs: the cost report over the same range, and the events as recorded.
  expectSameTotals(digest.costs.current, report.totals);
  expectSameTotals(digest.costs.previous, report.previous);
  expectSameTotals(digest.costs.current, oracleTotals(ledger, period));
  expectSameTotals(digest.costs.previous, oracleTotals(ledger, { start: period.earlier.at(-1)!, end: period.start }));
  // The cost report's decisions argued again: the costliest relitigated decisions of the period.
  const argued = new Map<string, { decisionId: string; decisionRef: number; threads: number; money: number }>();
  for (const c of ledger.costs.filter((c) => c.decision && within(c.at, period))) {
    const d = argued.get(c.decision!.id) ?? {
      decisionId: c.decision!.id,
      decisionRef: c.decision!.ref,
      threads: 0,
      money: 0,
    };
    d.threads += 1;
    d.money += c.money;
    argued.set(d.decisionId, d);
  }
  expect(report.decisions.map((d) => ({ ...d, money: round(d.money) }))).toMatchObject(
    [...argued.values()]
      .sort((x, y) => y.money - x.money || (x.decisionId < y.decisionId ? -1 : 1))
      .slice(0, 5)
      .map((d) => ({ ...d, money: round(d.money) })),
  );

  // The chart: one bar per period, each the hours its own digest counted.
  const starts = [...period.earlier, period.start];
  expect(chart).toHaveLength(starts.length);
  chart.forEach((bar, k) => {
    const totals = oracleTotals(ledger, { start: starts[k]!, end: starts[k + 1] ?? period.end });
    const hours = (kind: CostKind) =>
      round(
        totals
          .filter((t) => t.kind === kind)
          .reduce((n, t) => n + (kind === 'review_wait' ? t.waitHours : t.personHours), 0),
      );
    expect([round(bar.meeting), round(bar.review_wait), round(bar.relitigation)]).toEqual([
      hours('meeting'),
      hours('review_wait'),
      hours('relitigation'),
    ]);
  });
}
