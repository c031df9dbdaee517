import type { KnownBlock } from '@slack/types';
import type { CostKind, CostTotals } from '../../domain/costs/sums.js';
import type { CostReport } from '../../app/costs/reportCosts.js';
import { sumCostsByCurrency } from '../../domain/costs/sums.js';
import { formatRef } from '../../domain/decision.js';
import { COMMAND } from '../ids.js';
import { assumptions, hours, money, personHours } from './costFormat.js';

const KIND_LABEL: Record<CostKind, string> = {
  meeting: 'Meetings',
  review_wait: 'Review waits',
  relitigation: 'Relitigation threads',
};

/** `/decide costs [week|month|quarter] [all]`: a period's totals by kind, and the decisions argued again. */
export function costReportBlocks(report: CostReport): KnownBlock[] {
  const where = report.scope === 'channel' ? 'this channel' : "the workspace's public channels";
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: `Coordination costs — ${report.period.label}` } },
  ];
  if (report.totals.length === 0) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `Nothing recorded for ${where} in ${report.period.label} yet. Record a meeting with \`${COMMAND} meeting 45m 8 architecture sync\`, subscribe a calendar with \`${COMMAND} calendar <ics url>\`, or link a repository with \`${COMMAND} github owner/repo\`.`,
      },
    });
  } else {
    const lines = [...report.totals].sort(byKind).map((t) => `• ${line(t)}${trend(t, report.previous)}`);
    const all = sumCostsByCurrency(report.totals);
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `In ${where}:\n${lines.join('\n')}\n*Total:* ${all.map((a) => `${personHours(a.personHours)}, ${money(a.money, a.currency)}, ≈ ${hours(a.buildHours)} build-hours forgone`).join('; ')}`,
      },
    });
  }
  if (report.decisions.length > 0) {
    const lines = report.decisions.map(
      (d) =>
        `• ${formatRef(d.decisionRef)}: ${d.threads} ${d.threads === 1 ? 'thread' : 'threads'}, ${personHours(d.personHours)}, ${money(d.money, d.currency)}`,
    );
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*Decisions argued again:*\n${lines.join('\n')}` } });
  }
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: `Review waits are delay, counted in working hours (${report.settings.workdayStart}–${report.settings.workdayEnd}, ${report.settings.timeZone}); they cost money only through the interruption factor (${report.settings.reviewInterruptionFactor}). ${assumptions(report.settings)}`,
      },
    ],
  });
  return blocks;
}

export function costReportText(report: CostReport): string {
  return `Coordination costs — ${report.period.label}`;
}

function line(t: CostTotals): string {
  const count = `${t.events} ${t.kind === 'meeting' ? (t.events === 1 ? 'meeting' : 'meetings') : t.kind === 'review_wait' ? (t.events === 1 ? 'pull request' : 'pull requests') : t.events === 1 ? 'thread' : 'threads'}`;
  const cost = `${personHours(t.personHours)}, ${money(t.money, t.currency)}, ≈ ${hours(t.buildHours)} build-hours forgone`;
  if (t.kind === 'review_wait') {
    const average = t.events > 0 ? t.waitHours / t.events : 0;
    const share =
      t.openToMergeHours > 0
        ? `, ${Math.round((t.mergedWaitHours / t.openToMergeHours) * 100)}% of the merged ones' open-to-merge time`
        : '';
    return `*${KIND_LABEL[t.kind]}:* ${count}, ${hours(t.waitHours)} working hours waiting for a first review (${hours(average)} h on average${share}); ${cost}`;
  }
  return `*${KIND_LABEL[t.kind]}:* ${count}, ${cost}`;
}

function trend(t: CostTotals, previous: CostTotals[]): string {
  const before = previous.find((p) => p.kind === t.kind && p.currency === t.currency);
  const measure = (x: CostTotals) => (x.kind === 'review_wait' ? x.waitHours : x.personHours);
  if (!before || measure(before) === 0) return '';
  const change = (measure(t) - measure(before)) / measure(before);
  if (Math.abs(change) < 0.05) return ' (about the same as the period before)';
  return ` (${change > 0 ? '▲' : '▼'} ${Math.round(Math.abs(change) * 100)}% on the period before)`;
}

const ORDER: CostKind[] = ['meeting', 'review_wait', 'relitigation'];
function byKind(a: CostTotals, b: CostTotals): number {
  return ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || a.currency.localeCompare(b.currency);
}
