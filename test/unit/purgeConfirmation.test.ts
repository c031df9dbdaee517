import { describe, expect, it } from 'vitest';
import type { WorkspaceDataCounts } from '../../src/app/workspace/ports.js';
import { ACTION } from '../../src/slack/ids.js';
import {
  purgeConfirmationBlocks,
  purgeConfirmationText,
  purgedBlocks,
  purgedText,
} from '../../src/slack/blocks/purgeConfirmation.js';
import { blockKitViolations } from '../support/blockKitLimits.js';

function counts(overrides: Partial<WorkspaceDataCounts> = {}): WorkspaceDataCounts {
  return {
    decisions: 0,
    decisionHistory: 0,
    judgements: 0,
    threadMessages: 0,
    costEvents: 0,
    dailyCostTotals: 0,
    channelSettings: 0,
    costSettings: 0,
    workspaceRecord: 0,
    calendarFeeds: 0,
    githubLinks: 0,
    pullRequestTimelines: 0,
    digestSchedules: 0,
    digestRuns: 0,
    ...overrides,
  };
}

const text = (blocks: unknown[]) => JSON.stringify(blocks);

describe('the purge confirmation', () => {
  it('lists what is stored, kind by kind, with the rows behind them in one line', () => {
    const blocks = purgeConfirmationBlocks(
      counts({
        decisions: 1_204,
        decisionHistory: 1_500,
        judgements: 38,
        costEvents: 1,
        channelSettings: 2,
        costSettings: 1,
        workspaceRecord: 1,
        digestSchedules: 1,
      }),
      'T0001',
    );
    expect(blockKitViolations(blocks, 'message')).toEqual([]);
    const shown = text(blocks);
    expect(shown).toContain('• 1,204 decisions');
    expect(shown).toContain('• 38 messages judged by the relitigation watcher');
    expect(shown).toContain('• 1 cost record');
    expect(shown).toContain('• 3 channel and cost settings');
    expect(shown).toContain('• 1 digest schedule');
    expect(shown).toContain('• 1,501 records behind them');
    expect(shown).not.toContain('calendar feed');
    expect(shown).toContain('This cannot be undone');
  });

  it('asks through a danger-styled button with a confirm dialog, beside Cancel', () => {
    const actions = purgeConfirmationBlocks(counts({ decisions: 3 }), 'T0001').find((b) => b.type === 'actions') as any;
    const [remove, cancel] = actions.elements;
    expect(remove).toMatchObject({
      action_id: ACTION.purgeConfirm,
      style: 'danger',
      value: 'T0001',
      confirm: { style: 'danger' },
    });
    // Slack's limits for a confirm dialog: title 100, text 300, buttons 30 characters.
    expect(remove.confirm.title.text.length).toBeLessThanOrEqual(100);
    expect(remove.confirm.text.text.length).toBeLessThanOrEqual(300);
    expect(remove.confirm.confirm.text.length).toBeLessThanOrEqual(30);
    expect(remove.confirm.deny.text.length).toBeLessThanOrEqual(30);
    expect(cancel).toMatchObject({ action_id: ACTION.purgeCancel });
    expect(cancel.style).toBeUndefined();
    expect(purgeConfirmationText(counts({ decisions: 3 }))).toBe(
      "Delete all of this workspace's Decision Ledger data (3 decisions)? This cannot be undone.",
    );
  });

  it('says what was deleted once it is gone, and that the app keeps working', () => {
    const deleted = counts({ decisions: 2, calendarFeeds: 1, githubLinks: 2, pullRequestTimelines: 4 });
    const blocks = purgedBlocks(deleted);
    expect(blockKitViolations(blocks, 'message')).toEqual([]);
    expect(text(blocks)).toContain('• 2 linked GitHub repositories');
    expect(text(blocks)).toContain('D-1');
    expect(text(blocks)).not.toContain('"actions"');
    expect(purgedText(deleted)).toBe(
      "Deleted this workspace's Decision Ledger data: 2 decisions, 1 calendar feed, 2 linked GitHub repositories.",
    );
  });
});
