import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectRelitigation } from '../../src/app/relitigation/detectRelitigation.js';
import type { Workspace } from '../../src/domain/workspace.js';
import type { DecisionContent } from '../../src/domain/decision.js';
import type { Database } from '../../src/storage/database.js';
import { createDecisionRepository } from '../../src/storage/decisionRepository.js';
import { rowsOf } from '../../src/storage/insertDecisions.js';
import { createRelitigationIndex } from '../../src/storage/relitigationIndex.js';
import { aNewDecision } from '../support/decisions.js';
import { detector } from '../support/detector.js';
import { createTestDatabase } from '../support/testDatabase.js';

const WS: Workspace = { workspaceId: 'TTERMS', enterpriseId: null };
const OTHER_WS: Workspace = { workspaceId: 'TTERMS2', enterpriseId: null };
const CHANNEL = 'C0PUBLIC';

// Forty services that each chose Kafka over RabbitMQ, recorded twice in other words: eighty
// decisions that differ only by the service, more than any unranked pass would read.
const SERVICES = [
  'orders',
  'billing',
  'checkout',
  'search',
  'notifications',
  'identity',
  'inventory',
  'shipping',
  'payments',
  'analytics',
  'mobile',
  'catalog',
  'pricing',
  'reporting',
  'ledger',
  'invoicing',
  'onboarding',
  'scheduling',
  'loyalty',
  'subscriptions',
  'returns',
  'reviews',
  'chat',
  'warehouse',
  'geolocation',
  'experiments',
  'marketing',
  'partners',
  'fraud',
  'support',
  'media',
  'exports',
  'imports',
  'webhooks',
  'sessions',
  'permissions',
  'audit',
  'metering',
  'quotas',
  'referrals',
];
const WORDINGS = [
  (service: string) => `${service[0]!.toUpperCase()}${service.slice(1)} publishes its domain events on Kafka`,
  (service: string) => `Kafka is the event bus of ${service}; RabbitMQ rejected`,
];

describe('decision terms and retrieval among near-identical decisions', () => {
  let database: Database;
  const refs = new Map<string, number>();

  async function record(content: Partial<DecisionContent>, workspace = WS) {
    const input = aNewDecision({ workspace, content: {} });
    const { decision } = await createDecisionRepository(database.db).record({
      ...input,
      content: { ...input.content, rationale: '', alternatives: [], tags: [], ...content },
    });
    return decision;
  }

  /** decision_terms as the triggers left it, next to a count made from the decisions themselves. */
  async function termsDrift(workspaceId: string): Promise<unknown[]> {
    return rowsOf(
      await database.db.execute(sql`
        with recount as (
          select d.workspace_id, u.lexeme as term, count(*)::int as decisions, count(*) filter (where u.weights && '{A,B}')::int as in_names
          from decisions d, unnest(d.search) u where d.workspace_id = ${workspaceId} group by 1, 2
        ), kept as (select workspace_id, term, decisions, in_names from decision_terms where workspace_id = ${workspaceId})
        (select 'missing' as what, * from (select * from recount except select * from kept) a)
        union all
        (select 'extra', * from (select * from kept except select * from recount) b)`),
    );
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    await Promise.all(
      SERVICES.flatMap((service) =>
        WORDINGS.map(async (title, wording) => {
          const decision = await record({
            title: title(service),
            rationale:
              'Consumers must replay a week of events after a bad deploy. RabbitMQ was ruled out because the brokers eat a whole on-call rotation.',
            alternatives: ['RabbitMQ'],
          });
          refs.set(`${service}/${wording}`, decision.ref);
        }),
      ),
    );
    refs.set(
      'payments-rabbit',
      (
        await record({
          title: 'Refunds run on RabbitMQ queues',
          rationale: 'Kafka was ruled out for refunds: per-message acks matter more.',
          alternatives: ['Kafka'],
        })
      ).ref,
    );
    await record({ title: 'Orders publish their events on Kafka' }, OTHER_WS);
  });
  afterAll(async () => {
    await database.close();
  });

  it('counts, per workspace, the decisions carrying each word, and those naming it', async () => {
    const [row] = rowsOf<{ decisions: number; in_names: number }>(
      await database.db.execute(
        sql`select decisions, in_names from decision_terms where workspace_id = ${WS.workspaceId} and term = 'kafka'`,
      ),
    );
    expect(row).toEqual({
      decisions: SERVICES.length * WORDINGS.length + 1,
      in_names: SERVICES.length * WORDINGS.length + 1,
    });
    expect(await termsDrift(WS.workspaceId)).toEqual([]);
    expect(await termsDrift(OTHER_WS.workspaceId)).toEqual([]);
  });

  it('keeps the counts through edits, status changes and deletions', async () => {
    const scratch = await record({
      title: 'Zanzibar style permissions for the admin console',
      rationale: 'Auditors asked for it',
    });
    await database.db.execute(
      sql`update decisions set title = 'Cedar policies for the admin console' where id = ${scratch.id}`,
    );
    await database.db.execute(sql`update decisions set status = 'superseded' where id = ${scratch.id}`);
    expect(await termsDrift(WS.workspaceId)).toEqual([]);
    const zanzibar = rowsOf(
      await database.db.execute(
        sql`select 1 from decision_terms where workspace_id = ${WS.workspaceId} and term = 'zanzibar'`,
      ),
    );
    expect(zanzibar).toEqual([]);
    await database.db.execute(sql`delete from decisions where id = ${scratch.id}`);
    expect(await termsDrift(WS.workspaceId)).toEqual([]);
    const cedar = rowsOf(
      await database.db.execute(
        sql`select 1 from decision_terms where workspace_id = ${WS.workspaceId} and term = 'cedar'`,
      ),
    );
    expect(cedar).toEqual([]);
  });

  // The best reading, strong or weak: of two records of one service's decision, neither need be
  // sure enough to warn, but the service's must come first.
  const bestRef = async (text: string) => {
    const verdicts = await detectRelitigation({
      index: createRelitigationIndex(database.db),
      detector,
      workspace: WS,
      channelId: CHANNEL,
      text,
      sensitivity: 'high',
    });
    return verdicts[0]?.decision.ref ?? null;
  };
  const strongRef = async (text: string) => {
    const verdicts = await detectRelitigation({
      index: createRelitigationIndex(database.db),
      detector,
      workspace: WS,
      channelId: CHANNEL,
      text,
      sensitivity: 'normal',
    });
    return verdicts.find((v) => v.tier === 'strong')?.decision.ref ?? null;
  };

  it('names a decision of the service the message is about, among eighty that differ only by it', async () => {
    const ofService = (service: string) => [refs.get(`${service}/0`), refs.get(`${service}/1`)];
    expect(ofService('orders')).toContain(
      await bestRef('should we just switch orders from Kafka to RabbitMQ? the brokers eat a whole on-call rotation'),
    );
    expect(ofService('loyalty')).toContain(
      await bestRef('honestly, why not move loyalty events to RabbitMQ instead of Kafka?'),
    );
    expect(ofService('invoicing')).toContain(
      await bestRef('can we revisit Kafka for invoicing? RabbitMQ would be simpler'),
    );
  });

  it('does not name a decision the message agrees with', async () => {
    // Refunds already turned Kafka down and chose RabbitMQ: moving refunds to RabbitMQ reopens nothing of it.
    expect(await strongRef('should we switch refunds from Kafka to RabbitMQ?')).not.toBe(refs.get('payments-rabbit'));
  });
});
