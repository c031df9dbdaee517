import type { KnownBlock, ModalView } from '@slack/types';
import { z } from 'zod';
import { type Decision, DECISION_STATUSES, type DecisionStatus, formatRef, LIMITS } from '../../domain/decision.js';
import { decodeEntities } from '../../domain/markup.js';
import { CALLBACK, FIELD, FIELD_ACTION } from '../ids.js';
import { decisionCardBlocks } from './decisionCard.js';

/** What the modal carries from the moment it opens to its submission (Slack's `private_metadata`, ≤ 3000 chars). */
export const modalMetadataSchema = z.object({
  origin: z.enum(['modal', 'message_shortcut', 'global_shortcut']),
  channelId: z.string().max(40).nullable(),
  message: z
    .object({
      ts: z.string().max(40),
      threadTs: z.string().max(40).nullable(),
      permalink: z.string().max(500).nullable(),
    })
    .nullable(),
  participants: z.array(z.string().max(40)).max(LIMITS.deciders),
});
export type ModalMetadata = z.infer<typeof modalMetadataSchema>;

export interface DecisionModalPrefill {
  /** Slack-encoded text; decoded into the plain text inputs. */
  title?: string;
  context?: string;
  rationale?: string;
  alternatives?: string[];
  deciders?: string[];
  tags?: string[];
  status?: DecisionStatus;
}

export interface DecisionModalProps {
  metadata: ModalMetadata;
  prefill: DecisionModalPrefill;
  /** The global shortcut has no channel: the form asks for one. */
  askForChannel: boolean;
  /** Shown as a hint so nobody mistakes an LLM draft for the team's words. */
  drafted: boolean;
}

const STATUS_TEXT: Record<DecisionStatus, string> = {
  proposed: 'Proposed',
  accepted: 'Accepted',
  rejected: 'Rejected',
  superseded: 'Superseded',
  reversed: 'Reversed',
  deprecated: 'Deprecated',
};

/** Statuses a new record may start with; "superseded" comes only from `/decide supersede`. */
const INITIAL_STATUSES = DECISION_STATUSES.filter((s) => s !== 'superseded');

export function decisionModalView({ metadata, prefill, askForChannel, drafted }: DecisionModalProps): ModalView {
  const blocks: KnownBlock[] = [];
  if (drafted) {
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: ':robot_face: Drafted from the thread by an AI model. Check every field before recording.',
        },
      ],
    });
  }
  blocks.push(
    textInput(FIELD.title, 'Decision', {
      initial: prefill.title,
      max: LIMITS.title,
      placeholder: 'What did you decide?',
    }),
    textInput(FIELD.rationale, 'Rationale', {
      initial: prefill.rationale,
      max: LIMITS.rationale,
      multiline: true,
      optional: true,
      placeholder: 'Why this, and why now?',
    }),
    textInput(FIELD.context, 'Context', {
      initial: prefill.context,
      max: LIMITS.context,
      multiline: true,
      optional: true,
      placeholder: 'What problem or forces led here?',
    }),
    textInput(FIELD.alternatives, 'Alternatives considered', {
      initial: prefill.alternatives?.join('\n'),
      max: LIMITS.alternatives * (LIMITS.alternative + 1),
      multiline: true,
      optional: true,
      placeholder: 'One per line',
    }),
    textInput(FIELD.consequences, 'Consequences', {
      max: LIMITS.consequences,
      multiline: true,
      optional: true,
      placeholder: 'What becomes easier or harder?',
    }),
    {
      type: 'input',
      block_id: FIELD.deciders,
      optional: true,
      label: { type: 'plain_text', text: 'Deciders' },
      hint: { type: 'plain_text', text: 'Leave empty and you are recorded as the decider.' },
      element: {
        type: 'multi_users_select',
        action_id: FIELD_ACTION,
        max_selected_items: LIMITS.deciders,
        ...(prefill.deciders && prefill.deciders.length > 0
          ? { initial_users: prefill.deciders.slice(0, LIMITS.deciders) }
          : {}),
      },
    },
    textInput(FIELD.tags, 'Tags', {
      initial: prefill.tags?.join(', '),
      max: 400,
      optional: true,
      placeholder: 'payments, infra',
    }),
    {
      type: 'input',
      block_id: FIELD.status,
      label: { type: 'plain_text', text: 'Status' },
      element: {
        type: 'static_select',
        action_id: FIELD_ACTION,
        options: INITIAL_STATUSES.map((s) => option(s)),
        initial_option: option(prefill.status && prefill.status !== 'superseded' ? prefill.status : 'accepted'),
      },
    },
    {
      type: 'input',
      block_id: FIELD.revisitOn,
      optional: true,
      label: { type: 'plain_text', text: 'Revisit on' },
      element: { type: 'datepicker', action_id: FIELD_ACTION },
    },
  );
  if (askForChannel) {
    blocks.push({
      type: 'input',
      block_id: FIELD.channel,
      label: { type: 'plain_text', text: 'Post it in' },
      element: {
        type: 'conversations_select',
        action_id: FIELD_ACTION,
        default_to_current_conversation: true,
        filter: { include: ['public', 'private'], exclude_bot_users: true },
      },
    });
  }
  return {
    type: 'modal',
    callback_id: CALLBACK.decisionModal,
    title: { type: 'plain_text', text: 'Record a decision' },
    submit: { type: 'plain_text', text: 'Record' },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}

/** Shown instead of the form when the message was logged already. */
/** What "Log as decision" shows at once, while it reads the thread and drafts (the trigger lasts 3 s). */
export function loadingDecisionModalView(): ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: 'Log as decision' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: ':hourglass_flowing_sand: Reading the thread…' } }],
  };
}

/** The loading form, when what it waited for failed: it says so and can only be closed. */
export function failedDecisionModalView(text: string): ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: 'Log as decision' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
  };
}

export function existingDecisionModalView(decision: Decision): ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: `Already ${formatRef(decision.ref)}` },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: 'This message was logged already:' } },
      ...decisionCardBlocks(decision),
    ],
  };
}

function option(status: DecisionStatus) {
  return { text: { type: 'plain_text' as const, text: STATUS_TEXT[status] }, value: status };
}

function textInput(
  blockId: string,
  label: string,
  options: { initial?: string; max: number; multiline?: boolean; optional?: boolean; placeholder?: string },
): KnownBlock {
  // Slack rejects an initial_value longer than max_length, so a long draft is cut to fit.
  const initial = options.initial ? decodeEntities(options.initial).slice(0, options.max) : undefined;
  return {
    type: 'input',
    block_id: blockId,
    optional: options.optional ?? false,
    label: { type: 'plain_text', text: label },
    element: {
      type: 'plain_text_input',
      action_id: FIELD_ACTION,
      multiline: options.multiline ?? false,
      max_length: options.max,
      ...(initial ? { initial_value: initial } : {}),
      ...(options.placeholder ? { placeholder: { type: 'plain_text', text: options.placeholder } } : {}),
    },
  };
}
