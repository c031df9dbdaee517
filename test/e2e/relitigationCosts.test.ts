import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/storage/insertDecisions.js';
import { TEAM, TestApp } from '../support/testApp.js';

const NOW = new Date('2026-11-18T12:00:00Z');
// Slack timestamps of the thread: the reopening at 10:00, replies 5, 10 and 70 minutes later.
const at = (minutes: number) => `${Date.UTC(2026, 10, 18, 10, minutes) / 1000}.000100`;

function message(text: string, ts: string, user: string, threadTs?: string) {
  return {
    type: 'message',
    channel: 'C0ORD',
    channel_type: 'channel',
    user,
    text,
    ts,
    event_ts: ts,
    ...(threadTs ? { thread_ts: threadTs } : {}),
  };
}

async function settle(app: TestApp) {
  await app.idle();
}

async function threadCosts(app: TestApp) {
  return rowsOf<{ person_hours: number; money: number; decision_ref: number; inputs: Record<string, unknown> }>(
    await app.database.db.execute(
      sql`select person_hours, money, decision_ref, inputs from cost_events where workspace_id = ${TEAM} and kind = 'relitigation'`,
    ),
  );
}

describe('what relitigating a decision costs', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ now: () => NOW });
    await app.command(
      'Orders stay on Postgres instead of MongoDB because refunds need multi-row transactions #orders',
      { channel: 'C0ORD' },
    );
    await app.slack.waitFor('chat.postMessage');
  });
  afterAll(async () => {
    await app.stop();
  });

  it('costs the warned thread as participants × active time from the reopening on, attributed to the decision', async () => {
    const root = at(0);
    await app.event(message('honestly should we just move orders to mongo? the schema keeps changing', root, 'U0RAJ'));
    await settle(app);
    expect(
      app.slack.callsOf('chat.postMessage').filter((c) => String(c.params.text).startsWith('This reopens')),
    ).toHaveLength(1);
    await app.event(message('we went through this in March, refunds need transactions', at(5), 'U0ANA', root));
    await app.event(message('but the schema churn is real', at(10), 'U0RAJ', root));
    await app.event(message('ok, let us bring numbers to the review', at(70), 'U0MEI', root));
    // A redelivered reply is one message.
    await app.event(message('ok, let us bring numbers to the review', at(70), 'U0MEI', root));
    await settle(app);

    const [cost] = await threadCosts(app);
    // 3 people × (2 min for the first message + 5 + 5 + min(60, 30)) = 3 × 42 min = 2.1 person-hours, at €100.
    expect(cost).toMatchObject({ decision_ref: 1, person_hours: 2.1, money: 210 });
    expect(cost!.inputs).toMatchObject({ participants: 3, messages: 4, gapCapMinutes: 30 });

    const report = JSON.stringify((await app.command('costs week', { channel: 'C0ORD' })).body.blocks);
    expect(report).toContain('*Relitigation threads:* 1 thread, 2.1 person-hours, €210');
    expect(report).toContain('*Decisions argued again:*');
    expect(report).toContain('D-1: 1 thread, 2.1 person-hours, €210');
  });

  it('takes the cost away when the warning is marked "Not a reopening"', async () => {
    const [judgement] = rowsOf<{ id: number; warning_ts: string }>(
      await app.database.db.execute(
        sql`select id, warning_ts from relitigation_judgements where workspace_id = ${TEAM} and outcome = 'warned'`,
      ),
    );
    const click = await app.interact({
      type: 'block_actions',
      team: { id: TEAM, domain: 'acme' },
      user: { id: 'U0ANA', username: 'ana', team_id: TEAM },
      api_app_id: 'A0APP',
      channel: { id: 'C0ORD', name: 'orders' },
      container: { type: 'message', message_ts: judgement!.warning_ts, channel_id: 'C0ORD', is_ephemeral: false },
      message: { type: 'message', ts: judgement!.warning_ts, text: 'warning' },
      trigger_id: 'trigger-dismiss',
      response_url: app.slack.responseUrl('dismiss'),
      actions: [
        { type: 'button', action_id: 'warning_dismiss', block_id: 'b', value: String(judgement!.id), action_ts: '1' },
      ],
    });
    expect(click.status).toBe(200);
    await settle(app);
    expect(await threadCosts(app)).toHaveLength(0);
    const report = JSON.stringify((await app.command('costs week', { channel: 'C0ORD' })).body.blocks);
    expect(report).not.toContain('Relitigation threads');
    // Replies after the dismissal add nothing back.
    await app.event(message('fine, staying on postgres', at(80), 'U0RAJ', at(0)));
    await settle(app);
    expect(await threadCosts(app)).toHaveLength(0);
  });

  it('counts a reopening made inside a thread that was chatting before, from the reopening on', async () => {
    const root = at(200);
    await app.event({ ...message('release notes for 4.2 are up', root, 'U0MEI'), channel: 'C0OPS' });
    await app.event({ ...message('thanks!', at(201), 'U0ANA', root), channel: 'C0OPS' });
    await settle(app);
    await app.event({
      ...message('honestly should we just move orders to mongo? the schema keeps changing', at(210), 'U0RAJ', root),
      channel: 'C0OPS',
    });
    await settle(app);
    await app.event({ ...message('no, refunds need transactions', at(215), 'U0ANA', root), channel: 'C0OPS' });
    await settle(app);
    const [cost] = rowsOf<{ person_hours: number; inputs: Record<string, unknown> }>(
      await app.database.db.execute(
        sql`select person_hours, inputs from cost_events where workspace_id = ${TEAM} and kind = 'relitigation' and channel_id = 'C0OPS'`,
      ),
    );
    // The reopening and the one reply after it: 2 people × (2 + 5 minutes).
    expect(cost!.inputs).toMatchObject({ participants: 2, messages: 2 });
    expect(cost!.person_hours).toBeCloseTo((2 * 7) / 60, 10);
  });

  it('does no database work for replies in a thread nobody was warned about, once it knows the channel', async () => {
    const root = at(300);
    await app.event({ ...message('lunch at noon?', root, 'U0MEI'), channel: 'C0LUNCH' });
    // The first reply reads which of the channel's threads have a standing warning.
    await app.event({ ...message('yes', at(301), 'U0ANA', root), channel: 'C0LUNCH' });
    await settle(app);
    const statementsBefore = await app.metricValue('decision_ledger_db_queries_total');
    for (let i = 0; i < 5; i++)
      await app.event({ ...message(`me too ${i}`, at(302 + i), 'U0RAJ', root), channel: 'C0LUNCH' });
    await settle(app);
    expect(await app.metricValue('decision_ledger_db_queries_total')).toBe(statementsBefore);
  });
});
