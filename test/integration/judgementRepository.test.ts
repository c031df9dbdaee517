import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewJudgement } from '../../src/app/relitigation/ports.js';
import type { Workspace } from '../../src/domain/workspace.js';
import type { Database } from '../../src/storage/database.js';
import { createDecisionRepository } from '../../src/storage/decisionRepository.js';
import { createJudgementRepository } from '../../src/storage/judgementRepository.js';
import { aNewDecision } from '../support/decisions.js';
import { createTestDatabase } from '../support/testDatabase.js';

const WS: Workspace = { workspaceId: 'TJUDGED', enterpriseId: null };
const CHANNEL = 'C0JUDGED';

describe('judgements: a message’s verdicts recorded in one statement', () => {
  let database: Database;
  let decisionIds: { id: string; ref: number }[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const decisions = createDecisionRepository(database.db);
    decisionIds = [];
    for (let i = 0; i < 3; i++) {
      const { decision } = await decisions.record(aNewDecision({ workspace: WS, idempotencyKey: `judged:${i}` }));
      decisionIds.push({ id: decision.id, ref: decision.ref });
    }
  });
  afterAll(async () => {
    await database.close();
  });

  /** A judgement of decision `d` for the message `messageTs` in the thread `threadTs`. */
  const judgement = (
    d: number,
    messageTs: string,
    threadTs: string,
    outcome: NewJudgement['outcome'],
  ): NewJudgement => ({
    workspace: WS,
    channelId: CHANNEL,
    messageTs,
    threadTs,
    author: 'U0RAJ',
    decisionId: decisionIds[d]!.id,
    decisionRef: decisionIds[d]!.ref,
    topic: 0.8,
    stance: 0.7,
    modelVersion: 'rd-test',
    tier: outcome === 'weak' ? 'weak' : 'strong',
    outcome,
    mode: 'offline',
  });

  it('returns each recorded row in the order given, and nothing for a redelivery', async () => {
    const repository = createJudgementRepository(database.db);
    const message = [
      judgement(0, '1700000100.000100', '1700000100.000100', 'warned'),
      judgement(1, '1700000100.000100', '1700000100.000100', 'weak'),
    ];
    const first = await repository.recordAll(message);
    expect(first.map((j) => j && { decisionId: j.decisionId, outcome: j.outcome })).toEqual([
      { decisionId: decisionIds[0]!.id, outcome: 'warned' },
      { decisionId: decisionIds[1]!.id, outcome: 'weak' },
    ]);
    // Slack delivering the same message again records nothing, so nothing is posted twice.
    expect(await repository.recordAll(message)).toEqual([null, null]);
  });

  it('keeps a message’s other judgements when its thread already has the warning', async () => {
    const repository = createJudgementRepository(database.db);
    const thread = '1700000200.000100';
    const [warned] = await repository.recordAll([judgement(0, thread, thread, 'warned')]);
    expect(warned?.outcome).toBe('warned');
    // A reply reopening the same decision (say, read by another replica before the first warning was
    // seen) may not warn again; its weak judgement of another decision is still recorded.
    const reply = await repository.recordAll([
      judgement(0, '1700000201.000100', thread, 'warned'),
      judgement(2, '1700000201.000100', thread, 'weak'),
    ]);
    expect(reply[0]).toBeNull();
    expect(reply[1]).toMatchObject({ decisionId: decisionIds[2]!.id, outcome: 'weak', threadTs: thread });
  });

  it('upgrades a quiet judgement to a warning when an edit makes the message reopen the decision', async () => {
    const repository = createJudgementRepository(database.db);
    const ts = '1700000300.000100';
    const [quiet] = await repository.recordAll([judgement(1, ts, ts, 'weak')]);
    const [edited] = await repository.recordAll([judgement(1, ts, ts, 'warned')]);
    expect(edited).toMatchObject({ id: quiet!.id, outcome: 'warned' });
    // …and an edit back to a quiet judgement leaves the warning as it is.
    expect(await repository.recordAll([judgement(1, ts, ts, 'weak')])).toEqual([null]);
  });
});
