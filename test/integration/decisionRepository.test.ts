import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecisionRepository } from '../../src/app/decisions/ports.js';
import { createDecisionRepository } from '../../src/storage/decisionRepository.js';
import type { Database } from '../../src/storage/database.js';
import { aNewDecision, WORKSPACE } from '../support/decisions.js';
import { createTestDatabase } from '../support/testDatabase.js';

const OTHER_WORKSPACE = { workspaceId: 'T0OTHER', enterpriseId: null };
const page = { offset: 0, limit: 10 };
const everywhere = { kind: 'channel', channelId: 'C0ANY' } as const;

describe('decision repository', () => {
  let database: Database;
  let repo: DecisionRepository;
  beforeAll(async () => {
    database = await createTestDatabase();
    repo = createDecisionRepository(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  it('hands out sequential refs per workspace, independently for each workspace', async () => {
    const ws = { workspaceId: 'TREFS', enterpriseId: null };
    const other = { workspaceId: 'TREFS2', enterpriseId: null };
    const refs = [];
    for (let i = 0; i < 3; i++) refs.push((await repo.record(aNewDecision({ workspace: ws }))).decision.ref);
    expect(refs).toEqual([1, 2, 3]);
    expect((await repo.record(aNewDecision({ workspace: other }))).decision.ref).toBe(1);
  });

  it('returns the record exactly as it reads back', async () => {
    const ws = { workspaceId: 'TROUNDTRIP', enterpriseId: null };
    const { decision } = await repo.record(
      aNewDecision({
        workspace: ws,
        content: {
          title: 'Use <@U1|ana> &amp; co',
          revisitOn: '2027-01-31',
          alternatives: ['A', 'B'],
          deciders: ['U1', 'Jane Doe'],
        },
        source: {
          channelId: 'C9',
          channelPrivate: true,
          messageTs: '1.2',
          threadTs: '1.1',
          permalink: 'https://p',
          participants: ['U1'],
        },
      }),
    );
    expect(await repo.findByRef(ws, decision.ref, { kind: 'channel', channelId: 'C9' })).toEqual(decision);
  });

  it('gives concurrent writes distinct, gap-free refs', async () => {
    const ws = { workspaceId: 'TCONCURRENT', enterpriseId: null };
    const results = await Promise.all(Array.from({ length: 12 }, () => repo.record(aNewDecision({ workspace: ws }))));
    expect(results.map((r) => r.decision.ref).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
  });

  it('writes concurrent decisions of several workspaces together, each workspace numbered on its own', async () => {
    const spaces = ['TMULTI1', 'TMULTI2', 'TMULTI3'].map((workspaceId) => ({ workspaceId, enterpriseId: null }));
    const inputs = Array.from({ length: 15 }, (_, i) =>
      aNewDecision({ workspace: spaces[i % 3]!, content: { title: `Multi ${i}` } }),
    );
    const results = await Promise.all(inputs.map((input) => repo.record(input)));
    for (const space of spaces) {
      const refs = results.filter((r) => r.decision.workspaceId === space.workspaceId).map((r) => r.decision.ref);
      expect(refs.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    }
    expect(results.every((r, i) => r.created && r.decision.title === `Multi ${i}`)).toBe(true);
  });

  it('records once per idempotency key, even when the same request races itself', async () => {
    const ws = { workspaceId: 'TIDEMPOTENT', enterpriseId: null };
    const input = aNewDecision({ workspace: ws, idempotencyKey: 'command:trigger-1' });
    const results = await Promise.all([repo.record(input), repo.record(input), repo.record(input)]);
    expect(new Set(results.map((r) => r.decision.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const listed = await repo.list(ws, { tag: null, status: null }, everywhere, page);
    expect(listed.total).toBe(1);
    expect(await repo.history(ws, results[0]!.decision.id)).toHaveLength(1);
  });

  it('keeps every row in its workspace', async () => {
    await repo.record(aNewDecision({ content: { title: 'Secret plan for workspace one' } }));
    const leaked = await repo.search(OTHER_WORKSPACE, 'secret plan', everywhere, page);
    expect(leaked.total).toBe(0);
    const own = await repo.findByRef(WORKSPACE, 1, everywhere);
    expect(own).not.toBeNull();
    expect(await repo.findByRef(OTHER_WORKSPACE, own!.ref, everywhere)).toBeNull();
  });

  it('shows a private-channel decision only in its channel, or to its author', async () => {
    const ws = { workspaceId: 'TPRIVATE', enterpriseId: null };
    const { decision } = await repo.record(
      aNewDecision({
        workspace: ws,
        createdBy: 'U0AUTHOR',
        content: { title: 'Acquire Initech quietly', tags: ['mna'], deciders: ['U0DECIDER'] },
        source: {
          channelId: 'G0SECRET',
          channelPrivate: true,
          messageTs: null,
          threadTs: null,
          permalink: null,
          participants: [],
        },
      }),
    );
    const inside = { kind: 'channel', channelId: 'G0SECRET' } as const;
    const outside = { kind: 'channel', channelId: 'C0GENERAL' } as const;
    expect(await repo.findByRef(ws, decision.ref, inside)).not.toBeNull();
    expect(await repo.findByRef(ws, decision.ref, outside)).toBeNull();
    expect((await repo.search(ws, 'initech', outside, page)).total).toBe(0);
    expect((await repo.list(ws, { tag: 'mna', status: null }, outside, page)).total).toBe(0);
    expect((await repo.search(ws, 'initech', { kind: 'user', userId: 'U0AUTHOR' }, page)).total).toBe(1);
    expect((await repo.search(ws, 'initech', { kind: 'user', userId: 'U0SOMEONE' }, page)).total).toBe(0);
    // A decider outside the channel does not see it in App Home either.
    expect(await repo.recentForUser(ws, 'U0DECIDER', 10)).toEqual([]);
    expect((await repo.recentForUser(ws, 'U0AUTHOR', 10)).map((d) => d.ref)).toEqual([decision.ref]);
  });

  it('searches by prefix and stem across title, rationale, alternatives and tags, best match first', async () => {
    const ws = { workspaceId: 'TSEARCH', enterpriseId: null };
    await repo.record(
      aNewDecision({
        workspace: ws,
        content: {
          title: 'We move billing to Stripe',
          rationale: 'Invoicing eats two days',
          alternatives: ['Chargebee'],
          tags: ['payments'],
        },
      }),
    );
    await repo.record(
      aNewDecision({
        workspace: ws,
        content: {
          title: 'Orders stay on Postgres',
          rationale: 'Refunds need transactions; Stripe webhooks are idempotent',
          alternatives: ['MongoDB'],
          tags: ['orders'],
        },
      }),
    );
    const stripe = await repo.search(ws, 'strip', everywhere, page);
    expect(stripe.items.map((d) => d.title)).toEqual(['We move billing to Stripe', 'Orders stay on Postgres']);
    expect((await repo.search(ws, 'mongodb', everywhere, page)).items.map((d) => d.title)).toEqual([
      'Orders stay on Postgres',
    ]);
    expect((await repo.search(ws, 'chargebee', everywhere, page)).total).toBe(1);
    expect((await repo.search(ws, 'invoices', everywhere, page)).total).toBe(1);
    expect((await repo.search(ws, "'); drop table decisions; --", everywhere, page)).total).toBe(0);
    expect((await repo.search(ws, '%', everywhere, page)).total).toBe(0);
  });

  it('lists by tag and status, newest first, with a total for paging', async () => {
    const ws = { workspaceId: 'TLIST', enterpriseId: null };
    for (let i = 0; i < 13; i++)
      await repo.record(
        aNewDecision({
          workspace: ws,
          content: {
            title: `Decision ${i}`,
            tags: i % 2 ? ['odd'] : ['even'],
            status: i < 3 ? 'proposed' : 'accepted',
          },
        }),
      );
    const first = await repo.list(ws, { tag: null, status: null }, everywhere, { offset: 0, limit: 10 });
    expect(first.total).toBe(13);
    expect(first.items[0]!.title).toBe('Decision 12');
    const second = await repo.list(ws, { tag: null, status: null }, everywhere, { offset: 10, limit: 10 });
    expect(second.items.map((d) => d.title)).toEqual(['Decision 2', 'Decision 1', 'Decision 0']);
    expect((await repo.list(ws, { tag: 'odd', status: null }, everywhere, page)).total).toBe(6);
    expect((await repo.list(ws, { tag: 'even', status: 'proposed' }, everywhere, page)).total).toBe(2);
  });

  it('supersedes both ways, keeps the old record, and refuses a second supersede of it', async () => {
    const ws = { workspaceId: 'TSUPERSEDE', enterpriseId: null };
    const { decision: old } = await repo.record(
      aNewDecision({ workspace: ws, content: { title: 'Deploy with cron' } }),
    );
    const outcome = await repo.supersede({
      ...aNewDecision({ workspace: ws, content: { title: 'Deploy with a queue' } }),
      ref: old.ref,
      viewer: everywhere,
    });
    expect(outcome.kind).toBe('superseded');
    if (outcome.kind !== 'superseded') return;
    expect(outcome.previous).toMatchObject({ status: 'superseded', supersededBy: { ref: outcome.current.ref } });
    expect(outcome.current).toMatchObject({ status: 'accepted', supersedes: { id: old.id, ref: old.ref } });
    expect(await repo.findByRef(ws, old.ref, everywhere)).toMatchObject({
      title: 'Deploy with cron',
      status: 'superseded',
    });
    const actions = (await repo.history(ws, old.id)).map((e) => e.action);
    expect(actions).toEqual(['created', 'superseded']);

    const again = await repo.supersede({ ...aNewDecision({ workspace: ws }), ref: old.ref, viewer: everywhere });
    expect(again.kind).toBe('already_superseded');
    expect(await repo.supersede({ ...aNewDecision({ workspace: ws }), ref: 999, viewer: everywhere })).toEqual({
      kind: 'not_found',
    });
  });

  it('lets only one of two racing supersedes of the same record win', async () => {
    const ws = { workspaceId: 'TSUPERRACE', enterpriseId: null };
    const { decision: old } = await repo.record(aNewDecision({ workspace: ws }));
    const outcomes = await Promise.all(
      [1, 2].map(() => repo.supersede({ ...aNewDecision({ workspace: ws }), ref: old.ref, viewer: everywhere })),
    );
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['already_superseded', 'superseded']);
  });

  it('a retried supersede returns the first result instead of failing', async () => {
    const ws = { workspaceId: 'TSUPERRETRY', enterpriseId: null };
    const { decision: old } = await repo.record(aNewDecision({ workspace: ws }));
    const input = {
      ...aNewDecision({ workspace: ws, idempotencyKey: 'command:retry' }),
      ref: old.ref,
      viewer: everywhere,
    };
    const first = await repo.supersede(input);
    const second = await repo.supersede(input);
    expect(first.kind).toBe('superseded');
    expect(second).toMatchObject({ kind: 'superseded', created: false });
  });

  it('finds a decision by the message it was logged from, and records its card once', async () => {
    const ws = { workspaceId: 'TSOURCE', enterpriseId: null };
    const { decision } = await repo.record(
      aNewDecision({
        workspace: ws,
        source: {
          channelId: 'C1',
          channelPrivate: false,
          messageTs: '1700.1',
          threadTs: '1700.0',
          permalink: 'https://x',
          participants: ['U1', 'U2'],
        },
      }),
    );
    expect((await repo.findBySourceMessage(ws, 'C1', '1700.1'))?.id).toBe(decision.id);
    expect(await repo.findBySourceMessage(ws, 'C2', '1700.1')).toBeNull();
    await repo.attachCard(ws, decision.id, { ts: '1800.1', permalink: 'https://card' });
    await repo.attachCard(ws, decision.id, { ts: '1800.1', permalink: 'https://card' });
    expect((await repo.findByRef(ws, decision.ref, everywhere))?.cardPermalink).toBe('https://card');
    expect((await repo.history(ws, decision.id)).map((e) => e.action)).toEqual(['created']);
  });
});
