import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SETTINGS_TOO_SLOW } from '../../src/slack/copy/costSettingsForm.js';
import { HOLDING } from '../../src/slack/copy/holding.js';
import { workspaces } from '../../src/storage/schema.js';
import { viewSubmission } from '../support/slackPayloads.js';
import { TestApp } from '../support/testApp.js';
import { WAIT_MS } from '../support/patience.js';

// Warnings and errors the app logs: a slow database must log no error (Bolt's "not acknowledged
// within 3 seconds", "ack called multiple times", a failed listener).
const logged: string[] = [];
const ERROR = 50; // pino's level number
const errorsLogged = () =>
  logged
    .map((line) => JSON.parse(line) as { level: number; msg: string })
    .filter((line) => line.level >= ERROR)
    .map((line) => line.msg);

describe('when the database is slower than Slack’s 3-second ack window', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ logs: { level: 'warn', lines: logged } });
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => {
    app.slack.reset();
    logged.length = 0;
  });

  it('acks with a holding message, then confirms through response_url and posts the card', async () => {
    await app.command('We start the ledger today #setup');
    await app.slack.waitFor('chat.postMessage');
    app.slack.reset();

    // Hold the workspace's ref counter, as a long transaction elsewhere would, for longer than the ack budget.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const locked = new Promise<void>((resolveLocked) => {
      void app.database.db.transaction(async (tx) => {
        await tx.select().from(workspaces).where(eq(workspaces.workspaceId, 'T0001')).for('update');
        resolveLocked();
        await released;
        await tx.execute(sql`select 1`);
      });
    });
    await locked;

    const pending = app.command('We record decisions even when the database is slow #setup');
    const response = await pending.then(async (r) => {
      release();
      return r;
    });
    expect(response.status).toBe(200);
    expect(response.body.text).toContain('Saving your decision');
    const confirmations = await waitFor(() =>
      app.responses(response.responseId).filter((r) => /^Recorded D-\d+\.$/.test(r.params.text)),
    );
    expect(confirmations).toHaveLength(1);
    const [post] = await app.slack.waitFor('chat.postMessage');
    expect(post!.params.text).toContain('even when the database is slow');
    expect(errorsLogged()).toEqual([]);
  });

  it('answers list, search, show and supersede with a holding line in time, then with the answer through response_url', async () => {
    await app.command('Orders stay on Postgres because refunds need transactions #orders', { channel: 'C0SLOW' });
    const [card] = await app.slack.waitFor('chat.postMessage');
    const ref = refOf(card!.params.text);
    app.slack.reset();

    const slow = await slowTable(app, 'decisions');
    const [list, search, show, supersede] = await Promise.all([
      timed(app.command('list #orders', { channel: 'C0SLOW' })),
      timed(app.command('search refunds', { channel: 'C0SLOW' })),
      timed(app.command(`show D-${ref}`, { channel: 'C0SLOW' })),
      timed(
        app.command(`supersede D-${ref} Orders move to the ledger service because refunds moved there`, {
          channel: 'C0SLOW',
        }),
      ),
    ]).finally(slow.release);

    // Answered while the table was still locked (it is released once all four are in): no ack
    // waited for the database.
    for (const { response } of [list, search, show, supersede]) expect(response.status).toBe(200);
    expect(list!.response.body.text).toBe(HOLDING.lookUp);
    expect(search!.response.body.text).toBe(HOLDING.lookUp);
    expect(show!.response.body.text).toBe(HOLDING.lookUp);
    expect(supersede!.response.body.text).toBe(HOLDING.decision);

    for (const { response } of [list, search]) {
      const [answer] = await waitFor(() => app.responses(response.responseId));
      expect(answer!.params.response_type).toBe('ephemeral');
      expect(answer!.params.replace_original).toBe(false);
      expect(JSON.stringify(answer!.params.blocks)).toContain('Orders stay on Postgres');
    }
    const [shown] = await waitFor(() => app.responses(show!.response.responseId));
    expect(shown!.params.text).toBe(`D-${ref}`);
    expect(JSON.stringify(shown!.params.blocks)).toContain('<@U0ANA> recorded it');

    const [confirmed] = await waitFor(() => app.responses(supersede!.response.responseId));
    expect(confirmed!.params.text).toMatch(new RegExp(`^Recorded D-\\d+, superseding D-${ref}\\.$`));
    const [newCard] = await app.slack.waitFor('chat.postMessage');
    expect(JSON.stringify(newCard!.params.blocks)).toContain(`Supersedes D-${ref}`);
    await app.slack.waitFor('chat.update');

    await app.idle();
    expect(errorsLogged()).toEqual([]);
  });

  it('tells at once that the settings form cannot open when the settings take longer than Slack lets a form wait', async () => {
    const slow = await slowTable(app, 'cost_settings');
    const response = await app.command('settings', { channel: 'C0SLOW' }).finally(slow.release);
    expect(response.status).toBe(200);
    expect(response.body.text).toBe(SETTINGS_TOO_SLOW);
    await app.idle();
    // The command's trigger_id has expired by now: no views.open that Slack would refuse.
    expect(app.slack.callsOf('views.open')).toHaveLength(0);
    expect(errorsLogged()).toEqual([]);

    const quick = await app.command('settings', { channel: 'C0SLOW' });
    expect(quick.body).toBeNull();
    await app.slack.waitFor('views.open');
  });

  it('still answers in the ack itself once the database is quick again', async () => {
    const search = await app.command('search ledger service', { channel: 'C0SLOW' });
    expect(search.body.text).toBe('Decisions matching “ledger service”');
    expect(JSON.stringify(search.body.blocks)).toContain('Orders move to the ledger service');
    const watch = await app.command('watch high', { channel: 'C0SLOW' });
    expect(watch.body.text).toContain('Relitigation watch is now high');
    expect(app.slack.callsOf('response_url')).toHaveLength(0);
  });

  it('closes a submitted decision form within Slack’s budget when the save is slow, then posts the card — or says what was lost', async () => {
    const opened = await app.command('', { channel: 'C0SLOW', triggerId: 'trigger-slow-form' });
    expect(opened.status).toBe(200);
    const [open] = await app.slack.waitFor('views.open');
    const submit = (title: string, viewId: string) =>
      timed(
        app.interact(
          viewSubmission(open!.params.view, { title, rationale: 'the form must not hang', channel: 'C0SLOW' }, viewId),
        ),
      );

    let slow = await slowTable(app, 'decisions');
    const saved = await submit('We answer every form within three seconds', 'V0SLOW1').finally(slow.release);
    expect(saved.response.status).toBe(200);
    expect(saved.ms).toBeLessThan(3000);
    // An empty ack closes the form; the card is the answer.
    expect(saved.response.body).toBeNull();
    const [card] = await app.slack.waitFor('chat.postMessage');
    expect(JSON.stringify(card!.params.blocks)).toContain('We answer every form within three seconds');

    // The first card's place is saved after the card is seen: that write must not meet the held table.
    await app.idle();
    app.slack.reset();
    slow = await slowTable(app, 'decisions');
    const pending = submit('We keep forms honest about failures', 'V0SLOW2');
    await new Promise((resolve) => setTimeout(resolve, 2300));
    await slow.breakAndRelease();
    try {
      const lost = await pending;
      expect(lost.ms).toBeLessThan(3000);
      const [told] = await app.slack.waitFor('chat.postEphemeral');
      expect(told!.params.text).toContain("I couldn't save the decision you submitted");
      expect(told!.params.text).toContain('We keep forms honest about failures');
      expect(app.slack.callsOf('chat.postMessage')).toHaveLength(0);
    } finally {
      await app.database.db.execute(sql`alter table decisions_gone rename to decisions`);
    }
  });

  it('does not tell a user their card failed when it was posted and only its place could not be saved', async () => {
    const opened = await app.command('', { channel: 'C0SLOW', triggerId: 'trigger-card-place' });
    expect(opened.status).toBe(200);
    const [open] = await app.slack.waitFor('views.open');
    // The card is answered late; meanwhile the table it would be remembered in goes away.
    app.slack.slow('chat.postMessage', 500);
    const submitted = app.interact(
      viewSubmission(
        open!.params.view,
        { title: 'Cards are posted once', rationale: 'posting twice confuses people', channel: 'C0SLOW' },
        'V0CARDPLACE',
      ),
    );
    await app.slack.waitFor('chat.postMessage');
    await app.database.db.execute(sql`alter table decisions rename to decisions_gone`);
    try {
      expect((await submitted).status).toBe(200);
      await app.idle();
      expect(JSON.stringify(app.slack.callsOf('chat.postMessage')[0]!.params.blocks)).toContain(
        'Cards are posted once',
      );
      expect(app.slack.callsOf('chat.postEphemeral')).toHaveLength(0);
      expect(logged.map((line) => (JSON.parse(line) as { msg: string }).msg)).toContain(
        'a decision card was posted but where it went could not be saved',
      );
    } finally {
      await app.database.db.execute(sql`alter table decisions_gone rename to decisions`);
    }
  });

  it('tells the user through response_url, with their text back, when the database fails after the holding line', async () => {
    const slow = await slowTable(app, 'decisions');
    const text = 'supersede D-1 We keep every decision in the ledger because people forget';
    const [search, supersede] = await Promise.all([
      app.command('search ledger service', { channel: 'C0SLOW' }),
      app.command(text, { channel: 'C0SLOW' }),
    ]);
    expect(search.body.text).toBe(HOLDING.lookUp);
    expect(supersede.body.text).toBe(HOLDING.decision);
    // Whatever was waiting for the table fails once it is gone.
    await slow.breakAndRelease();
    try {
      const [searchFailed] = await waitFor(() => app.responses(search.responseId));
      expect(searchFailed!.params.text).toContain("I couldn't read the decision log");
      expect(searchFailed!.params.text).toContain('/decide search ledger service');
      const [supersedeFailed] = await waitFor(() => app.responses(supersede.responseId));
      expect(supersedeFailed!.params.text).toContain("I couldn't save that");
      expect(supersedeFailed!.params.text).toContain(text);
      expect(app.slack.callsOf('chat.postMessage')).toHaveLength(0);
      // The failures are logged — which also shows the log is really being watched in the tests above.
      expect(errorsLogged()).toEqual(
        expect.arrayContaining(['reading decisions failed', 'superseding a decision failed']),
      );
    } finally {
      await app.database.db.execute(sql`alter table decisions_gone rename to decisions`);
    }
  });
});

/**
 * Holds a table, as a long migration or a stuck transaction would: every statement on it waits (on
 * PGlite, every statement at all) until it is released — or, with breakAndRelease, fails because the
 * table has been renamed to `<table>_gone`.
 */
async function slowTable(
  app: TestApp,
  table: 'decisions' | 'cost_settings',
): Promise<{ release(): void; breakAndRelease(): Promise<void> }> {
  let finish!: (rename: boolean) => void;
  const finishing = new Promise<boolean>((resolve) => (finish = resolve));
  let committed!: Promise<void>;
  await new Promise<void>((locked) => {
    committed = app.database.db.transaction(async (tx) => {
      await tx.execute(sql`lock table ${sql.identifier(table)} in access exclusive mode`);
      locked();
      if (await finishing)
        await tx.execute(sql`alter table ${sql.identifier(table)} rename to ${sql.identifier(`${table}_gone`)}`);
    });
  });
  return {
    release: () => finish(false),
    breakAndRelease: async () => {
      finish(true);
      await committed;
    },
  };
}

async function timed<T>(pending: Promise<T>): Promise<{ response: T; ms: number }> {
  const started = Date.now();
  const response = await pending;
  return { response, ms: Date.now() - started };
}

function refOf(cardText: string): number {
  return Number(/^D-(\d+)/.exec(cardText)![1]);
}

async function waitFor<T>(probe: () => T[], timeoutMs = WAIT_MS): Promise<T[]> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = probe();
    if (found.length > 0) return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return probe();
}
