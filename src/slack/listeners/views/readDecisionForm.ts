import type { ViewOutput } from '@slack/bolt';
import { checkContent, type DecisionContent, type DecisionStatus, isDecisionStatus, normaliseTags, TAG_PATTERN } from '../../../domain/decision.js';
import { isValidIsoDate } from '../../../domain/dates.js';
import { encodePlainText } from '../../../domain/markup.js';
import { type ModalMetadata, modalMetadataSchema } from '../../blocks/decisionModal.js';
import { describeContentProblem, fieldOfProblem } from '../../copy.js';
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
    return { ok: false, errors: { [FIELD.title]: 'This form is out of date. Close it and open a new one; copy your text first.' } };
  }
  const values = view.state.values;
  const field = (blockId: string) => values[blockId]?.[FIELD_ACTION];
  const text = (blockId: string) => encodePlainText((field(blockId)?.value ?? '').trim());

  const errors: Record<string, string> = {};
  const tagWords = (field(FIELD.tags)?.value ?? '').split(/[\s,]+/).filter(Boolean);
  const badTag = tagWords.map((t) => t.replace(/^#/, '')).find((t) => !TAG_PATTERN.test(t));
  if (badTag !== undefined) errors[FIELD.tags] = `“${badTag}” is not a tag: use letters, digits, - and _ (up to 40), separated by commas.`;

  const statusValue = field(FIELD.status)?.selected_option?.value ?? 'accepted';
  const status: DecisionStatus = isDecisionStatus(statusValue) && statusValue !== 'superseded' ? statusValue : 'accepted';

  const revisitOn = field(FIELD.revisitOn)?.selected_date ?? null;
  if (revisitOn !== null && (!isValidIsoDate(revisitOn) || revisitOn <= today)) errors[FIELD.revisitOn] = 'Pick a date after today.';

  const channelId = metadata.channelId ?? field(FIELD.channel)?.selected_conversation ?? null;
  if (!channelId) errors[FIELD.channel] = 'Choose the channel this decision belongs to.';

  const deciders = field(FIELD.deciders)?.selected_users ?? [];
  const content: DecisionContent = {
    title: text(FIELD.title).replace(/\s+/g, ' '),
    context: text(FIELD.context),
    rationale: text(FIELD.rationale),
    consequences: text(FIELD.consequences),
    alternatives: [...new Set(text(FIELD.alternatives).split('\n').map((line) => line.replace(/^[\s•*-]+/, '').trim()).filter(Boolean))],
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
