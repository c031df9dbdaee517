import { sql } from 'drizzle-orm';
import { importAdrs } from '../../src/app/adr/importAdrs.js';
import type { NewCostEvent } from '../../src/app/costs/ports.js';
import { recordMeeting } from '../../src/app/costs/recordMeeting.js';
import type { ConversationDirectory } from '../../src/app/decisions/ports.js';
import { dayIn } from '../../src/domain/costs/days.js';
import type { CostKind } from '../../src/domain/costs/sums.js';
import type { Decision } from '../../src/domain/decision.js';
import type { DigestSchedule } from '../../src/domain/digest/schedule.js';
import type { Workspace } from '../../src/domain/workspace.js';
import { createAdrRepository } from '../../src/storage/adrRepository.js';
import type { createCostRepository } from '../../src/storage/costRepository.js';
import type { createCostSettingsRepository } from '../../src/storage/costSettingsRepository.js';
import type { Database } from '../../src/storage/database.js';
import type { createDecisionRepository } from '../../src/storage/decisionRepository.js';
import type { createJudgementRepository } from '../../src/storage/judgementRepository.js';
import { createRelitigationIndex } from '../../src/storage/relitigationIndex.js';
import { aNewDecision } from './decisions.js';
import { detector } from './detector.js';

/**
 * Random ledgers for property tests, written through the app's own use cases and repositories
 * (meetings through recordMeeting, imports through importAdrs), with what was written kept aside
 * as the oracle the app's reports are held to.
 */

/** The channel every random ledger is written to. */
export const CHANNEL = 'C0LEDGER';
export const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'America/Santiago',
];
export const HOUR = 3_600_000;

export type Random = () => number;
export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
export const between = (random: Random, from: number, to: number) => from + Math.floor(random() * (to - from));

/** What the test itself wrote, the oracle the digest is held to. */
export interface Ledger {
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

export function randomSchedule(random: Random, zone: string): DigestSchedule {
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

export function source(channelId: string) {
  return { channelId, channelPrivate: false, messageTs: null, threadTs: null, permalink: null, participants: [] };
}

/** A cost recorded as the app records one, its day in the channel's zone. */
export function meeting(workspace: Workspace, channelId: string, at: Date, zone: string, key: string): NewCostEvent {
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
export async function writeLedger(props: {
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
