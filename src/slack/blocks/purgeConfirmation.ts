import type { KnownBlock } from '@slack/types';
import type { WorkspaceDataCounts } from '../../app/workspace/ports.js';
import { ACTION } from '../ids.js';

/** `/decide admin purge`: what would be deleted, the confirmation, and what was. */

const AFTERWARDS =
  'Messages already posted in Slack stay as they are. The app keeps working: settings are back to their defaults (LLM opt-in off) and new decisions start again at D-1.';

/** The confirmation an admin sees before anything is deleted; the button's value is the workspace it was shown for. */
export function purgeConfirmationBlocks(counts: WorkspaceDataCounts, workspaceId: string): KnownBlock[] {
  return [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*Delete all of this workspace's Decision Ledger data?* This is what is stored:\n${bullets(counts)}`,
      },
    },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `*This cannot be undone.* ${AFTERWARDS} To keep a copy, ask whoever runs the app to export the decisions as ADR files first.`,
        },
      ],
    },
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: ACTION.purgeConfirm,
          style: 'danger',
          text: { type: 'plain_text', text: 'Delete everything' },
          value: workspaceId,
          confirm: {
            style: 'danger',
            title: { type: 'plain_text', text: 'Delete everything?' },
            text: {
              type: 'plain_text',
              text: "All of this workspace's decisions, costs and settings in Decision Ledger will be deleted. This cannot be undone.",
            },
            confirm: { type: 'plain_text', text: 'Delete everything' },
            deny: { type: 'plain_text', text: 'Keep it' },
          },
        },
        {
          type: 'button',
          action_id: ACTION.purgeCancel,
          text: { type: 'plain_text', text: 'Cancel' },
          value: 'cancel',
        },
      ],
    },
  ];
}

export function purgeConfirmationText(counts: WorkspaceDataCounts): string {
  return `Delete all of this workspace's Decision Ledger data (${summary(counts)})? This cannot be undone.`;
}

/** What replaces the confirmation once the data is gone. */
export function purgedBlocks(deleted: WorkspaceDataCounts): KnownBlock[] {
  return [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: `*Deleted this workspace's Decision Ledger data:*\n${bullets(deleted)}` },
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: AFTERWARDS }] },
  ];
}

export function purgedText(deleted: WorkspaceDataCounts): string {
  return `Deleted this workspace's Decision Ledger data: ${summary(deleted)}.`;
}

export const NOTHING_STORED = 'Decision Ledger has nothing stored for this workspace, so there is nothing to delete.';
export const NOTHING_LEFT = "There is nothing left to delete: this workspace's Decision Ledger data is already gone.";
export const PURGE_CANCELLED = 'Cancelled. Nothing was deleted.';

/** The kinds people know, a line for each that has any rows. */
function kinds(counts: WorkspaceDataCounts): string[] {
  return [
    count(counts.decisions, 'decision', 'decisions'),
    count(
      counts.judgements,
      'message judged by the relitigation watcher',
      'messages judged by the relitigation watcher',
    ),
    count(counts.costEvents, 'cost record', 'cost records'),
    count(counts.channelSettings + counts.costSettings, 'channel or cost setting', 'channel and cost settings'),
    count(counts.calendarFeeds, 'calendar feed', 'calendar feeds'),
    count(counts.githubLinks, 'linked GitHub repository', 'linked GitHub repositories'),
    count(counts.digestSchedules, 'digest schedule', 'digest schedules'),
  ].filter((line): line is string => line !== null);
}

/** The rows behind those: counted, so the numbers add up to what is deleted, but not itemised. */
function behind(counts: WorkspaceDataCounts): string | null {
  const n =
    counts.decisionHistory +
    counts.threadMessages +
    counts.dailyCostTotals +
    counts.workspaceRecord +
    counts.pullRequestTimelines +
    counts.digestRuns;
  return count(n, 'record', 'records');
}

function bullets(counts: WorkspaceDataCounts): string {
  const rest = behind(counts);
  const lines = [
    ...kinds(counts),
    ...(rest
      ? [
          `${rest} behind them: decision history, daily cost sums, digest log, pull request timelines, workspace settings`,
        ]
      : []),
  ];
  return lines.map((line) => `• ${line}`).join('\n');
}

/** In one phrase, for notifications. */
function summary(counts: WorkspaceDataCounts): string {
  const shown = kinds(counts);
  return shown.length > 0 ? shown.join(', ') : `${behind(counts) ?? 'no records'} kept in the background`;
}

function count(n: number, one: string, many: string): string | null {
  return n === 0 ? null : `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
