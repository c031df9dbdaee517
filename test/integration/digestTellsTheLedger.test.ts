import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAdrs } from '../../src/app/adr/importAdrs.js';
import type { NewCostEvent } from '../../src/app/costs/ports.js';
import { recordMeeting } from '../../src/app/costs/recordMeeting.js';
import { reportCostsOver } from '../../src/app/costs/reportCosts.js';
import type { ConversationDirectory } from '../../src/app/decisions/ports.js';
import { type ComposedDigest, composeDigest } from '../../src/app/digests/composeDigest.js';
import { dayIn } from '../../src/domain/costs/days.js';
import type { CostKind, CostTotals } from '../../src/domain/costs/sums.js';
import type { Decision } from '../../src/domain/decision.js';
import {
  currentDigestPeriod,
  type DigestPeriod,
  type DigestSchedule,
  digestPeriodOf,
  latestRunAt,
  nextRunAt,
} from '../../src/domain/digest/schedule.js';
import type { Workspace } from '../../src/domain/workspace.js';
import { createAdrRepository } from '../../src/storage/adrRepository.js';
import { createCostRepository } from '../../src/storage/costRepository.js';
import { createCostSettingsRepository } from '../../src/storage/costSettingsRepository.js';
import type { Database } from '../../src/storage/database.js';
import { createDecisionRepository } from '../../src/storage/decisionRepository.js';
import { createDigestFactsRepository } from '../../src/storage/digestFactsRepository.js';
import { createJudgementRepository } from '../../src/storage/judgementRepository.js';
import { createRelitigationIndex } from '../../src/storage/relitigationIndex.js';
import { aNewDecision } from '../support/decisions.js';
import { detector } from '../support/detector.js';
import { prng } from '../support/prng.js';
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
const CHANNEL = 'C0LEDGER';
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'America/Santiago'];
const HOUR = 3_600_000;

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (random: Random, from: number, to: number) => from + Math.floor(random() * (to - from));

/** What the test itself wrote, the oracle the digest is held to. */
interface Ledger {
  costs: {
    kind: CostKind;
    at: Date;
    personHours: number;
    waitHours: number;
    money: number;
    buildHours: number;
    /** The decision a relitigation thread reopened. */
    decision?: { id: string; ref: number };
  }[];
  judgements: { at: Date; ref: number; outcome: 'warned' | 'weak'; feedback: 'reopened' | 'dismissed' | null }[];
}

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
    expect(b.chart.slice(0, -1)).toEqual(a.chart.slice(1));
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

function randomSchedule(random: Random, zone: string): DigestSchedule {
  const time = `${String(between(random, 0, 24)).padStart(2, '0')}:${String(between(random, 0, 60)).padStart(2, '0')}`;
  // Sometimes the schedule has a zone of its own, other than the channel's: edges are instants either way.
  const timeZone = random() < 0.3 ? pick(random, ZONES) : random() < 0.5 ? zone : null;
  const cadence = pick(random, ['daily', 'weekly', 'weekly', 'monthly'] as const);
  return {
    cadence,
    weekday: cadence === 'weekly' ? (between(random, 1, 8) as DigestSchedule['weekday']) : null,
    dayOfMonth: cadence === 'monthly' ? between(random, 1, 29) : null,
    time,
    timeZone,
  };
}

function source(channelId: string) {
  return { channelId, channelPrivate: false, messageTs: null, threadTs: null, permalink: null, participants: [] };
}

function meeting(workspace: Workspace, channelId: string, at: Date, zone: string, key: string): NewCostEvent {
  return {
    workspace,
    channelId,
    channelPrivate: false,
    kind: 'meeting',
    source: 'command',
    sourceKey: `noise:${key}`,
    occurredAt: at,
    day: dayIn(at, zone),
    title: 'noise',
    decision: null,
    personHours: 100,
    waitHours: 0,
    money: 10_000,
    buildHours: 120,
    currency: 'EUR',
    inputs: {},
    createdBy: null,
  };
}

/** Writes a random ledger through the app's own use cases and repositories; returns what it wrote. */
async function writeLedger(props: {
  random: Random;
  workspace: Workspace;
  zone: string;
  instant: () => Date;
  /** An instant inside the two digests' periods. */
  recent: () => Date;
  services: {
    decisions: ReturnType<typeof createDecisionRepository>;
    costs: ReturnType<typeof createCostRepository>;
    costSettings: ReturnType<typeof createCostSettingsRepository>;
    judgements: ReturnType<typeof createJudgementRepository>;
  };
  db: Database['db'];
}): Promise<Ledger> {
  const { random, workspace, zone, instant, recent, services, db } = props;
  const ledger: Ledger = { costs: [], judgements: [] };
  const madeAt = (id: string, at: Date) =>
    db.execute(sql`update decisions set created_at = ${at.toISOString()} where id = ${id}`);
  const date = () => dayIn(instant(), zone);

  // Decisions recorded in Slack (created_at is when), some superseded later, some due for revisit.
  const recorded: Decision[] = [];
  for (let i = between(random, 3, 10); i > 0; i--) {
    const revisitOn = random() < 0.4 ? date() : null;
    const { decision } = await services.decisions.record(
      aNewDecision({ workspace, source: source(CHANNEL), content: { decidedOn: date(), revisitOn } }),
    );
    const at = instant();
    await madeAt(decision.id, at);
    recorded.push({ ...decision, createdAt: at });
  }
  for (const older of recorded.filter(() => random() < 0.25)) {
    const outcome = await services.decisions.supersede({
      ...aNewDecision({ workspace, source: source(CHANNEL), origin: 'supersede' }),
      ref: older.ref,
      viewer: { kind: 'channel', channelId: CHANNEL },
    });
    if (outcome.kind !== 'superseded') throw new Error(`supersede: ${outcome.kind}`);
    await madeAt(outcome.current.id, new Date(older.createdAt.getTime() + random() * 10 * 24 * HOUR));
  }

  // A folder of ADRs: dated inside the periods, years ago, or not at all; imported at some instant.
  const files = Array.from({ length: between(random, 0, 7) }, (_, i) => {
    const dated = random();
    const when =
      dated < 0.4 ? date() : dated < 0.7 ? `20${between(random, 15, 24)}-0${between(random, 1, 10)}-1${i}` : null;
    const next = `${String(i + 2).padStart(4, '0')}-adr-${i + 1}.md`;
    const status = i === 0 && random() < 0.5 ? `"superseded by [${next}](${next})"` : 'accepted';
    return {
      path: `${String(i + 1).padStart(4, '0')}-adr-${i}.md`,
      text: `---\nstatus: ${status}\n${when ? `date: ${when}\n` : ''}---\n# Imported decision ${i}\n\nWhy ${i}.\n`,
    };
  });
  // Imported in two batches, mostly while the digests' periods run.
  const half = between(random, 0, files.length + 1);
  for (const batch of [files.slice(0, half), files.slice(half)].filter((b) => b.length > 0)) {
    await importAdrs({
      services: { adrs: createAdrRepository(db), relitigation: createRelitigationIndex(db), detector },
      workspace,
      channelId: CHANNEL,
      channelPrivate: false,
      files: batch,
      actor: 'ADR import',
    });
    const importedAt = random() < 0.8 ? recent() : instant();
    const paths = batch.map((f) => f.path);
    await db.execute(
      sql`update decisions set created_at = ${importedAt.toISOString()} where workspace_id = ${workspace.workspaceId} and import_path in (${sql.join(
        paths.map((p) => sql`${p}`),
        sql`, `,
      )})`,
    );
  }

  // Meetings, typed in or read from a calendar, as recordMeeting records them.
  const conversations = { isPrivate: async () => false } as unknown as ConversationDirectory;
  for (let i = between(random, 5, 25); i > 0; i--) {
    const at = instant();
    const result = await recordMeeting({
      services: { ...services, conversations, now: () => at },
      workspace,
      channelId: CHANNEL,
      meeting: { minutes: 15 * between(random, 1, 9), attendees: between(random, 1, 9), title: `m${i}` },
      source: 'command',
      sourceKey: `meeting:${i}`,
      userId: 'U0ANA',
    });
    const c = result.cost;
    ledger.costs.push({
      kind: 'meeting',
      at,
      personHours: c.totalPersonHours,
      waitHours: 0,
      money: c.money,
      buildHours: c.buildHoursForgone,
    });
  }

  // Review waits, counted when the first review came.
  for (let i = between(random, 0, 8); i > 0; i--) {
    const at = instant();
    const waitHours = between(random, 1, 40) / 4;
    await services.costs.record({
      ...meeting(workspace, CHANNEL, at, zone, `review:${i}`),
      kind: 'review_wait',
      source: 'github',
      personHours: 0,
      waitHours,
      money: 0,
      buildHours: 0,
    });
    ledger.costs.push({ kind: 'review_wait', at, personHours: 0, waitHours, money: 0, buildHours: 0 });
  }

  // Relitigation threads: a warning judged when the thread is seen, its cost growing as people reply.
  const targets = recorded.length > 0 ? recorded : [];
  for (let i = targets.length > 0 ? between(random, 0, 7) : 0; i > 0; i--) {
    const decision = pick(random, targets);
    const startedAt = instant();
    const threadTs = `${Math.floor(startedAt.getTime() / 1000)}.${String(i).padStart(6, '0')}`;
    let personHours = 0;
    for (let reply = between(random, 1, 4); reply > 0; reply--) {
      personHours += 0.25 * between(random, 1, 5);
      await services.costs.replace({
        ...meeting(workspace, CHANNEL, startedAt, zone, `thread:${threadTs}`),
        kind: 'relitigation',
        source: 'watcher',
        decision: { id: decision.id, ref: decision.ref },
        personHours,
        money: personHours * 100,
        buildHours: personHours * 1.2,
      });
    }
    ledger.costs.push({
      kind: 'relitigation',
      decision: { id: decision.id, ref: decision.ref },
      at: startedAt,
      personHours,
      waitHours: 0,
      money: personHours * 100,
      buildHours: personHours * 1.2,
    });
    const judgedAt = new Date(startedAt.getTime() + random() * 3 * HOUR);
    const feedback = pick(random, ['reopened', 'dismissed', null] as const);
    await judge(services.judgements, db, { workspace, decision, threadTs, outcome: 'warned', at: judgedAt, feedback });
    ledger.judgements.push({ at: judgedAt, ref: decision.ref, outcome: 'warned', feedback });
  }
  for (let i = targets.length > 0 ? between(random, 0, 5) : 0; i > 0; i--) {
    const decision = pick(random, targets);
    const at = instant();
    const threadTs = `${Math.floor(at.getTime() / 1000)}.9${String(i).padStart(5, '0')}`;
    await judge(services.judgements, db, { workspace, decision, threadTs, outcome: 'weak', at, feedback: null });
    ledger.judgements.push({ at, ref: decision.ref, outcome: 'weak', feedback: null });
  }
  return ledger;
}

async function judge(
  judgements: ReturnType<typeof createJudgementRepository>,
  db: Database['db'],
  j: {
    workspace: Workspace;
    decision: Decision;
    threadTs: string;
    outcome: 'warned' | 'weak';
    at: Date;
    feedback: 'reopened' | 'dismissed' | null;
  },
): Promise<void> {
  const [stored] = await judgements.recordAll([
    {
      workspace: j.workspace,
      channelId: CHANNEL,
      messageTs: j.threadTs,
      threadTs: j.threadTs,
      author: 'U0RAJ',
      decisionId: j.decision.id,
      decisionRef: j.decision.ref,
      topic: 0.8,
      stance: 0.7,
      tier: j.outcome === 'warned' ? 'strong' : 'weak',
      outcome: j.outcome,
      mode: 'offline',
      modelVersion: 'property',
    },
  ]);
  if (!stored) throw new Error('the judgement was not recorded');
  if (j.feedback) await judgements.giveFeedback(j.workspace, stored.id, j.feedback, 'U0ANA');
  await db.execute(sql`update relitigation_judgements set created_at = ${j.at.toISOString()} where id = ${stored.id}`);
}

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
