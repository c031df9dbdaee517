import { describe, expect, it } from 'vitest';
import { DEFAULT_COST_SETTINGS } from '../../../src/domain/costs/costSettings.js';
import { buildDigest } from '../../../src/domain/digest/buildDigest.js';
import { assumptions, MULTIPLIER_SOURCE } from '../../../src/slack/blocks/costFormat.js';
import { digestBlocks, digestText } from '../../../src/slack/blocks/digest.js';
import { blockKitViolations } from '../../support/blockKitLimits.js';
import { costs, decision, digestData, revisit } from './digestData.js';

const options = { settings: DEFAULT_COST_SETTINGS };
const texts = (blocks: any[]): string[] =>
  blocks.flatMap((b) => (b.type === 'context' ? b.elements.map((e: any) => e.text) : b.text ? [b.text.text] : []));
const totalText = (blocks: any[]) => texts(blocks).reduce((n, t) => n + t.length, 0);

describe('digest blocks', () => {
  it('keeps an empty week short and friendly, with no costs section when nothing was recorded', () => {
    const digest = buildDigest(digestData());
    const blocks = digestBlocks(digest, options) as any[];
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'section']);
    expect(blocks[0].text.text).toBe('Reflection digest — week to Fri 20 Nov 2026');
    expect(blocks[1].text.text).toBe(
      'Nothing was decided, changed or argued again in this channel over this period, and no revisit is due. When something is settled, `/decide <what was decided>` records it.',
    );
    expect(blocks[2].text.text).toBe(
      '*Reflection questions*\n1. No decisions were recorded this period: was anything settled in a meeting, a call or a DM that belongs in the ledger?\n2. What did the team argue about this period that never became a decision record?',
    );
    expect(digestText(digest)).toBe('Reflection digest — week to Fri 20 Nov 2026: a quiet one');
    expect(blockKitViolations(blocks, 'message')).toEqual([]);
  });

  it('says how many records were imported on a line of its own, never as decided', () => {
    const quiet = buildDigest(digestData({ imported: 38 }));
    expect(quiet.empty).toBe(true);
    const blocks = digestBlocks(quiet, options) as any[];
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'context', 'section']);
    expect(texts(blocks)[2]).toBe(
      '*38 records imported* from ADR files: each counts as decided in the period of its own date, not when it was imported. `/decide list` shows them.',
    );
    expect(digestText(quiet)).toBe('Reflection digest — week to Fri 20 Nov 2026: a quiet one, 38 records imported');

    const busy = buildDigest(digestData({ decided: [decision(40)], imported: 1 }));
    const busyBlocks = digestBlocks(busy, options) as any[];
    expect(texts(busyBlocks)[1]).toMatch(/^\*Decided \(1\)\*/);
    expect(texts(busyBlocks)[2]).toMatch(/^\*1 record imported\*/);
    expect(digestText(busy)).toContain('1 decided, ');
    expect(digestText(busy)).toMatch(/, 1 record imported$/);
    expect(blockKitViolations(busyBlocks, 'message')).toEqual([]);
  });

  it('still shows an empty week’s costs with their assumptions, in six blocks at most', () => {
    const digest = buildDigest(
      digestData({
        narrative: 'A calm week.',
        costs: { current: [costs('meeting', 6)], previous: [costs('meeting', 4)] },
      }),
    );
    const blocks = digestBlocks(digest, options) as any[];
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'section', 'context', 'section']);
    expect(blocks[1].text.text).toBe('A calm week.');
    expect(blocks[3].text.text).toBe(
      '*Coordination cost*\n• *Meetings:* 2 meetings, 6 person-hours, €600, ≈ 7.2 build-hours forgone (▲ 50% on the period before)\n*Total:* 6 person-hours, €600, ≈ 7.2 build-hours forgone (▲ 50% in person-hours on the period before)',
    );
    expect(blocks[4].elements[0].text).toBe(assumptions(DEFAULT_COST_SETTINGS));
    expect(blocks[4].elements[0].text).toContain(MULTIPLIER_SOURCE);
    expect(blockKitViolations(blocks, 'message')).toEqual([]);
  });

  it('shows every section of a full week, linked where a decision has a permalink', () => {
    const digest = buildDigest(
      digestData({
        narrative: 'The team settled on Postgres & argued twice about it.',
        decided: [decision(14, { title: 'Use Postgres' }), decision(15, { title: 'Ship on Fridays', permalink: null })],
        changed: [
          { decision: decision(9, { title: 'Use MySQL' }), change: 'superseded', by: { ref: 14 } },
          { decision: decision(4, { title: 'Weekly demos', permalink: null }), change: 'reversed', by: null },
        ],
        dueForRevisit: [revisit(7, '2026-11-01', { title: 'Freeze the API' })],
        relitigation: {
          warned: 4,
          confirmed: 2,
          dismissed: 1,
          weak: 3,
          byDecision: [{ ref: 14, title: 'Use Postgres', warnings: 3, confirmed: 2 }],
        },
        costs: {
          current: [
            costs('meeting', 12),
            costs('review_wait', 0, { events: 6, waitHours: 18 }),
            costs('relitigation', 1.5, { events: 1 }),
          ],
          previous: [costs('meeting', 12.2), costs('review_wait', 0, { waitHours: 24 })],
        },
      }),
    );
    const blocks = digestBlocks(digest, options) as any[];
    expect(blocks.map((b) => b.type)).toEqual([
      'header',
      'section',
      'section',
      'section',
      'section',
      'section',
      'divider',
      'section',
      'context',
      'divider',
      'section',
    ]);
    const link = (ref: number) =>
      `https://acme.slack.com/archives/C0123456789/p17000000000${String(ref).padStart(5, '0')}`;
    expect(texts(blocks)).toEqual([
      'Reflection digest — week to Fri 20 Nov 2026',
      'The team settled on Postgres &amp; argued twice about it.',
      `*Decided (2)*\n• *<${link(14)}|D-14>* Use Postgres\n• *D-15* Ship on Fridays`,
      `*Superseded, reversed or deprecated (2)*\n• *D-4* Weekly demos — reversed\n• *<${link(9)}|D-9>* Use MySQL — superseded by D-14`,
      `*Due for revisit (1)*\n• *<${link(7)}|D-7>* Freeze the API — revisit due 2026-11-01`,
      '*Argued again*\n4 warnings posted: 2 confirmed as a reopening, 1 dismissed, 1 not judged yet; 3 weaker matches seen but not warned about.\n• *D-14* Use Postgres — 3 warnings, 2 confirmed',
      '*Coordination cost*\n' +
        '• *Meetings:* 2 meetings, 12 person-hours, €1,200, ≈ 14.4 build-hours forgone (about the same as the period before)\n' +
        '• *Review waits:* 6 pull requests, 18 working hours waiting for a first review (▼ 25% on the period before)\n' +
        '• *Relitigation threads:* 1 thread, 1.5 person-hours, €150, ≈ 1.8 build-hours forgone\n' +
        '*Total:* 13.5 person-hours, €1,350, ≈ 16.2 build-hours forgone (▲ 11% in person-hours on the period before)',
      assumptions(DEFAULT_COST_SETTINGS),
      '*Reflection questions*\n' +
        '1. D-14 was reopened 3 times (2 confirmed): does it need a supersede?\n' +
        '2. D-7 was due for a revisit on 2026-11-01: who owns revisiting it?\n' +
        '3. D-9 was superseded by D-14: has everyone who relied on D-9 heard?',
    ]);
    expect(digestText(digest)).toBe(
      'Reflection digest — week to Fri 20 Nov 2026: 2 decided, 2 superseded or reversed, 1 due for revisit, 4 relitigation warnings',
    );
    expect(blockKitViolations(blocks, 'message')).toEqual([]);
  });

  it('fits a huge week into one message, saying how many it left out and where to find them', () => {
    const long = (ref: number) => `Decision ${ref}: ${'a long and winding title that goes on '.repeat(20)}`;
    const many = (n: number, from: number) =>
      Array.from({ length: n }, (_, i) => decision(from + i, { title: long(from + i) }));
    const digest = buildDigest(
      digestData({
        narrative: 'x'.repeat(5000),
        decided: many(500, 1000),
        changed: many(200, 2000).map((d, i) => ({ decision: d, change: 'superseded' as const, by: { ref: 3000 + i } })),
        dueForRevisit: many(300, 4000).map((d) => ({ ...d, revisitOn: '2026-11-01' })),
        relitigation: {
          warned: 400,
          confirmed: 100,
          dismissed: 50,
          weak: 80,
          byDecision: Array.from({ length: 100 }, (_, i) => ({
            ref: 5000 + i,
            title: long(5000 + i),
            warnings: 4,
            confirmed: 1,
          })),
        },
        costs: {
          current: [
            costs('meeting', 120),
            costs('review_wait', 0, { waitHours: 300 }),
            costs('relitigation', 40),
            costs('meeting', 5, { currency: 'USD' }),
          ],
          previous: [costs('meeting', 60)],
        },
      }),
    );
    const blocks = digestBlocks(digest, options) as any[];
    expect(blockKitViolations(blocks, 'message')).toEqual([]);
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(totalText(blocks)).toBeLessThanOrEqual(10_000);

    const sectionStarting = (heading: string) => texts(blocks).find((t) => t.startsWith(heading))!;
    const shown = (text: string) => text.split('\n').filter((line) => line.startsWith('• ')).length;
    for (const [heading, total, where] of [
      ['*Decided (500)*', 500, '`/decide list`'],
      ['*Superseded, reversed or deprecated (200)*', 200, '`/decide list`'],
      ['*Due for revisit (300)*', 300, '`/decide list`'],
      ['*Argued again*', 100, '`/decide costs`'],
    ] as const) {
      const text = sectionStarting(heading);
      expect(shown(text)).toBeGreaterThan(0);
      expect(text.endsWith(`\n…and ${total - shown(text)} more — ${where}`)).toBe(true);
    }
  });

  it('never pings the channel from a title or from the narrative, and keeps LLM text from forming markup', () => {
    const loud = '<!channel> switch to <!subteam^S123|@platform> now';
    const digest = buildDigest(
      digestData({
        narrative: 'Heads up <!here> and @everyone: see <https://evil.example|this>.',
        decided: [decision(1, { title: loud })],
        changed: [{ decision: decision(2, { title: loud }), change: 'deprecated', by: null }],
        dueForRevisit: [revisit(3, '2026-11-01', { title: loud })],
        relitigation: {
          warned: 1,
          confirmed: 0,
          dismissed: 0,
          weak: 0,
          byDecision: [{ ref: 1, title: loud, warnings: 1, confirmed: 0 }],
        },
      }),
    );
    const blocks = digestBlocks(digest, options) as any[];
    const all = texts(blocks).join('\n');
    expect(all).not.toMatch(/<!(channel|here|everyone|subteam)/);
    expect(all).not.toMatch(/(?<!\u200D)@(channel|here|everyone)\b/);
    expect(all).not.toContain('<https://evil.example');
    expect(texts(blocks)[2]).toBe(
      `*Decided (1)*\n• *<${decision(1).permalink}|D-1>* @\u200Dchannel switch to @\u200Dplatform now`,
    );
    expect(texts(blocks)[1]).toBe('Heads up &lt;!here&gt; and @\u200Deveryone: see &lt;https://evil.example|this&gt;.');
    expect(blockKitViolations(blocks, 'message')).toEqual([]);
  });
});
