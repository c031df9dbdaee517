import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/storage/insertDecisions.js';
import { ACTION } from '../../src/slack/ids.js';
import { blockKitViolations } from '../support/blockKitLimits.js';
import { TEAM, TestApp } from '../support/testApp.js';

const OTHER_TEAM = 'T0OTHER';
const ADMIN = 'U0BOSS';
const MEMBER = 'U0ANA';

/** Rows per table of one workspace, over every table with a workspace_id column except the installation's. */
async function storedRows(app: TestApp, workspaceId: string): Promise<Record<string, number>> {
  const tables = rowsOf<{ table_name: string }>(
    await app.database.db.execute(sql`
      select table_name from information_schema.columns
      where column_name = 'workspace_id' and table_schema = current_schema() and table_name <> 'slack_installations'
      order by table_name`),
  ).map((r) => r.table_name);
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = rowsOf<{ n: number }>(
      await app.database.db.execute(
        sql`select count(*)::int as n from ${sql.identifier(table)} where workspace_id = ${workspaceId}`,
      ),
    );
    counts[table] = Number(row!.n);
  }
  return counts;
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** What Slack sends when someone clicks a button of the ephemeral confirmation. */
function click(app: TestApp, button: { action_id: string; value: string }, user: string, responseId: string) {
  return app.interact({
    type: 'block_actions',
    team: { id: TEAM, domain: 'acme' },
    user: { id: user, username: user.toLowerCase(), team_id: TEAM },
    api_app_id: 'A0APP',
    is_enterprise_install: false,
    channel: { id: 'C0ARCH', name: 'architecture' },
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'C0ARCH', is_ephemeral: true },
    trigger_id: `trigger-${responseId}`,
    response_url: app.slack.responseUrl(responseId),
    actions: [{ type: 'button', action_id: button.action_id, block_id: 'b', value: button.value, action_ts: '1' }],
  });
}

function buttons(body: any): { action_id: string; value: string; style?: string; confirm?: any }[] {
  return body.blocks.find((b: any) => b.type === 'actions').elements;
}

describe('/decide admin purge', () => {
  let app: TestApp;
  let confirmation: any;
  beforeAll(async () => {
    app = await TestApp.start();
    app.slack.on('users.info', (params) => ({
      ok: true,
      user: { id: params.user, is_admin: params.user === ADMIN, is_owner: false, is_primary_owner: false },
    }));
    for (const team of [TEAM, OTHER_TEAM]) {
      await app.command('We keep orders on Postgres because refunds need transactions #orders', {
        team,
        channel: 'C0ARCH',
      });
      await app.command('meeting 45m 8 architecture sync', { team, channel: 'C0ARCH' });
      await app.command('watch high', { team, channel: 'C0ARCH' });
      await app.command('digest weekly fri 16:00', { team, channel: 'C0ARCH' });
      await app.command('github acme/billing', { team, channel: 'C0ARCH' });
    }
    await app.idle();
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => app.slack.reset());

  it('refuses someone who is not a workspace admin, and deletes nothing', async () => {
    const before = await storedRows(app, TEAM);
    const answer = await app.command('admin purge', { user: MEMBER, channel: 'C0ARCH' });
    expect(answer.status).toBe(200);
    expect(answer.body.response_type).toBe('ephemeral');
    expect(answer.body.text).toBe(
      "Only workspace admins and owners can delete this workspace's Decision Ledger data. Nothing was deleted.",
    );
    expect(answer.body.blocks).toBeUndefined();
    expect(app.slack.callsOf('users.info')[0]!.params.user).toBe(MEMBER);
    expect(await storedRows(app, TEAM)).toEqual(before);
  });

  it('refuses politely when Slack will not say who is asking', async () => {
    app.slack.failNext('users.info', { body: { ok: false, error: 'missing_scope', needed: 'users:read' } });
    const answer = await app.command('admin purge', { user: ADMIN, channel: 'C0ARCH' });
    expect(answer.body.text).toContain(
      "I couldn't check with Slack that you are one of the workspace admins and owners, so nothing was deleted.",
    );
    expect(answer.body.text).toContain('users:read');
    expect(answer.body.blocks).toBeUndefined();
  });

  it('says there is nothing to delete in a workspace that stored nothing', async () => {
    const answer = await app.command('admin purge', { user: ADMIN, team: 'T0EMPTY', channel: 'C0ARCH' });
    expect(answer.body.text).toBe(
      'Decision Ledger has nothing stored for this workspace, so there is nothing to delete.',
    );
    expect(answer.body.blocks).toBeUndefined();
  });

  it('explains itself when typed without purge', async () => {
    const answer = await app.command('admin', { user: ADMIN, channel: 'C0ARCH' });
    expect(answer.body.text).toContain('`/decide admin purge` deletes everything');
    expect(app.slack.callsOf('users.info')).toEqual([]);
  });

  it('shows an admin what is stored, with a danger button behind a confirm dialog, and Cancel', async () => {
    const answer = await app.command('admin purge', { user: ADMIN, channel: 'C0ARCH' });
    confirmation = answer.body;
    expect(confirmation.response_type).toBe('ephemeral');
    expect(blockKitViolations(confirmation.blocks, 'message')).toEqual([]);
    const shown = JSON.stringify(confirmation.blocks);
    expect(shown).toContain('• 1 decision\\n');
    expect(shown).toContain('• 1 cost record\\n');
    expect(shown).toContain('• 1 channel or cost setting\\n');
    expect(shown).toContain('• 1 linked GitHub repository\\n');
    expect(shown).toContain('• 1 digest schedule');
    expect(shown).toContain('This cannot be undone');
    const [remove, cancel] = buttons(confirmation);
    expect(remove).toMatchObject({ action_id: ACTION.purgeConfirm, style: 'danger', value: TEAM });
    expect(remove!.confirm).toMatchObject({ style: 'danger', confirm: { text: 'Delete everything' } });
    expect(cancel).toMatchObject({ action_id: ACTION.purgeCancel });
  });

  it('deletes nothing on Cancel, and says so in place of the confirmation', async () => {
    const before = await storedRows(app, TEAM);
    await click(app, buttons(confirmation)[1]!, ADMIN, 'cancel');
    await app.idle();
    const [answer] = app.responses('cancel');
    expect(answer!.params).toMatchObject({ replace_original: true, text: 'Cancelled. Nothing was deleted.' });
    expect(await storedRows(app, TEAM)).toEqual(before);
  });

  it('checks the clicker again: a member clicking the button deletes nothing', async () => {
    const before = await storedRows(app, TEAM);
    await click(app, buttons(confirmation)[0]!, MEMBER, 'member-click');
    await app.idle();
    const [answer] = app.responses('member-click');
    expect(answer!.params.replace_original).toBe(false);
    expect(answer!.params.text).toContain('Only workspace admins and owners');
    expect(await storedRows(app, TEAM)).toEqual(before);
  });

  it("deletes the workspace's rows on a double click once, answers the second click calmly, and leaves the other workspace alone", async () => {
    const other = await storedRows(app, OTHER_TEAM);
    expect(total(other)).toBeGreaterThan(0);
    const [remove] = buttons(confirmation);
    const [first, second] = await Promise.all([
      click(app, remove!, ADMIN, 'click-1'),
      click(app, remove!, ADMIN, 'click-2'),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    await app.idle();
    const answers = [...app.responses('click-1'), ...app.responses('click-2')].map((r) => r.params);
    expect(answers).toHaveLength(2);
    const deleted = answers.find((a) => a.replace_original === true);
    const calm = answers.find((a) => a.replace_original === false);
    expect(deleted!.text).toMatch(/^Deleted this workspace's Decision Ledger data: 1 decision, 1 cost record/);
    expect(blockKitViolations(deleted!.blocks, 'message')).toEqual([]);
    expect(JSON.stringify(deleted!.blocks)).not.toContain(ACTION.purgeConfirm);
    expect(calm!.text).toBe("There is nothing left to delete: this workspace's Decision Ledger data is already gone.");

    const after = await storedRows(app, TEAM);
    expect(Object.entries(after).filter(([, n]) => n > 0)).toEqual([]);
    expect(await storedRows(app, OTHER_TEAM)).toEqual(other);
  });

  it('keeps working for the workspace afterwards: a new decision is D-1, and the next purge counts only it', async () => {
    const answer = await app.command('We adopt Renovate for dependency updates because manual bumps lag', {
      user: MEMBER,
      channel: 'C0ARCH',
    });
    expect(answer.status).toBe(200);
    await app.idle();
    const [card] = await app.slack.waitFor('chat.postMessage');
    expect(JSON.stringify(card!.params.blocks)).toContain('D-1');
    const decisions = rowsOf<{ ref: number; title: string }>(
      await app.database.db.execute(sql`select ref, title from decisions where workspace_id = ${TEAM}`),
    );
    expect(decisions).toEqual([{ ref: 1, title: 'We adopt Renovate for dependency updates' }]);

    const again = await app.command('admin purge', { user: ADMIN, channel: 'C0ARCH' });
    expect(again.body.text).toMatch(/\(1 decision, 1 message judged|\(1 decision\)/);
  });
});
