import type { KnownBlock } from '@slack/types';
import type { CostSettings } from '../../domain/costs/costSettings.js';
import { formatRef } from '../../domain/decision.js';
import type {
  Digest,
  DigestChange,
  DigestCostKind,
  DigestCostTotals,
  DigestDecision,
} from '../../domain/digest/buildDigest.js';
import { truncate } from '../../domain/markup.js';
import { COMMAND } from '../ids.js';
import { assumptions, hours, money, personHours } from './costFormat.js';
import { link, plainUserText, userText } from './text.js';

export interface DigestBlockOptions {
  /** The channel's cost settings in force, for the line of assumptions under the costs. */
  settings: Pick<CostSettings, 'hourlyRate' | 'currency' | 'buildMultiplier'>;
}

/*
 * Slack refuses a message of much more than 10k characters even under 50 blocks, and a busy
 * week can list hundreds of decisions. Each part gets a share of that budget and says how many it
 * left out; the shares add up to under 10k whatever the data, so no digest is ever refused.
 */
const BUDGET = {
  narrative: 1200,
  decided: 2000,
  changed: 1200,
  revisits: 1200,
  relitigation: 1200,
  costs: 1200,
  questions: 900,
  title: 120,
} as const;

const CHANGE_LABEL: Record<DigestChange, string> = {
  superseded: 'superseded',
  reversed: 'reversed',
  deprecated: 'deprecated',
};

/** Where a list cut short by its budget points for the rest. */
const LIST_HINT = `\`${COMMAND} list\``;

const KIND_LABEL: Record<DigestCostKind, string> = {
  meeting: 'Meetings',
  review_wait: 'Review waits',
  relitigation: 'Relitigation threads',
};

/** The scheduled reflection digest for one channel and period. The chart goes in its own message. */
export function digestBlocks(digest: Digest, options: DigestBlockOptions): KnownBlock[] {
  const blocks: KnownBlock[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: plainUserText(`Reflection digest — ${digest.period.label}`, 150) },
    },
  ];
  if (digest.narrative) blocks.push(section(userText(inert(digest.narrative), BUDGET.narrative)));

  if (digest.empty) {
    // A quiet period gets a short note, not a page of empty headings.
    // The header carries the label, which callers may phrase freely ("the last 7 days (preview)").
    blocks.push(
      section(
        `Nothing was decided, changed or argued again in this channel over this period, and no revisit is due. When something is settled, \`${COMMAND} <what was decided>\` records it.`,
      ),
    );
    if (digest.imported > 0) blocks.push(importedContext(digest.imported));
    if (digest.costs.current.length > 0) blocks.push(section(costsText(digest)), assumptionsContext(options));
    blocks.push(section(questionsText(digest)));
    return blocks;
  }

  if (digest.decided.length > 0) {
    blocks.push(
      section(
        list(
          `*Decided (${digest.decided.length})*`,
          digest.decided.map((d) => `• ${ref(d)} ${title(d.title)}`),
          BUDGET.decided,
          LIST_HINT,
        ),
      ),
    );
  }
  if (digest.imported > 0) blocks.push(importedContext(digest.imported));
  if (digest.changed.length > 0) {
    const lines = digest.changed.map(({ decision, change, by }) => {
      const what = by ? `${CHANGE_LABEL[change]} by ${formatRef(by.ref)}` : CHANGE_LABEL[change];
      return `• ${ref(decision)} ${title(decision.title)} — ${what}`;
    });
    blocks.push(
      section(
        list(`*Superseded, reversed or deprecated (${digest.changed.length})*`, lines, BUDGET.changed, LIST_HINT),
      ),
    );
  }
  if (digest.dueForRevisit.length > 0) {
    const lines = digest.dueForRevisit.map((d) => `• ${ref(d)} ${title(d.title)} — revisit due ${d.revisitOn}`);
    blocks.push(section(list(`*Due for revisit (${digest.dueForRevisit.length})*`, lines, BUDGET.revisits, LIST_HINT)));
  }
  const r = digest.relitigation;
  if (r.warned > 0 || r.byDecision.length > 0 || r.weak > 0) {
    const lines = r.byDecision.map(
      (d) =>
        `• *${formatRef(d.ref)}* ${title(d.title)} — ${count(d.warnings, 'warning', 'warnings')}, ${d.confirmed} confirmed`,
    );
    blocks.push(
      section(
        list(`*Argued again*\n${relitigationSummary(digest)}`, lines, BUDGET.relitigation, `\`${COMMAND} costs\``),
      ),
    );
  }

  blocks.push({ type: 'divider' });
  blocks.push(section(costsText(digest)));
  if (digest.costs.current.length > 0) blocks.push(assumptionsContext(options));
  blocks.push({ type: 'divider' }, section(questionsText(digest)));
  return blocks;
}

/** The notification and screen-reader text: counts only, no user text. */
export function digestText(digest: Digest): string {
  const head = `Reflection digest — ${digest.period.label}`;
  const imported = digest.imported > 0 ? `, ${importedCount(digest.imported)}` : '';
  if (digest.empty) return `${head}: a quiet one${imported}`;
  const parts = [
    `${digest.decided.length} decided`,
    `${digest.changed.length} superseded or reversed`,
    `${digest.dueForRevisit.length} due for revisit`,
    count(digest.relitigation.warned, 'relitigation warning', 'relitigation warnings'),
  ];
  return `${head}: ${parts.join(', ')}${imported}`;
}

function importedCount(n: number): string {
  return count(n, 'record imported', 'records imported');
}

/**
 * Imports on a line of their own: a folder of ADRs written years ago is history brought into the
 * ledger, listed under "Decided" only in a period its own dates fall in.
 */
function importedContext(n: number): KnownBlock {
  const text = `*${importedCount(n)}* from ADR files: each counts as decided in the period of its own date, not when it was imported. \`${COMMAND} list\` shows them.`;
  return { type: 'context', elements: [{ type: 'mrkdwn', text }] };
}

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function ref(decision: DigestDecision): string {
  return `*${link(decision.permalink, formatRef(decision.ref))}*`;
}

function title(stored: string): string {
  return userText(stored, BUDGET.title);
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** As many lines as fit in `budget` after the heading, then "…and N more — <where the rest is>". */
function list(heading: string, lines: string[], budget: number, rest: string): string {
  const more = (n: number) => `…and ${n} more — ${rest}`;
  // The longest "more" line there could be, kept free until every line is known to fit.
  const reserve = more(lines.length).length + 1;
  let text = heading;
  let shown = 0;
  for (const line of lines) {
    const last = shown === lines.length - 1;
    if (text.length + 1 + line.length + (last ? 0 : reserve) > budget) break;
    text += `\n${line}`;
    shown += 1;
  }
  return shown < lines.length ? `${text}\n${more(lines.length - shown)}` : text;
}

function relitigationSummary(digest: Digest): string {
  const { warned, confirmed, dismissed, weak } = digest.relitigation;
  const unjudged = Math.max(0, warned - confirmed - dismissed);
  const parts = [
    `${count(warned, 'warning', 'warnings')} posted: ${confirmed} confirmed as a reopening, ${dismissed} dismissed, ${unjudged} not judged yet`,
  ];
  if (weak > 0) parts.push(`${count(weak, 'weaker match', 'weaker matches')} seen but not warned about`);
  return `${parts.join('; ')}.`;
}

function costsText(digest: Digest): string {
  const heading = '*Coordination cost*';
  if (digest.costs.current.length === 0) {
    return `${heading}\nNothing recorded this period. \`${COMMAND} meeting 45m 8 architecture sync\` records a meeting.`;
  }
  const lines = digest.costs.current.map(
    (line, i) => `• ${costLine(line)}${trendText(digest.trend[i]?.percent ?? null)}`,
  );
  const total = digest.totals
    .map(
      (t) =>
        `${personHours(t.personHours)}, ${money(t.money, t.currency)}, ≈ ${hours(t.buildHours)} build-hours forgone`,
    )
    .join('; ');
  const totalTrend = trendText(digest.personHoursChange, ' in person-hours');
  // No user text here; the cut only guards the budget against a workspace with many currencies.
  return truncate([heading, ...lines, `*Total:* ${total}${totalTrend}`].join('\n'), BUDGET.costs);
}

function costLine(t: DigestCostTotals): string {
  const cost = `${personHours(t.personHours)}, ${money(t.money, t.currency)}, ≈ ${hours(t.buildHours)} build-hours forgone`;
  if (t.kind === 'review_wait') {
    // With no interruption factor a wait is pure delay: "0 person-hours, €0" would only be noise.
    const waiting = `${count(t.events, 'pull request', 'pull requests')}, ${hours(t.waitHours)} working hours waiting for a first review`;
    return `*${KIND_LABEL[t.kind]}:* ${waiting}${t.personHours > 0 ? `; ${cost}` : ''}`;
  }
  const events = t.kind === 'meeting' ? count(t.events, 'meeting', 'meetings') : count(t.events, 'thread', 'threads');
  return `*${KIND_LABEL[t.kind]}:* ${events}, ${cost}`;
}

function trendText(percent: number | null, measure = ''): string {
  if (percent === null) return '';
  if (Math.abs(percent) < 5) return ` (about the same${measure} as the period before)`;
  return ` (${percent > 0 ? '▲' : '▼'} ${Math.round(Math.abs(percent))}%${measure} on the period before)`;
}

function assumptionsContext(options: DigestBlockOptions): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: assumptions(options.settings) }] };
}

function questionsText(digest: Digest): string {
  const lines = digest.questions.map((q, i) => `${i + 1}. ${q}`);
  // Questions hold refs and counts only (see buildDigest), never user text.
  return truncate(['*Reflection questions*', ...lines].join('\n'), BUDGET.questions);
}

/**
 * LLM output is plain text, not Slack-encoded: escaped here so it cannot form links, mentions or
 * broadcasts. Entities already present (a title the model quoted as stored) are left as they are.
 */
function inert(text: string): string {
  return text
    .replace(/&(?!(?:amp|lt|gt);)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
