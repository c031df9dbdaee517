import { describe, expect, it } from 'vitest';
import type { CostTotals } from '../../src/domain/costs/sums.js';
import type { CostReport } from '../../src/app/costs/reportCosts.js';
import { DEFAULT_COST_SETTINGS, effectiveCostSettings } from '../../src/domain/costs/costSettings.js';
import { meetingCost } from '../../src/domain/costs/meetingCost.js';
import { costPeriod, previousPeriod } from '../../src/domain/costs/periods.js';
import { costReportBlocks } from '../../src/slack/blocks/costReport.js';
import { money } from '../../src/slack/blocks/costFormat.js';
import { meetingCostBlocks } from '../../src/slack/blocks/meetingCost.js';
import { blockKitViolations } from '../support/blockKitLimits.js';
import { costs } from './digest/digestData.js';

const textOf = (blocks: unknown) => JSON.stringify(blocks);

function report(
  totals: CostTotals[],
  previous: CostTotals[] = [],
  decisions: CostReport['decisions'] = [],
): CostReport {
  const period = costPeriod('month', new Date('2026-11-18T10:00:00Z'), 'UTC');
  return { period, scope: 'channel', totals, previous, decisions, settings: DEFAULT_COST_SETTINGS };
}

const totals = costs;

describe('cost blocks', () => {
  it('shows a meeting with its inputs and the switch overhead apart, and never pings the channel from its title', () => {
    const settings = effectiveCostSettings({ switchOverheadMinutes: 10 });
    const blocks = meetingCostBlocks('<!channel> sync', meetingCost({ minutes: 30, attendees: 6, settings }), true);
    const text = textOf(blocks);
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('4 person-hours');
    expect(text).toContain('of which 1 person-hour are switching overhead (10 min per attendee)');
    expect(text).toContain('€400');
    expect(blockKitViolations(blocks, 'message')).toEqual([]);
  });

  it('reports each kind, its trend against the period before, and the decisions argued again', () => {
    const blocks = costReportBlocks(
      report(
        [
          totals('meeting', 30),
          totals('review_wait', 0, { waitHours: 18, events: 6, mergedWaitHours: 12, openToMergeHours: 48 }),
          totals('relitigation', 4.5, { events: 3 }),
        ],
        [totals('meeting', 20), totals('review_wait', 0, { waitHours: 18 })],
        [
          {
            decisionId: 'd',
            decisionRef: 14,
            threads: 3,
            personHours: 4.5,
            money: 450,
            buildHours: 5.4,
            currency: 'EUR',
          },
        ],
      ),
    );
    const text = textOf(blocks);
    expect(text).toContain(
      '*Meetings:* 2 meetings, 30 person-hours, €3,000, ≈ 36 build-hours forgone (▲ 50% on the period before)',
    );
    expect(text).toContain(
      "*Review waits:* 6 pull requests, 18 working hours waiting for a first review (3 h on average, 25% of the merged ones' open-to-merge time)",
    );
    expect(text).toContain('(about the same as the period before)');
    expect(text).toContain('D-14: 3 threads, 4.5 person-hours, €450');
    expect(text).toContain('0.84× to 2.26×');
    expect(blockKitViolations(blocks, 'message')).toEqual([]);
  });

  it('keeps currencies apart when a channel changed its currency mid-period', () => {
    const text = textOf(costReportBlocks(report([totals('meeting', 10), totals('meeting', 5, { currency: 'USD' })])));
    expect(text).toContain('€1,000');
    expect(text).toContain('$500');
  });

  it('tells an empty period how to start counting', () => {
    expect(textOf(costReportBlocks(report([])))).toContain('/decide meeting 45m 8 architecture sync');
  });

  it('formats money without cents from a hundred up, and with them below', () => {
    expect(money(720, 'EUR')).toBe('€720');
    expect(money(12.5, 'EUR')).toBe('€12.50');
    expect(money(1234.56, 'USD')).toBe('$1,235');
    expect(money(10, 'XYZ')).toMatch(/10/);
  });

  it('labels periods in the team time zone', () => {
    const period = costPeriod('quarter', new Date('2026-12-31T23:30:00Z'), 'Europe/Berlin');
    expect(period.label).toBe('Q1 2027');
    expect(previousPeriod(period, 'Europe/Berlin').label).toBe('Q4 2026');
  });
});
