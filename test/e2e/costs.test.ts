import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/storage/insertDecisions.js';
import { blockKitViolations } from '../support/blockKitLimits.js';
import { viewSubmission } from '../support/slackPayloads.js';
import { TEAM, TestApp } from '../support/testApp.js';

// A Wednesday: the month and quarter around it are fixed, so every total is exact.
const NOW = new Date('2026-11-18T10:00:00Z');

async function costEvents(app: TestApp, channel?: string) {
  return rowsOf<{
    kind: string;
    person_hours: number;
    money: number;
    build_hours: number;
    title: string;
    channel_id: string;
  }>(
    await app.database.db.execute(
      sql`select kind, person_hours, money, build_hours, title, channel_id from cost_events where workspace_id = ${TEAM} ${channel ? sql`and channel_id = ${channel}` : sql``} order by id`,
    ),
  );
}

const answerText = (body: any): string => `${body?.text ?? ''}\n${JSON.stringify(body?.blocks ?? [])}`;

describe('coordination costs in Slack', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ now: () => NOW });
    app.slack.privateChannels.add('G0PRIV');
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => app.slack.reset());

  describe('/decide settings', () => {
    it('opens a form filled with the defaults, refuses bad numbers field by field, and saves what changed', async () => {
      await app.command('settings', { channel: 'C0ARCH' });
      const [opened] = await app.slack.waitFor('views.open');
      const view = opened!.params.view;
      expect(blockKitViolations(view.blocks, 'modal')).toEqual([]);
      const initial = (blockId: string) => view.blocks.find((b: any) => b.block_id === blockId)?.element;
      expect(initial('hourlyRate').initial_value).toBe('100');
      expect(initial('buildMultiplier').initial_value).toBe('1.2');
      expect(initial('timeZone').initial_value).toBe('UTC');
      expect(initial('workingDays').initial_options.map((o: any) => o.value)).toEqual(['1', '2', '3', '4', '5']);

      const refused = await app.interact(
        viewSubmission(view, {
          hourlyRate: '-5',
          currency: 'euro',
          timeZone: 'Mars/Olympus',
          workdayStart: '18:00',
          workdayEnd: '09:00',
          scope: 'channel',
        }),
      );
      expect(refused.body.response_action).toBe('errors');
      expect(Object.keys(refused.body.errors).sort()).toEqual(
        ['currency', 'hourlyRate', 'timeZone', 'workdayEnd'].sort(),
      );
      expect(refused.body.errors.hourlyRate).toMatch(/more than 0/);

      const saved = await app.interact(viewSubmission(view, { hourlyRate: '120', scope: 'channel' }));
      expect(saved.status).toBe(200);
      expect(saved.body).toBeNull();
      const [confirmation] = await app.slack.waitFor('chat.postEphemeral');
      expect(confirmation!.params.text).toContain('€120 per person-hour');
      const stored = rowsOf<{ channel_id: string; overrides: Record<string, unknown> }>(
        await app.database.db.execute(
          sql`select channel_id, overrides from cost_settings where workspace_id = ${TEAM}`,
        ),
      );
      // Only what differs from the workspace is the channel's own: the rest keeps following it.
      expect(stored).toEqual([{ channel_id: 'C0ARCH', overrides: { hourlyRate: 120 } }]);
    });
  });

  describe('/decide meeting', () => {
    it('shows 6 person-hours, €720 and 7.2 build-hours for 45 minutes × 8 people at €120, with its inputs, and records it once', async () => {
      const answer = await app.command('meeting 45m 8 architecture sync', {
        channel: 'C0ARCH',
        triggerId: 'trigger-meeting-1',
      });
      expect(answer.status).toBe(200);
      const text = answerText(answer.body);
      expect(text).toContain('6 person-hours');
      expect(text).toContain('€720');
      expect(text).toContain('≈ 7.2 build-hours forgone');
      expect(text).toContain('1.2× AI-accelerated build rate');
      expect(text).toContain('45 min × 8 people');
      expect(text).toContain('€120 per person-hour');
      expect(text).toMatch(/0\.84× to 2\.26×/);
      expect(blockKitViolations(answer.body.blocks, 'message')).toEqual([]);

      // Slack retrying the same invocation records nothing new.
      const again = await app.command('meeting 45m 8 architecture sync', {
        channel: 'C0ARCH',
        triggerId: 'trigger-meeting-1',
      });
      expect(answerText(again.body)).toContain('Already recorded');
      const events = await costEvents(app, 'C0ARCH');
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ kind: 'meeting', person_hours: 6, money: 720, title: 'architecture sync' });
      expect(events[0]!.build_hours).toBeCloseTo(7.2, 10);
    });

    it.each([
      ['meeting 0m 8 standup', /0 minutes/],
      ['meeting 25h 3 offsite', /longer than 24 hours/],
      ['meeting 45m 0 standup', /at least 1 attendee/],
      ['meeting 45m -3 standup', /at least 1 attendee/],
      ['meeting 45m eight standup', /whole number/],
      ['meeting 45', /How many people attended/],
      ['meeting 4x5 8 sync', /length/],
    ])('refuses "/decide %s" with a clear reason and stores nothing', async (text, reason) => {
      const before = (await costEvents(app)).length;
      const answer = await app.command(text, { channel: 'C0ARCH' });
      expect(answer.body.text).toMatch(reason);
      expect(answer.body.text).toContain('Nothing was recorded');
      expect(answer.body.text).toContain(`/decide ${text}`);
      expect(await costEvents(app)).toHaveLength(before);
    });

    it('records a decision that merely starts with the word meeting, as it did before the sub-command existed', async () => {
      const answer = await app.command('meeting notes live in Notion because everyone can find them there', {
        channel: 'C0ARCH',
      });
      expect(answer.status).toBe(200);
      const [card] = await app.slack.waitFor('chat.postMessage');
      expect(JSON.stringify(card!.params.blocks)).toContain('meeting notes live in Notion');
    });
  });

  describe('/decide costs', () => {
    it("sums this channel's costs for the period by kind, and the workspace's public channels with all", async () => {
      await app.command('meeting 1h 4 planning', { channel: 'C0ARCH' });
      await app.command('meeting 30m 2 secret sync', { channel: 'G0PRIV' });
      await app.command('meeting 2h 3 roadmap', { channel: 'C0OTHER' });

      const month = await app.command('costs month', { channel: 'C0ARCH' });
      const text = answerText(month.body);
      expect(text).toContain('Coordination costs — November 2026');
      // 45m × 8 at €120 (6 h, €720) + 1 h × 4 at €120 (4 h, €480)
      expect(text).toContain('*Meetings:* 2 meetings, 10 person-hours, €1,200, ≈ 12 build-hours forgone');
      expect(blockKitViolations(month.body.blocks, 'message')).toEqual([]);

      const all = answerText((await app.command('costs quarter all', { channel: 'C0ARCH' })).body);
      expect(all).toContain('Q4 2026');
      // C0ARCH's 10 h plus C0OTHER's 6 h at the default €100; the private channel's meeting is not in it.
      expect(all).toContain('*Meetings:* 3 meetings, 16 person-hours, €1,800');
      expect(all).not.toContain('secret');

      const privateOnly = answerText((await app.command('costs', { channel: 'G0PRIV' })).body);
      expect(privateOnly).toContain('*Meetings:* 1 meeting, 1 person-hour, €100');
    });

    it('says what to do when nothing was recorded, and explains its usage for arguments it does not know', async () => {
      expect(answerText((await app.command('costs week', { channel: 'C0EMPTY' })).body)).toContain(
        'Nothing recorded for this channel',
      );
      expect((await app.command('costs fortnight', { channel: 'C0EMPTY' })).body.text).toContain(
        '/decide costs [week|month|quarter]',
      );
    });
  });

  it("saves the workspace's own settings, which channels without settings of their own follow", async () => {
    await app.command('settings', { channel: 'C0WIDE' });
    const [opened] = await app.slack.waitFor('views.open');
    // A member may not: every channel without settings of its own would follow.
    app.slack.admins.clear();
    const refused = await app.interact(
      viewSubmission(opened!.params.view, { scope: 'workspace', hourlyRate: '999', currency: 'usd' }),
    );
    expect(refused.body).toMatchObject({
      response_action: 'errors',
      errors: { scope: expect.stringContaining('Only workspace admins and owners') },
    });
    expect((await app.command('meeting 1h 3 sync', { channel: 'C0WIDE' })).body.text).not.toContain('999');
    app.slack.admins.add('U0ANA');
    const saved = await app.interact(
      viewSubmission(opened!.params.view, { scope: 'workspace', hourlyRate: '80', currency: 'usd' }),
    );
    expect(saved.body).toBeNull();
    const answer = await app.command('meeting 1h 3 sync', { channel: 'C0WIDE' });
    expect(answer.body.text).toContain('$240');
    // The channel with its own rate keeps it, and takes the workspace's currency.
    const arch = await app.command('meeting 1h 1 pairing', { channel: 'C0ARCH' });
    expect(arch.body.text).toContain('$120');
  });
});
