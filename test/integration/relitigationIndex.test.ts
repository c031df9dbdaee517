import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectRelitigation } from '../../src/app/relitigation/detectRelitigation.js';
import { indexDecisions, reindexDecisions } from '../../src/app/relitigation/indexDecisions.js';
import type { RelitigationIndex } from '../../src/app/relitigation/ports.js';
import type { Workspace } from '../../src/domain/workspace.js';
import type { DecisionContent } from '../../src/domain/decision.js';
import { readMessage } from '../../src/domain/relitigation/judge.js';
import { messageQuery as queryOf } from '../../src/domain/relitigation/messageQuery.js';
import { reportReindexDue } from '../../src/detector/reportReindexDue.js';
import { createLogger } from '../../src/logger.js';
import type { Database } from '../../src/storage/database.js';
import { createDecisionRepository } from '../../src/storage/decisionRepository.js';
import { createRelitigationIndex } from '../../src/storage/relitigationIndex.js';
import { aNewDecision } from '../support/decisions.js';
import { detector } from '../support/detector.js';
import { createTestDatabase } from '../support/testDatabase.js';

const messageQuery = (text: string) => queryOf(readMessage(detector, text));
const VERSION = detector.model.version;

const WS: Workspace = { workspaceId: 'TRELIT', enterpriseId: null };
const OTHER_WS: Workspace = { workspaceId: 'TRELIT2', enterpriseId: null };
const PUBLIC = 'C0PUBLIC';
const SECRET = 'G0PRIVATE';
const FINANCE = 'C0FINANCE';

describe('relitigation index', () => {
  let database: Database;
  let index: RelitigationIndex;
  const refs: Record<string, number> = {};

  async function record(
    name: string,
    content: Partial<DecisionContent>,
    where: { workspace?: Workspace; channelId?: string; channelPrivate?: boolean } = {},
  ) {
    const repository = createDecisionRepository(database.db);
    const input = aNewDecision({
      workspace: where.workspace ?? WS,
      source: {
        channelId: where.channelId ?? PUBLIC,
        channelPrivate: where.channelPrivate ?? false,
        messageTs: null,
        threadTs: null,
        permalink: null,
        participants: [],
      },
    });
    // As recordDecision stores it: the record as given, and the model's index row beside it.
    const { decision } = await repository.record({
      ...input,
      content: { ...input.content, rationale: '', alternatives: [], tags: [], ...content },
    });
    await indexDecisions({ relitigation: index, detector }, input.workspace, [decision]);
    refs[name] = decision.ref;
    return decision;
  }

  const candidateRefs = async (text: string, channelId = PUBLIC, workspace = WS) =>
    (await index.candidates(workspace, channelId, messageQuery(text), 24, VERSION)).map((c) => c.ref);

  beforeAll(async () => {
    database = await createTestDatabase();
    index = createRelitigationIndex(database.db);
    await record('orders', {
      title: 'Orders service stays on Postgres; we will not adopt MongoDB',
      rationale: 'Refunds need multi-row transactions',
      alternatives: ['MongoDB'],
    });
    await record(
      'refunds',
      { title: 'Refund requests above 500 euros need a second approval' },
      { channelId: FINANCE },
    );
    await record('mobile', {
      title: 'Mobile apps stay on React Native; we are not doing native Swift/Kotlin rewrites',
    });
    await record('iac', { title: 'All cloud infrastructure is managed with Terraform in the infra-live repo' });
    await record(
      'secretChannel',
      { title: 'Payroll exports are encrypted with age before they leave the HR bucket' },
      { channelId: SECRET, channelPrivate: true },
    );
    await record(
      'otherWorkspace',
      { title: 'Payroll exports are encrypted with GPG before upload' },
      { workspace: OTHER_WS },
    );
    await record('superseded', { title: 'Payroll exports go out by SFTP nightly', status: 'superseded' });
    await record('underReview', { title: 'Payroll exports are zipped with a password' });
    await database.db.execute(
      sql`update decisions set under_review_since = now() where workspace_id = ${WS.workspaceId} and ref = ${refs.underReview!}`,
    );
  });
  afterAll(async () => {
    await database.close();
  });

  it('finds a decision by the words a message shares with it, best first', async () => {
    const refsFound = await candidateRefs('should we just move orders to mongo?');
    expect(refsFound[0]).toBe(refs.orders);
  });

  it('finds a decision by words near its own in meaning, through the index rows of the model judging', async () => {
    // Shares no word with the decision; recorded in another channel, so no channel fill either.
    const text = 'reimbursement limits feel arbitrary';
    expect(await candidateRefs(text, 'C0ELSEWHERE')).toContain(refs.refunds);
    const found = await index.candidates(WS, 'C0ELSEWHERE', messageQuery(text), 24, 'rd-another-model');
    expect(found.map((c) => c.ref)).not.toContain(refs.refunds);
  });

  it("fills free places with the channel's own recent decisions", async () => {
    expect(await candidateRefs('honestly this whole process feels slow', FINANCE)).toContain(refs.refunds);
    expect(await candidateRefs('honestly this whole process feels slow', 'C0ELSEWHERE')).not.toContain(refs.refunds);
  });

  it('says when a reindex is due, and a reindex builds the rows a new model needs', async () => {
    expect(await index.countUnindexed(VERSION)).toBe(0);
    await database.db.execute(
      sql`update decision_index set model_version = 'rd-older' where decision_id in (select id from decisions where workspace_id = ${WS.workspaceId})`,
    );
    const stale = await index.countUnindexed(VERSION);
    expect(stale).toBeGreaterThan(0);
    // What the app logs at start-up.
    const logged: { level: number; msg: string; unindexed?: number }[] = [];
    const logger = createLogger('info', { write: (line: string) => void logged.push(JSON.parse(line)) });
    await reportReindexDue({ relitigation: index, detector }, logger);
    expect(logged).toEqual([
      expect.objectContaining({ level: 40, unindexed: stale, msg: expect.stringContaining('npm run cli -- reindex') }),
    ]);
    expect(await candidateRefs('reimbursement limits feel arbitrary', 'C0ELSEWHERE')).not.toContain(refs.refunds);
    const progress: number[] = [];
    expect(await reindexDecisions({ relitigation: index, detector }, (done) => progress.push(done))).toBe(stale);
    expect(progress.at(-1)).toBe(stale);
    expect(await index.countUnindexed(VERSION)).toBe(0);
    expect(await candidateRefs('reimbursement limits feel arbitrary', 'C0ELSEWHERE')).toContain(refs.refunds);
    // Run again, it has nothing to do; start-up says the index is current.
    expect(await reindexDecisions({ relitigation: index, detector })).toBe(0);
    logged.length = 0;
    await reportReindexDue({ relitigation: index, detector }, logger);
    expect(logged).toEqual([expect.objectContaining({ level: 30, msg: 'relitigation index is current' })]);
  });

  it('finds a decision through a misspelt product name', async () => {
    const [candidate] = await index.candidates(
      WS,
      PUBLIC,
      messageQuery('can we stop using terrafrom here'),
      24,
      VERSION,
    );
    expect(candidate?.ref).toBe(refs.iac);
  });

  it('returns decisions as recorded, with their rejected alternatives and nothing inferred', async () => {
    const [candidate] = await index.candidates(WS, PUBLIC, messageQuery('mongodb for orders?'), 24, VERSION);
    expect(candidate).toMatchObject({
      ref: refs.orders,
      title: 'Orders service stays on Postgres; we will not adopt MongoDB',
      rationale: 'Refunds need multi-row transactions',
      alternatives: ['MongoDB'],
      aliases: [],
    });
  });

  it('offers a private channel decision only to messages in that channel', async () => {
    expect(await candidateRefs('payroll exports encrypted', SECRET)).toContain(refs.secretChannel);
    expect(await candidateRefs('payroll exports encrypted', PUBLIC)).not.toContain(refs.secretChannel);
    expect(await candidateRefs('payroll exports encrypted', 'C0ELSEWHERE')).not.toContain(refs.secretChannel);
  });

  it("never offers another workspace's decisions", async () => {
    const found = await index.candidates(
      WS,
      PUBLIC,
      messageQuery('payroll exports encrypted with gpg before upload'),
      24,
      VERSION,
    );
    expect(found.map((c) => c.title)).not.toContain('Payroll exports are encrypted with GPG before upload');
    const theirs = await index.candidates(
      OTHER_WS,
      PUBLIC,
      messageQuery('payroll exports encrypted with gpg before upload'),
      24,
      VERSION,
    );
    expect(theirs.map((c) => c.title)).toEqual(['Payroll exports are encrypted with GPG before upload']);
  });

  it('leaves out decisions that are not accepted or are under review', async () => {
    const found = await candidateRefs('payroll exports sftp nightly zipped password');
    expect(found).not.toContain(refs.superseded);
    expect(found).not.toContain(refs.underReview);
  });

  it('takes query syntax in a message as plain words', async () => {
    const text = "orders' | !mongo & (postgres:* <-> x) \\ :A";
    expect(await candidateRefs(text)).toContain(refs.orders);
    expect(await candidateRefs("o'brien \\\\ orders ) mongo (")).toContain(refs.orders);
  });

  it('returns nothing for a message with nothing to search', async () => {
    expect(await index.candidates(WS, PUBLIC, messageQuery(':tada: <@U1>'), 24, VERSION)).toEqual([]);
  });

  it('respects the limit', async () => {
    expect(
      (await index.candidates(WS, PUBLIC, messageQuery('orders mongo react native terraform payroll'), 2, VERSION))
        .length,
    ).toBeLessThanOrEqual(2);
  });

  it('finds the decision carrying most of what a message names, among many that carry some of it', async () => {
    // A large org's ledger: sixty teams chose the ELK stack over Splunk, forty decisions concern the
    // edge gateway, and one is the edge gateway's ELK decision, recorded last.
    const LEDGER: Workspace = { workspaceId: 'TRELITBIG', enterpriseId: null };
    const syllables = ['ka', 'lo', 'mi', 'ru', 'te', 'vo', 'zi', 'ne'];
    const teams = syllables.flatMap((a) => syllables.map((b) => `${a}${b}x`)).slice(0, 60);
    for (const team of teams)
      await record(
        `elk-${team}`,
        { title: `Team ${team} keeps its access logs on the ELK stack`, alternatives: ['Splunk'] },
        { workspace: LEDGER },
      );
    for (const team of teams.slice(0, 40))
      await record(
        `gateway-${team}`,
        { title: `Edge gateway routes for team ${team} go through Kong` },
        { workspace: LEDGER },
      );
    const meant = await record(
      'gateway-elk',
      { title: 'Edge gateway keeps its access logs on the ELK stack', alternatives: ['Splunk'] },
      { workspace: LEDGER },
    );
    const found = await index.candidates(
      LEDGER,
      PUBLIC,
      messageQuery('should we just switch edge gateway from the ELK stack to Splunk? ingestion lags by ten minutes'),
      12,
      VERSION,
    );
    expect(found.map((c) => c.ref)[0]).toBe(meant.ref);
  });

  it("keeps the candidates recorded in the message's channel among the best", async () => {
    const LEDGER: Workspace = { workspaceId: 'TRELITHERE', enterpriseId: null };
    // Recorded first: among equals, the oldest would otherwise come last.
    const ours = await record(
      'queue-ours',
      { title: 'Billing events go through Kafka, not SQS' },
      { workspace: LEDGER, channelId: 'C0BILLING' },
    );
    for (let i = 0; i < 20; i++)
      await record(
        `queue-${i}`,
        { title: 'Billing events go through Kafka, not SQS' },
        { workspace: LEDGER, channelId: 'C0PLATFORM' },
      );
    const found = await index.candidates(
      LEDGER,
      'C0BILLING',
      messageQuery('can we move billing events from kafka to sqs?'),
      12,
      VERSION,
    );
    expect(found).toHaveLength(12);
    expect(found[0]!.ref).toBe(ours.ref);
  });

  describe('detectRelitigation', () => {
    const detect = (text: string, channelId = PUBLIC) =>
      detectRelitigation({ index, detector, workspace: WS, channelId, text, sensitivity: 'normal' }).then((verdicts) =>
        verdicts.filter((v) => v.tier === 'strong').map((v) => [v.decision.ref, v.tier]),
      );

    it('warns about a message that reopens a decision, and not about one that only mentions it', async () => {
      expect(
        await detect(
          'honestly should we just move the orders service off postgres and onto mongodb? the schema keeps changing',
        ),
      ).toEqual([[refs.orders, 'strong']]);
      expect(await detect('the orders postgres migration failed on staging')).toEqual([]);
    });

    it('never warns about a private decision outside its channel', async () => {
      const text = 'can we stop encrypting payroll exports with age? it breaks the HR bucket sync';
      expect((await detect(text, SECRET)).map(([ref]) => ref)).toContain(refs.secretChannel);
      expect((await detect(text, PUBLIC)).map(([ref]) => ref)).not.toContain(refs.secretChannel);
    });
  });
});
