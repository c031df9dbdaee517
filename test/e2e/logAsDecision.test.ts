import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeOpenAi } from '../support/fakeOpenAi.js';
import { viewSubmission as submission } from '../support/slackPayloads.js';
import { TEAM, TestApp } from '../support/testApp.js';

const NOW = new Date('2026-11-22T10:00:00Z');

function messageShortcut(message: { ts: string; thread_ts?: string; user: string; text: string }, channel = 'C0ORD') {
  return {
    type: 'message_action',
    callback_id: 'log_as_decision',
    trigger_id: `trigger-${message.ts}`,
    action_ts: '1700000999.000000',
    team: { id: TEAM, domain: 'acme' },
    user: { id: 'U0ANA', name: 'ana', team_id: TEAM },
    channel: { id: channel, name: 'orders' },
    message: { type: 'message', ...message },
    response_url: 'https://hooks.slack.invalid/unused',
    token: 'x',
  };
}

describe('"Log as decision" and the decision form', () => {
  let app: TestApp;
  let openai: FakeOpenAi;
  beforeAll(async () => {
    openai = await new FakeOpenAi().start();
    app = await TestApp.start({
      now: () => NOW,
      env: {
        OPENAI_API_KEY: 'sk-test',
        OPENAI_BASE_URL: openai.baseUrl,
        OPENAI_MODEL: 'test-model',
        OPENAI_TIMEOUT_MS: '400',
      },
    });
  });
  afterAll(async () => {
    await app.stop();
    await openai.stop();
  });
  beforeEach(() => {
    app.slack.reset();
    openai.requests.length = 0;
  });

  it('opens the form pre-filled from the thread, with its participants as deciders and an LLM draft', async () => {
    app.slack.threads.set('C0ORD:1700000100.000100', [
      { user: 'U0RAJ', text: 'should orders move to mongo? the schema keeps changing', ts: '1700000100.000100' },
      { user: 'U0ANA', text: 'refunds need multi-row transactions', ts: '1700000101.000100' },
      { bot_id: 'B0OTHER', text: 'CI passed', ts: '1700000102.000100' },
      { user: 'U0LEE', text: 'ok, we stay on Postgres', ts: '1700000103.000100' },
    ]);
    openai.reply = JSON.stringify({
      decision: 'Orders stay on Postgres',
      rationale: 'Refunds need multi-row transactions',
      alternatives: ['MongoDB'],
    });

    const response = await app.interact(
      messageShortcut({
        ts: '1700000103.000100',
        thread_ts: '1700000100.000100',
        user: 'U0LEE',
        text: 'ok, we stay on Postgres',
      }),
    );
    expect(response.status).toBe(200);
    const [open] = await app.slack.waitFor('views.update');
    const view = open!.params.view;
    const field = (id: string) => view.blocks.find((b: any) => b.block_id === id)?.element;
    expect(field('title').initial_value).toBe('Orders stay on Postgres');
    expect(field('rationale').initial_value).toBe('Refunds need multi-row transactions');
    expect(field('alternatives').initial_value).toBe('MongoDB');
    expect(field('context').initial_value).toBe('should orders move to mongo? the schema keeps changing');
    expect(field('deciders').initial_users).toEqual(['U0LEE', 'U0RAJ', 'U0ANA']);
    expect(JSON.stringify(view.blocks)).toContain('Drafted from the thread by an AI model');
    expect(openai.requests[0].body.model).toBe('test-model');
    expect(JSON.stringify(openai.requests[0].body.messages)).toContain('refunds need multi-row transactions');

    // Submitting records the decision with the thread's link, and posts the card.
    const submitted = await app.interact(submission(view, {}));
    expect(submitted.status).toBe(200);
    expect(submitted.body).toBeNull();
    const [post] = await app.slack.waitFor('chat.postMessage');
    expect(post!.params.channel).toBe('C0ORD');
    const card = JSON.stringify(post!.params.blocks);
    expect(card).toContain('Orders stay on Postgres');
    expect(card).toContain('MongoDB');
    // A reply's link opens it in its thread.
    expect(card).toContain(
      'https://acme.slack.com/archives/C0ORD/p1700000103000100?thread_ts=1700000100.000100&cid=C0ORD',
    );

    // The same message again shows the existing record instead of a new form.
    app.slack.reset();
    await app.interact(
      messageShortcut({
        ts: '1700000103.000100',
        thread_ts: '1700000100.000100',
        user: 'U0LEE',
        text: 'ok, we stay on Postgres',
      }),
    );
    const [again] = await app.slack.waitFor('views.update');
    expect(again!.params.view.title.text).toMatch(/^Already D-\d+$/);

    // And a second submission of the old form (double click, or a stale tab) creates nothing new.
    await app.interact(submission(view, {}, 'V0FORM2'));
    await app.slack.waitFor('chat.postEphemeral');
    expect(app.slack.callsOf('chat.postMessage')).toHaveLength(0);
    const list = await app.command('search postgres', { channel: 'C0ORD' });
    expect(list.body.blocks[0].text.text).toContain('1–1 of 1');
  });

  it('opens a loading form at once, while the trigger is fresh, and fills it in when the draft is ready', async () => {
    let release: (reply: string) => void = () => {};
    let asked = false;
    openai.reply = () =>
      new Promise<string>((resolve) => {
        asked = true;
        release = resolve;
      });
    await app.interact(messageShortcut({ ts: '1700000150.000100', user: 'U0RAJ', text: 'we pin node to 22 in CI' }));
    // The form is open, saying what it is doing, whatever the LLM does.
    const [open] = await app.slack.waitFor('views.open');
    expect(JSON.stringify(open!.params.view.blocks)).toContain('Reading the thread');
    expect(open!.params.trigger_id).toBeDefined();
    release(JSON.stringify({ decision: 'CI pins Node 22', rationale: 'one runtime everywhere', alternatives: [] }));
    const [update] = await app.slack.waitFor('views.update');
    expect(update!.params.view_id).toBeDefined();
    // The form itself, drafted when the LLM answered within its budget (on a loaded machine it may not have).
    const title = update!.params.view.blocks.find((b: any) => b.block_id === 'title').element.initial_value;
    expect(asked ? ['CI pins Node 22', 'we pin node to 22 in CI'] : ['we pin node to 22 in CI']).toContain(title);
    const order = app.slack.calls.map((c) => c.method).filter((m) => m === 'views.open' || m === 'views.update');
    expect(order).toEqual(['views.open', 'views.update']);
  });

  it('opens the form without the thread when Slack rate-limits thread reads, and nothing else waits for it', async () => {
    // Apps outside the Marketplace get one conversations.replies a minute.
    app.slack.failNext('conversations.replies', {
      status: 429,
      headers: { 'retry-after': '60' },
      body: { ok: false, error: 'ratelimited' },
    });
    await app.interact(
      messageShortcut({
        ts: '1700000170.000100',
        thread_ts: '1700000160.000100',
        user: 'U0RAJ',
        text: 'we tag releases with calver',
      }),
    );
    const [update] = await app.slack.waitFor('views.update');
    expect(update!.params.view.blocks.find((b: any) => b.block_id === 'deciders').element.initial_users).toEqual([
      'U0RAJ',
    ]);
    // Recording a decision right after asks conversations.info about a new channel and posts a
    // card: neither waits out the thread read's minute.
    await app.command('We tag releases with calver because dates tell support more', { channel: 'C0RELEASES' });
    const [card] = await app.slack.waitFor('chat.postMessage');
    expect(card!.params.channel).toBe('C0RELEASES');
    // Within the minute, the thread is not asked for again.
    app.slack.reset();
    await app.interact(
      messageShortcut({ ts: '1700000171.000100', thread_ts: '1700000160.000100', user: 'U0RAJ', text: 'calver it is' }),
    );
    await app.slack.waitFor('views.update');
    expect(app.slack.callsOf('conversations.replies')).toHaveLength(0);
  });

  it('says in the open form when it cannot fill it in, and nothing is recorded', async () => {
    app.slack.failNext('views.update', { body: { ok: false, error: 'hash_conflict' } });
    await app.interact(messageShortcut({ ts: '1700000180.000100', user: 'U0RAJ', text: 'we rotate on-call weekly' }));
    const updates = await app.slack.waitFor('views.update', 2);
    expect(JSON.stringify(updates[1]!.params.view.blocks)).toContain("I couldn't open the “Log as decision” form.");
    expect(updates[1]!.params.view.submit).toBeUndefined();
    expect(app.slack.callsOf('chat.postEphemeral')).toHaveLength(0);
    expect(app.slack.callsOf('chat.postMessage')).toHaveLength(0);
  });

  it('opens the form without a draft when the LLM hangs', async () => {
    openai.reply = 'hang';
    await app.interact(
      messageShortcut({ ts: '1700000200.000100', user: 'U0RAJ', text: 'we freeze deploys on fridays' }),
    );
    const [open] = await app.slack.waitFor('views.update');
    const view = open!.params.view;
    expect(view.blocks.find((b: any) => b.block_id === 'title').element.initial_value).toBe(
      'we freeze deploys on fridays',
    );
    expect(JSON.stringify(view.blocks)).not.toContain('Drafted');
    // conversations.replies failed (no such thread in the fake): the author is still offered.
    expect(view.blocks.find((b: any) => b.block_id === 'deciders').element.initial_users).toEqual(['U0RAJ']);
  });

  it('opens the form without a draft when the LLM answers nonsense or an error', async () => {
    openai.reply = 'this is not json';
    await app.interact(messageShortcut({ ts: '1700000300.000100', user: 'U0RAJ', text: 'first' }));
    openai.reply = 500;
    await app.interact(messageShortcut({ ts: '1700000301.000100', user: 'U0RAJ', text: 'second' }));
    const opens = await app.slack.waitFor('views.update', 2);
    for (const open of opens) expect(JSON.stringify(open.params.view.blocks)).not.toContain('Drafted');
  });

  it('returns field errors through the form and keeps what was typed', async () => {
    await app.command('', { channel: 'C0PUBLIC' });
    const [open] = await app.slack.waitFor('views.open');
    const view = open!.params.view;
    const response = await app.interact(
      submission(view, {
        title: '   ',
        tags: 'ok, not a tag!',
        revisit_on: '2026-01-01',
        alternatives: 'x'.repeat(10),
      }),
    );
    expect(response.status).toBe(200);
    expect(response.body.response_action).toBe('errors');
    expect(Object.keys(response.body.errors).sort()).toEqual(['revisit_on', 'tags', 'title']);
    expect(app.slack.callsOf('chat.postMessage')).toHaveLength(0);
  });

  it('records from the form with every field, escaping typed markup', async () => {
    await app.command('', { channel: 'C0PUBLIC' });
    const [open] = await app.slack.waitFor('views.open');
    const response = await app.interact(
      submission(open!.params.view, {
        title: 'Adopt <!channel> OpenTelemetry & drop StatsD',
        rationale: 'One pipeline for traces and metrics',
        context: 'Two agents per host',
        alternatives: '- Keep StatsD\n• Datadog agent only\n\n',
        deciders: ['U0ANA', 'U0RAJ'],
        tags: '#observability, infra',
        status: 'proposed',
        revisit_on: '2027-01-15',
      }),
    );
    expect(response.body).toBeNull();
    const [post] = await app.slack.waitFor('chat.postMessage');
    const card = JSON.stringify(post!.params.blocks);
    expect(card).toContain('Adopt &lt;!channel&gt; OpenTelemetry &amp; drop StatsD');
    expect(card).not.toContain('<!channel>');
    expect(card).toContain('Keep StatsD');
    expect(card).toContain('Datadog agent only');
    expect(card).toContain('Proposed');
    expect(card).toContain('#observability #infra');
    expect(card).toContain('revisit 2027-01-15');
    expect(card).toContain('<@U0RAJ>');
  });

  it('refuses a form whose hidden state was tampered with, recording nothing', async () => {
    await app.command('', { channel: 'C0PUBLIC' });
    const [open] = await app.slack.waitFor('views.open');
    const tampered = { ...open!.params.view, private_metadata: '{"origin":"modal","channelId":{"$gt":""}}' };
    const response = await app.interact(submission(tampered, { title: 'Sneaky decision' }, 'V0TAMPER'));
    expect(response.body.response_action).toBe('errors');
    expect(response.body.errors.title).toContain('out of date');
    expect(app.slack.callsOf('chat.postMessage')).toHaveLength(0);
  });

  it("ignores a shortcut payload whose message or channel is not of Slack's shape: no lookup, no form, no message", async () => {
    const statementsBefore = await app.metricValue('decision_ledger_db_queries_total');
    const malformed = [
      {
        ...messageShortcut({ ts: '1700000200.000100', user: 'U0ANA', text: 'we stay on Postgres' }),
        message: { type: 'message', text: 'no ts' },
      },
      {
        ...messageShortcut({ ts: '1700000200.000100', user: 'U0ANA', text: 'we stay on Postgres' }),
        channel: { name: 'no id' },
      },
      messageShortcut({
        ts: "1700000200.000100'; drop table decisions; --",
        user: 'U0ANA',
        text: 'we stay on Postgres',
      }),
    ];
    for (const payload of malformed) expect((await app.interact(payload)).status).toBe(200);
    await app.idle();
    expect(app.slack.calls.map((c) => c.method)).toEqual([]);
    expect(await app.metricValue('decision_ledger_db_queries_total')).toBe(statementsBefore);
  });

  it('the global shortcut asks for a channel and records there', async () => {
    await app.interact({
      type: 'shortcut',
      callback_id: 'new_decision',
      trigger_id: 'trigger-global',
      action_ts: '1',
      team: { id: TEAM, domain: 'acme' },
      user: { id: 'U0ANA', username: 'ana', team_id: TEAM },
      token: 'x',
    });
    const [open] = await app.slack.waitFor('views.open');
    const view = open!.params.view;
    const missing = await app.interact(submission(view, { title: 'Use pnpm everywhere' }, 'V0GLOBAL'));
    expect(missing.body.errors).toHaveProperty('channel');
    await app.interact(submission(view, { title: 'Use pnpm everywhere', channel: 'C0TOOLS' }, 'V0GLOBAL'));
    const [post] = await app.slack.waitFor('chat.postMessage');
    expect(post!.params.channel).toBe('C0TOOLS');
  });
});
