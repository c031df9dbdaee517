import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/storage/insertDecisions.js';
import { detector } from '../support/detector.js';
import { FakeOpenAi } from '../support/fakeOpenAi.js';
import { viewSubmission } from '../support/slackPayloads.js';
import { TEAM, TestApp } from '../support/testApp.js';

const REOPENING = 'honestly should we just move orders to mongo? the schema keeps changing';
const MENTION_ONLY = 'the orders postgres migration failed on staging, looking into it';

let tsCounter = 1_700_100_000;
const nextTs = () => `${tsCounter++}.000200`;

function messageEvent(
  text: string,
  options: {
    channel?: string;
    ts?: string;
    threadTs?: string;
    user?: string;
    botId?: string;
    channelType?: string;
  } = {},
) {
  return {
    type: 'message',
    channel: options.channel ?? 'C0ORD',
    channel_type: options.channelType ?? 'channel',
    user: options.user ?? 'U0RAJ',
    text,
    ts: options.ts ?? nextTs(),
    ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
    ...(options.botId ? { bot_id: options.botId, subtype: 'bot_message' } : {}),
    event_ts: '1',
  };
}

function buttonClick(
  actionId: string,
  value: string,
  message: { ts: string; channel: string },
  responseId: string,
  app: TestApp,
) {
  return {
    type: 'block_actions',
    team: { id: TEAM, domain: 'acme' },
    user: { id: 'U0ANA', username: 'ana', team_id: TEAM },
    api_app_id: 'A0APP',
    channel: { id: message.channel, name: 'orders' },
    container: { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: false },
    message: { type: 'message', ts: message.ts, text: 'warning' },
    trigger_id: `trigger-${responseId}`,
    response_url: app.slack.responseUrl(responseId),
    actions: [{ type: 'button', action_id: actionId, block_id: 'b', value, action_ts: '1' }],
  };
}

/** Posts a message event and waits until the app has judged it (a judgement row, or a settled pause). */
async function say(
  app: TestApp,
  event: ReturnType<typeof messageEvent>,
  options: { eventId?: string; headers?: Record<string, string> } = {},
) {
  const response = await app.event(event, options);
  expect(response.status).toBe(200);
  await settle(app);
  return event;
}

/** Lets the app finish the work it does after acking (judging, posting). */
async function settle(app: TestApp) {
  await app.idle();
}

function warningsIn(app: TestApp) {
  return app.slack.callsOf('chat.postMessage').filter((c) => String(c.params.text).startsWith('This reopens'));
}

describe('the relitigation watcher', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ now: () => new Date('2026-11-22T10:00:00Z') });
    app.slack.privateChannels.add('G0SECRET');
    await app.command(
      'Orders stay on Postgres instead of MongoDB because refunds need multi-row transactions #orders',
      { channel: 'C0ORD' },
    );
    await app.command(
      'Feature flags stay homegrown in Postgres instead of LaunchDarkly because the seat pricing is too high #flags',
      { channel: 'G0SECRET' },
    );
    await app.slack.waitFor('chat.postMessage', 2);
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => app.slack.reset());

  it('replies once, in the thread, when a message reopens a recorded decision', async () => {
    const event = await say(app, messageEvent(REOPENING));
    const warnings = warningsIn(app);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.params.thread_ts).toBe(event.ts);
    expect(warnings[0]!.params.channel).toBe('C0ORD');
    const blocks = JSON.stringify(warnings[0]!.params.blocks);
    expect(blocks).toContain('Orders stay on Postgres');
    expect(blocks).toContain('MongoDB');
    expect(blocks).toContain('Not a reopening');
    // It says why: the words the message shares with the decision.
    expect(blocks).toMatch(/Why I think so: [^"]*\*orders\*/);
    // It pings nobody: the deciders are shown by "View", not mentioned at every warning.
    expect(blocks).not.toMatch(/<@U/);
    // The judgement records the model that made it.
    const judged = await app.database.db.execute(
      sql`select model_version from relitigation_judgements where message_ts = ${event.ts}`,
    );
    expect(rowsOf<{ model_version: string }>(judged).map((r) => r.model_version)).toContain(detector.model.version);

    // Slack redelivers the same event: never a second warning.
    await say(app, event, {
      eventId: 'EvRETRY',
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    await say(app, event, {
      eventId: 'EvRETRY',
      headers: { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' },
    });
    // The thread argues on: still one warning per thread and decision.
    await say(
      app,
      messageEvent('yeah mongo would be so much simpler for orders, can we switch?', { threadTs: event.ts }),
    );
    expect(warningsIn(app)).toHaveLength(1);
  });

  it('stays quiet on a message that only mentions the decision, and on bots', async () => {
    await say(app, messageEvent(MENTION_ONLY, { channel: 'C0OTHER1' }));
    await say(app, messageEvent(REOPENING, { channel: 'C0OTHER1', botId: 'B0OTHER' }));
    expect(warningsIn(app)).toHaveLength(0);
  });

  it('judges an edit once more', async () => {
    const original = await say(app, messageEvent('thinking about the orders schema today', { channel: 'C0EDIT' }));
    expect(warningsIn(app)).toHaveLength(0);
    await say(app, {
      type: 'message',
      subtype: 'message_changed',
      channel: 'C0EDIT',
      channel_type: 'channel',
      ts: nextTs(),
      message: { type: 'message', user: 'U0RAJ', text: REOPENING, ts: original.ts, edited: { user: 'U0RAJ', ts: '2' } },
      previous_message: { type: 'message', user: 'U0RAJ', text: original.text, ts: original.ts },
      event_ts: '2',
    } as any);
    const warnings = warningsIn(app);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.params.thread_ts).toBe(original.ts);
  });

  it('keeps a cooling period per channel and decision, not across channels', async () => {
    await say(app, messageEvent(REOPENING, { channel: 'C0COOL' }));
    await say(app, messageEvent(REOPENING, { channel: 'C0COOL' }));
    expect(warningsIn(app)).toHaveLength(1);
    await say(app, messageEvent(REOPENING, { channel: 'C0COOL2' }));
    expect(warningsIn(app)).toHaveLength(2);
  });

  it('is silent where the channel turned it off', async () => {
    const off = await app.command('watch off', { channel: 'C0QUIET' });
    expect(off.body.text).toContain('off');
    await say(app, messageEvent(REOPENING, { channel: 'C0QUIET' }));
    expect(warningsIn(app)).toHaveLength(0);
    const shown = await app.command('watch', { channel: 'C0QUIET' });
    expect(shown.body.text).toContain('off');
    const bad = await app.command('watch loud', { channel: 'C0QUIET' });
    expect(bad.body.text).toContain('/decide watch off|low|normal|high');
  });

  it('quotes nothing of the workspace into a channel shared with another organisation', async () => {
    app.slack.externallyShared.add('C0PARTNER');
    await say(app, messageEvent(REOPENING, { channel: 'C0PARTNER' }));
    expect(warningsIn(app)).toHaveLength(0);
    for (const text of ['search postgres', 'list #orders', 'show D-1']) {
      expect(JSON.stringify((await app.command(text, { channel: 'C0PARTNER' })).body)).not.toContain(
        'Orders stay on Postgres',
      );
    }
    // Shared later: Slack's event says so at once, whatever conversations.info said before.
    expect(JSON.stringify((await app.command('search postgres', { channel: 'C0LATERSHARED' })).body)).toContain(
      'Orders stay on Postgres',
    );
    const shared = await app.event({
      type: 'channel_shared',
      connected_team_id: 'T0PARTNER',
      channel: 'C0LATERSHARED',
      event_ts: '1764000000.000200',
    });
    expect(shared.status).toBe(200);
    await app.idle();
    expect(JSON.stringify((await app.command('search postgres', { channel: 'C0LATERSHARED' })).body)).not.toContain(
      'Orders stay on Postgres',
    );
    // Made private as well: it stays shared with the other organisation, and still sees nothing else.
    await app.event({
      type: 'message',
      subtype: 'channel_convert_to_private',
      user: 'U0ANA',
      text: 'made this channel *private*.',
      channel: 'C0LATERSHARED',
      channel_type: 'group',
      ts: '1764000000.000300',
      event_ts: '1764000000.000300',
    });
    await app.idle();
    expect(JSON.stringify((await app.command('search postgres', { channel: 'C0LATERSHARED' })).body)).not.toContain(
      'Orders stay on Postgres',
    );
    // Its own decisions it sees, and is warned about.
    await app.command('Partner invoices go through Stripe instead of wire transfers #billing', {
      channel: 'C0PARTNER',
    });
    await app.slack.waitFor('chat.postMessage');
    expect(JSON.stringify((await app.command('search stripe', { channel: 'C0PARTNER' })).body)).toContain(
      'Partner invoices go through Stripe',
    );
  });

  it('matches a private-channel decision only in its own channel, and nothing across workspaces', async () => {
    const flags =
      'LD renewal quote came in at $48k, should we just move feature flags to LaunchDarkly anyway? homegrown flags keep breaking';
    await say(app, messageEvent(flags, { channel: 'C0PUBLIC2' }));
    expect(warningsIn(app)).toHaveLength(0);
    await say(app, messageEvent(flags, { channel: 'G0SECRET', channelType: 'group' }));
    expect(warningsIn(app)).toHaveLength(1);
    await app.event(messageEvent(REOPENING, { channel: 'C0ORD' }), { team: 'T0STRANGER' });
    await settle(app);
    expect(warningsIn(app)).toHaveLength(1);
  });

  it('"Not a reopening" is stored, answered in place, and keeps the thread quiet', async () => {
    const event = await say(app, messageEvent(REOPENING, { channel: 'C0DISMISS' }));
    const [warning] = warningsIn(app);
    const dismiss = warning!.params.blocks.at(-1).elements.find((e: any) => e.action_id === 'warning_dismiss');
    await app.interact(
      buttonClick('warning_dismiss', dismiss.value, { ts: '1700.1', channel: 'C0DISMISS' }, 'dismiss', app),
    );
    await settle(app);
    const [updated] = app.responses('dismiss');
    expect(updated!.params.replace_original).toBe(true);
    expect(JSON.stringify(updated!.params.blocks)).toContain('marked this not a reopening');
    // A double click changes nothing.
    await app.interact(
      buttonClick('warning_dismiss', dismiss.value, { ts: '1700.1', channel: 'C0DISMISS' }, 'dismiss', app),
    );
    await settle(app);
    expect(app.responses('dismiss')).toHaveLength(1);
    // The same decision argued again in that thread: quiet.
    await say(
      app,
      messageEvent('really though, mongo for orders? can we revisit?', { channel: 'C0DISMISS', threadTs: event.ts }),
    );
    expect(warningsIn(app)).toHaveLength(1);
  });

  it('"View" shows the record privately; "Reopen" asks what is new and puts the decision under review', async () => {
    const event = await say(app, messageEvent(REOPENING, { channel: 'C0REOPEN' }));
    const [warning] = warningsIn(app);
    const buttons = warning!.params.blocks.at(-1).elements;
    const value = buttons[0].value;

    await app.interact(buttonClick('warning_view', value, { ts: '1800.1', channel: 'C0REOPEN' }, 'view', app));
    await settle(app);
    const [view] = app.responses('view');
    expect(view!.params.response_type).toBe('ephemeral');
    expect(JSON.stringify(view!.params.blocks)).toContain('History');

    await app.interact(buttonClick('warning_reopen', value, { ts: '1800.1', channel: 'C0REOPEN' }, 'reopen', app));
    const [open] = await app.slack.waitFor('views.open');
    const form = open!.params.view;
    expect(form.callback_id).toBe('reopen_decision');
    const submit = (whatIsNew: string, id: string) =>
      app.interact(viewSubmission(form, { what_is_new: whatIsNew }, id));
    const empty = await submit('   ', 'V0R1');
    expect(empty.body.errors.what_is_new).toContain('what is new');
    // Superseding it from here is refused on the field: it belongs to the channel that recorded it.
    const elsewhere = await app.interact(
      viewSubmission(form, { what_is_new: 'Schema churn', new_decision: 'Orders move to MongoDB' }, 'V0R1B'),
    );
    expect(elsewhere.body.errors.new_decision).toContain('was recorded in <#C0ORD>: supersede it there');
    await submit('Schema churn: 4 migrations this sprint <!channel>', 'V0R2');
    await settle(app);
    const note = app.slack.callsOf('chat.postMessage').find((c) => String(c.params.text).includes('reopened D-'));
    expect(note!.params.thread_ts).toBe(event.ts);
    expect(note!.params.text).not.toContain('<!channel>');
    const update = app.slack.callsOf('chat.update').at(-1);
    expect(JSON.stringify(update!.params.blocks)).toContain('under review');

    // Under review: a reopening elsewhere is not flagged.
    app.slack.reset();
    await say(app, messageEvent(REOPENING, { channel: 'C0ELSEWHERE' }));
    expect(warningsIn(app)).toHaveLength(0);
    const list = await app.command('search postgres', { channel: 'C0ORD' });
    expect(JSON.stringify(list.body.blocks)).toContain('Orders stay on Postgres');

    // "Keep D-n as is" closes the review: the watcher speaks up about it again.
    const keep = update!.params.blocks.at(-1).elements.find((e: any) => e.action_id === 'warning_keep');
    await app.interact(buttonClick('warning_keep', keep.value, { ts: '1800.1', channel: 'C0REOPEN' }, 'keep', app));
    await settle(app);
    expect(JSON.stringify(app.responses('keep')[0]!.params.blocks)).toContain('closed the review and kept it');
    await say(app, messageEvent(REOPENING, { channel: 'C0AFTERKEEP' }));
    expect(warningsIn(app)).toHaveLength(1);
  });
});

describe('the relitigation watcher with an LLM endpoint', () => {
  let app: TestApp;
  let openai: FakeOpenAi;
  beforeAll(async () => {
    openai = await new FakeOpenAi().start();
    app = await TestApp.start({
      env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.baseUrl, OPENAI_TIMEOUT_MS: '300' },
    });
    await app.command(
      'Orders stay on Postgres instead of MongoDB because refunds need multi-row transactions #orders',
      { channel: 'C0ORD' },
    );
    await app.slack.waitFor('chat.postMessage');
  });
  afterAll(async () => {
    await app.stop();
    await openai.stop();
  });
  beforeEach(() => {
    app.slack.reset();
    openai.requests.length = 0;
    openai.reply = '{"reopens": true}';
    openai.embeddings = 'ok';
  });

  it('sends no message text anywhere until the workspace opts in', async () => {
    await say(app, messageEvent(REOPENING, { channel: 'C0LLM1' }));
    expect(warningsIn(app)).toHaveLength(1);
    expect(openai.requests).toHaveLength(0);
    const shown = await app.command('llm');
    expect(shown.body.text).toContain('judges offline');
  });

  it('lets only workspace admins turn the LLM on or off, and says so', async () => {
    app.slack.admins.clear();
    const refused = await app.command('llm on', { user: 'U0RAJ' });
    expect(refused.body.text).toContain('Only workspace admins and owners');
    expect(app.slack.callsOf('users.info')[0]!.params.user).toBe('U0RAJ');
    expect((await app.command('llm')).body.text).toContain('judges offline');
    // Slack could not say who they are: refused too, and says why.
    app.slack.failNext('users.info', { status: 500 });
    expect((await app.command('llm on', { user: 'U0RAJ' })).body.text).toContain("couldn't check with Slack");
    app.slack.admins.add('U0BOSS');
    expect((await app.command('llm on', { user: 'U0BOSS' })).body.text).toContain('now asks the LLM endpoint');
    expect((await app.command('llm off', { user: 'U0RAJ' })).body.text).toContain('Only workspace admins and owners');
    expect((await app.command('llm off', { user: 'U0BOSS' })).body.text).toContain('judges offline');
  });

  it('after opting in, asks the LLM and follows its answer', async () => {
    app.slack.admins.add('U0ANA');
    const on = await app.command('llm on');
    expect(on.body.text).toContain('sends the text of messages');
    expect(on.body.text).toContain('127.0.0.1');

    openai.reply = '{"reopens": false}';
    await say(app, messageEvent(REOPENING, { channel: 'C0LLM2' }));
    expect(warningsIn(app)).toHaveLength(0);
    expect(openai.embeddingRequests().length).toBeGreaterThan(0);
    expect(JSON.stringify(openai.chatRequests()[0].body.messages)).toContain('move orders to mongo');

    openai.reply = '{"reopens": true}';
    await say(app, messageEvent(REOPENING, { channel: 'C0LLM3' }));
    expect(warningsIn(app)).toHaveLength(1);
  });

  it('does not judge again, nor send to the LLM, an edit that left the words as they were', async () => {
    app.slack.admins.add('U0ANA');
    await app.command('llm on');
    openai.reply = '{"reopens": false}';
    const original = await say(app, messageEvent(REOPENING, { channel: 'C0LLM6' }));
    // Embeddings first, then the stance check (which a loaded machine may not reach in the budget).
    const asked = openai.requests.length;
    expect(asked).toBeGreaterThan(0);
    // Slack unfurled a link in it: same text, new attachments.
    await say(app, {
      type: 'message',
      subtype: 'message_changed',
      channel: 'C0LLM6',
      channel_type: 'channel',
      ts: nextTs(),
      hidden: true,
      message: {
        type: 'message',
        user: 'U0RAJ',
        text: REOPENING,
        ts: original.ts,
        attachments: [{ id: 1, title: 'unfurl' }],
      },
      previous_message: { type: 'message', user: 'U0RAJ', text: REOPENING, ts: original.ts },
      event_ts: nextTs(),
    } as any);
    expect(openai.requests).toHaveLength(asked);
    await app.command('llm off');
  });

  it('falls back to the offline judgement when the LLM hangs or fails', async () => {
    app.slack.admins.add('U0ANA');
    await app.command('llm on');
    openai.reply = 'hang';
    await say(app, messageEvent(REOPENING, { channel: 'C0LLM4' }));
    await new Promise((resolve) => setTimeout(resolve, 400));
    openai.embeddings = 500;
    await say(app, messageEvent(REOPENING, { channel: 'C0LLM5' }));
    expect(
      warningsIn(app)
        .map((w) => w.params.channel)
        .sort(),
    ).toEqual(['C0LLM4', 'C0LLM5']);
    await app.command('llm off');
  });
});
