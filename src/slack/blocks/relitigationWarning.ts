import type { KnownBlock, ModalView } from '@slack/types';
import { type Decision, formatRef, LIMITS } from '../../domain/decision.js';
import type { TopicEvidence } from '../../domain/relitigation/types.js';
import { ACTION, CALLBACK, COMMAND, FIELD_ACTION, REOPEN_FIELD } from '../ids.js';
import { decisionFallbackText, decisionLink } from './decisionCard.js';
import { decisionDate, link, listOfPeople, userText } from './text.js';

/** The threaded reply that says a message reopens a recorded decision, with what to do about it. */
export function relitigationWarningBlocks(
  decision: Decision,
  judgementId: number,
  reasons: TopicEvidence,
): KnownBlock[] {
  const ref = formatRef(decision.ref);
  const why = whyText(reasons);
  const lines = [
    `:leftwards_arrow_with_hook: This reopens *${link(decisionLink(decision), ref)}* — _${userText(decision.title, 600)}_`,
  ];
  if (decision.alternatives.length > 0)
    lines.push(
      `Considered and rejected then: ${decision.alternatives
        .slice(0, 5)
        .map((a) => userText(a, 80))
        .join(', ')}`,
    );
  if (decision.rationale) lines.push(`Why: ${userText(decision.rationale, 600)}`);
  const value = String(judgementId);
  return [
    { type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } },
    ...(why ? [{ type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text: why }] }] : []),
    {
      type: 'context',
      // Deciders are not named here: a mention would ping each of them at every warning. "View" shows them.
      elements: [
        {
          type: 'mrkdwn',
          text: `Decided ${decisionDate(decision.decidedOn)}; *View ${ref}* shows by whom. Reopening is fine — on purpose, with what is new.`,
        },
      ],
    },
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: ACTION.warningReopen,
          style: 'primary',
          text: { type: 'plain_text', text: `Reopen ${ref}` },
          value,
        },
        {
          type: 'button',
          action_id: ACTION.warningDismiss,
          text: { type: 'plain_text', text: 'Not a reopening' },
          value,
        },
        { type: 'button', action_id: ACTION.warningView, text: { type: 'plain_text', text: `View ${ref}` }, value },
      ],
    },
  ];
}

// An explanation names a few words, not the whole overlap.
const WORDS_SHOWN = 4;
const NEAR_SHOWN = 2;

/**
 * Why the detector thinks so, in one line: the words the message shares with the decision, words
 * near the decision's in meaning, and the rejected alternative it names. The words are runs of
 * letters and digits (see terms.ts), so they carry no markup; the alternative is stored text.
 */
function whyText(reasons: TopicEvidence): string | null {
  const parts: string[] = [];
  if (reasons.rejectedNamed)
    parts.push(`it brings up what was rejected then (_${userText(reasons.rejectedNamed, 80)}_)`);
  if (reasons.sharedWords.length > 0)
    parts.push(
      `it mentions ${reasons.sharedWords
        .slice(0, WORDS_SHOWN)
        .map((w) => `*${w}*`)
        .join(', ')}`,
    );
  if (reasons.nearWords.length > 0)
    parts.push(
      reasons.nearWords
        .slice(0, NEAR_SHOWN)
        .map(([said, meant]) => `*${said}* ≈ *${meant}*`)
        .join(', '),
    );
  return parts.length > 0 ? `Why I think so: ${parts.join('; ')}.` : null;
}

export function relitigationWarningText(decision: Decision): string {
  return `This reopens ${decisionFallbackText(decision)}`;
}

/** The warning after someone answered it; buttons that no longer apply are gone. */
export function answeredWarningBlocks(
  decision: Decision,
  judgementId: number,
  answer: { kind: 'dismissed' | 'reopened' | 'kept'; by: string } | { kind: 'superseded'; by: string; byRef: number },
): KnownBlock[] {
  const ref = formatRef(decision.ref);
  const title = `*${link(decisionLink(decision), ref)}* — _${userText(decision.title, 600)}_`;
  switch (answer.kind) {
    case 'dismissed':
      return [
        { type: 'section', text: { type: 'mrkdwn', text: `~This reopens~ ${title}` } },
        {
          type: 'context',
          elements: [
            {
              type: 'mrkdwn',
              text: `<@${answer.by}> marked this not a reopening. I'll stay quiet about ${ref} in this thread.`,
            },
          ],
        },
      ];
    case 'reopened':
      return [
        { type: 'section', text: { type: 'mrkdwn', text: `:mag: ${title} is under review.` } },
        {
          type: 'context',
          elements: [
            {
              type: 'mrkdwn',
              text: `<@${answer.by}> reopened it. I won't flag it while it is under review; supersede it with \`${COMMAND} supersede ${ref} …\`, or keep it.`,
            },
          ],
        },
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              action_id: ACTION.warningKeep,
              text: { type: 'plain_text', text: `Keep ${ref} as is` },
              value: String(judgementId),
            },
            {
              type: 'button',
              action_id: ACTION.warningView,
              text: { type: 'plain_text', text: `View ${ref}` },
              value: String(judgementId),
            },
          ],
        },
      ];
    case 'superseded':
      return [
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: `:leftwards_arrow_with_hook: ${title} was reopened and superseded by *${formatRef(answer.byRef)}*.`,
          },
        },
        { type: 'context', elements: [{ type: 'mrkdwn', text: `By <@${answer.by}>.` }] },
      ];
    case 'kept':
      return [
        { type: 'section', text: { type: 'mrkdwn', text: `:white_check_mark: ${title} stands.` } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: `<@${answer.by}> closed the review and kept it.` }] },
      ];
  }
}

export interface ReopenMetadata {
  judgementId: number;
  decisionRef: number;
  channelId: string;
  threadTs: string;
  warningTs: string;
}

/** Reopen: what is new since the decision, and optionally the decision that replaces it. */
export function reopenModalView(decision: Decision, metadata: ReopenMetadata): ModalView {
  const ref = formatRef(decision.ref);
  return {
    type: 'modal',
    callback_id: CALLBACK.reopenDecision,
    title: { type: 'plain_text', text: `Reopen ${ref}`.slice(0, 24) },
    submit: { type: 'plain_text', text: 'Reopen' },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: JSON.stringify(metadata),
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `*${ref}* — ${userText(decision.title, 2000)}\nDecided ${decisionDate(decision.decidedOn)} by ${listOfPeople(decision.deciders, 5)}.`,
        },
      },
      {
        type: 'input',
        block_id: REOPEN_FIELD.whatIsNew,
        label: { type: 'plain_text', text: `What is new since ${ref}?` },
        element: {
          type: 'plain_text_input',
          action_id: FIELD_ACTION,
          multiline: true,
          max_length: LIMITS.context,
          placeholder: { type: 'plain_text', text: 'A new fact, cost or constraint the decision did not have.' },
        },
      },
      {
        type: 'input',
        block_id: REOPEN_FIELD.newDecision,
        optional: true,
        label: { type: 'plain_text', text: 'New decision' },
        hint: {
          type: 'plain_text',
          text: `Write one to supersede ${ref} now; leave empty to put ${ref} under review.`,
        },
        element: { type: 'plain_text_input', action_id: FIELD_ACTION, max_length: LIMITS.title },
      },
      {
        type: 'input',
        block_id: REOPEN_FIELD.rationale,
        optional: true,
        label: { type: 'plain_text', text: 'Rationale for the new decision' },
        element: { type: 'plain_text_input', action_id: FIELD_ACTION, multiline: true, max_length: LIMITS.rationale },
      },
    ],
  };
}
