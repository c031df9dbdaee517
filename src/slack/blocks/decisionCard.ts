import type { KnownBlock } from '@slack/types';
import { type Decision, type DecisionEvent, type DecisionStatus, formatRef } from '../../domain/decision.js';
import { truncate } from '../../domain/markup.js';
import { fullRecordHint, shortenedHint } from '../copy/fullRecord.js';
import { decisionDate, link, listOfPeople, personMention, plainUserText, userText } from './text.js';

const STATUS_LABEL: Record<DecisionStatus, string> = {
  proposed: ':thought_balloon: Proposed',
  accepted: ':white_check_mark: Accepted',
  rejected: ':x: Rejected',
  superseded: ':leftwards_arrow_with_hook: Superseded',
  reversed: ':no_entry: Reversed',
  deprecated: ':file_cabinet: Deprecated',
};

export function statusLabel(status: DecisionStatus): string {
  return STATUS_LABEL[status];
}

/** Where "D-14" should link to: the card in the channel, else the message it was logged from. */
export function decisionLink(decision: Decision): string | null {
  return decision.cardPermalink ?? decision.source.permalink;
}

/** The notification text that goes with a card (also what screen readers announce). */
export function decisionFallbackText(decision: Decision): string {
  return `${formatRef(decision.ref)} · ${plainUserText(decision.title, 280)}`;
}

// What a card shows of each text; `/decide show D-n full` shows the rest.
const CARD_TEXT = 2800;

/** The decision card: what was decided, why, what was rejected, who decided, and how it relates to others. */
export function decisionCardBlocks(decision: Decision): KnownBlock[] {
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: `*${formatRef(decision.ref)}* · ${userText(decision.title, 2800)}` },
    },
  ];
  const sections: [string, string][] = [
    ['Why', decision.rationale],
    ['Context', decision.context],
    ['Consequences', decision.consequences],
  ];
  for (const [label, text] of sections) {
    if (text.trim() !== '')
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*${label}:* ${userText(text, CARD_TEXT)}` } });
  }
  if (decision.alternatives.length > 0) {
    const items = decision.alternatives.map((a) => `• ${userText(a, 250)}`).join('\n');
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*Considered and rejected:*\n${items}` } });
  }
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: metaLine(decision) }] });
  const relations = relationLine(decision);
  if (relations) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: relations }] });
  return blocks;
}

function metaLine(decision: Decision): string {
  const parts = [
    statusLabel(decision.status as DecisionStatus),
    `decided ${decisionDate(decision.decidedOn)} by ${listOfPeople(decision.deciders)}`,
  ];
  if (decision.underReviewSince)
    parts.push(`:mag: under review since ${decision.underReviewSince.toISOString().slice(0, 10)}`);
  if (decision.tags.length > 0) parts.push(decision.tags.map((t) => `#${t}`).join(' '));
  if (decision.revisitOn) parts.push(`revisit ${decision.revisitOn}`);
  // Within a context block's 3,000 characters whatever an import brought.
  return truncate(parts.join(' · '), 2900);
}

function relationLine(decision: Decision): string | null {
  const parts: string[] = [];
  if (decision.supersedes) parts.push(`supersedes ${formatRef(decision.supersedes.ref)}`);
  if (decision.supersededBy) parts.push(`superseded by *${formatRef(decision.supersededBy.ref)}*`);
  if (decision.source.permalink) parts.push(link(decision.source.permalink, 'source thread'));
  else if (decision.cardPermalink) parts.push(link(decision.cardPermalink, 'link'));
  return parts.length > 0 ? parts.map((p) => p[0]!.toUpperCase() + p.slice(1)).join(' · ') : null;
}

/** One line per decision for lists and search results: two blocks each. */
export function decisionSummaryBlocks(decision: Decision): KnownBlock[] {
  const ref = link(decisionLink(decision), formatRef(decision.ref));
  const superseded = decision.supersededBy ? ` → superseded by ${formatRef(decision.supersededBy.ref)}` : '';
  // Ten of these share one message, so each stays short: the full record is one `/decide show` away.
  const parts = [
    statusLabel(decision.status) + superseded,
    decisionDate(decision.decidedOn),
    listOfPeople(decision.deciders, 3),
  ];
  if (decision.tags.length > 0)
    parts.push(
      decision.tags
        .slice(0, 3)
        .map((t) => `#${t}`)
        .join(' '),
    );
  return [
    { type: 'section', text: { type: 'mrkdwn', text: `*${ref}* ${userText(decision.title, 300)}` } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: parts.join(' · ') }] },
  ];
}

const ACTION_WORDS: Record<DecisionEvent['action'], string> = {
  created: 'recorded it',
  supersedes: 'recorded it, superseding an earlier decision',
  superseded: 'superseded it',
  reopened: 'reopened it for review',
  kept: 'closed the review and kept it',
  reimported: 'updated it from its ADR file',
};

/** `/decide show`: the card plus who did what, when. */
export function decisionDetailBlocks(decision: Decision, history: DecisionEvent[]): KnownBlock[] {
  const blocks = decisionCardBlocks(decision);
  // The card shortens long texts and has no room for an imported file's other sections: say where the rest is.
  const shortened = [decision.context, decision.rationale, decision.consequences].some((t) => t.length > CARD_TEXT);
  const hint =
    decision.origin === 'import' ? fullRecordHint(decision.ref) : shortened ? shortenedHint(decision.ref) : null;
  if (hint) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: hint }] });
  if (history.length === 0) return blocks;
  const recent = history.slice(-8);
  const lines = recent.map((event) => {
    const extra =
      event.action === 'superseded' && typeof event.detail.by === 'number' ? ` by ${formatRef(event.detail.by)}` : '';
    return `${event.at.toISOString().slice(0, 16).replace('T', ' ')} UTC · ${personMention(event.actor)} ${ACTION_WORDS[event.action] ?? event.action}${extra}`;
  });
  if (history.length > recent.length) lines.unshift(`… ${history.length - recent.length} earlier changes`);
  blocks.push(
    { type: 'divider' },
    { type: 'context', elements: [{ type: 'mrkdwn', text: `*History*\n${lines.join('\n')}` }] },
  );
  return blocks;
}
