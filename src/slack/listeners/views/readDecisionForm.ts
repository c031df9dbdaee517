import type { ViewOutput } from '@slack/bolt';
import {
  checkContent,
  type DecisionContent,
  type DecisionStatus,
  isDecisionStatus,
  isSlackUserId,
  normaliseTags,
  TAG_PATTERN,
} from '../../../domain/decision.js';
import { isValidIsoDate } from '../../../domain/dates.js';
import { encodePlainText } from '../../../domain/markup.js';
import { type ModalMetadata, modalMetadataSchema } from '../../blocks/decisionModal.js';
import { describeContentProblem, fieldOfProblem } from '../../copy/contentProblems.js';
import { CHOOSE_CHANNEL, FIELD_UNREADABLE, FORM_STALE, notATag, REVISIT_AFTER_TODAY } from '../../copy/decisionForm.js';
import { FIELD, FIELD_ACTION } from '../../ids.js';

export type DecisionForm =
  | { ok: true; content: DecisionContent; channelId: string; metadata: ModalMetadata }
  | { ok: false; errors: Record<string, string> };

/** Reads and checks a submitted decision form; every problem comes back keyed by the input it belongs to. */
export function readDecisionForm(view: ViewOutput, userId: string, today: string): DecisionForm {
  let metadata: ModalMetadata;
  try {
    metadata = modalMetadataSchema.parse(JSON.parse(view.private_metadata || '{}'));
  } catch {
    return {
      ok: false,
      errors: { [FIELD.title]: FORM_STALE },
    };
  }
  const values = view.state.values;
  const field = (blockId: string) => values[blockId]?.[FIELD_ACTION];
  const errors: Record<string, string> = {};
  // Slack sends a text input's value as a string, or null when it is empty. Bolt's types promise
  // as much but nothing checks it: a number or an object used to throw, or to be stored as it came.
  const typed = (blockId: string): string => {
    const value: unknown = field(blockId)?.value;
    if (typeof value === 'string') return value;
    if (value !== undefined && value !== null) errors[blockId] = FIELD_UNREADABLE;
    return '';
  };
  const text = (blockId: string) => encodePlainText(typed(blockId).trim());

  const tagWords = typed(FIELD.tags)
    .split(/[\s,]+/)
    .filter(Boolean);
  const badTag = tagWords.map((t) => t.replace(/^#/, '')).find((t) => !TAG_PATTERN.test(t));
  if (badTag !== undefined) errors[FIELD.tags] = notATag(badTag);

  const statusValue = field(FIELD.status)?.selected_option?.value ?? 'accepted';
  const status: DecisionStatus =
    isDecisionStatus(statusValue) && statusValue !== 'superseded' ? statusValue : 'accepted';

  const picked: unknown = field(FIELD.revisitOn)?.selected_date ?? null;
  const revisitOn = typeof picked === 'string' && isValidIsoDate(picked) ? picked : null;
  if (picked !== null && (revisitOn === null || revisitOn <= today)) errors[FIELD.revisitOn] = REVISIT_AFTER_TODAY;

  const conversation: unknown = field(FIELD.channel)?.selected_conversation;
  const channelId =
    metadata.channelId ?? (typeof conversation === 'string' && conversation !== '' ? conversation : null);
  if (!channelId) errors[FIELD.channel] = CHOOSE_CHANNEL;

  const chosen: unknown = field(FIELD.deciders)?.selected_users ?? [];
  const deciders =
    Array.isArray(chosen) && chosen.every((u) => typeof u === 'string' && isSlackUserId(u)) ? (chosen as string[]) : [];
  if (deciders !== chosen) errors[FIELD.deciders] = FIELD_UNREADABLE;
  const content: DecisionContent = {
    title: text(FIELD.title).replace(/\s+/g, ' '),
    context: text(FIELD.context),
    rationale: text(FIELD.rationale),
    consequences: text(FIELD.consequences),
    alternatives: [
      ...new Set(
        text(FIELD.alternatives)
          .split('\n')
          .map((line) => line.replace(/^[\s•*-]+/, '').trim())
          .filter(Boolean),
      ),
    ],
    aliases: [],
    deciders: deciders.length > 0 ? deciders : [userId],
    tags: normaliseTags(tagWords),
    status,
    decidedOn: today,
    revisitOn,
  };
  for (const problem of checkContent(content)) {
    const blockId = fieldOfProblem(problem);
    errors[blockId] ??= describeContentProblem(problem);
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, content, channelId: channelId!, metadata };
}
