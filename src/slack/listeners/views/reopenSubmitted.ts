import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { supersedeDecision } from '../../../app/decisions/supersedeDecision.js';
import { formatRef } from '../../../domain/decision.js';
import { encodePlainText } from '../../../domain/markup.js';
import { errorForLog } from '../../../logger.js';
import { answeredWarningBlocks, relitigationWarningText } from '../../blocks/relitigationWarning.js';
import { userText } from '../../blocks/text.js';
import { alreadySuperseded, describeContentProblem, supersedeElsewhere } from '../../copy.js';
import { postDecisionCard, refreshDecisionCard, tellUser } from '../../deliver.js';
import { FIELD_ACTION, REOPEN_FIELD } from '../../ids.js';
import { workspaceOf } from '../../workspace.js';
import { type ListenerDeps, today } from '../deps.js';
import { formAck } from './formAck.js';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const metadataSchema = z.object({
  judgementId: z.number().int().positive(),
  decisionRef: z.number().int().positive(),
  channelId: z.string().min(1).max(40),
  threadTs: z.string().min(1).max(40),
  warningTs: z.string().max(40),
});

/**
 * The Reopen form: with a new decision, it supersedes the old one now; without, the old one goes
 * under review (and the watcher stays quiet about it). Either way the thread hears what is new.
 */
export function reopenSubmitted({ services, logger }: ListenerDeps) {
  return async ({ ack, view, body, client, context }: Args): Promise<void> => {
    const parsed = metadataSchema.safeParse(safeJson(view.private_metadata));
    const field = (id: string) => (view.state.values[id]?.[FIELD_ACTION]?.value ?? '').trim();
    const whatIsNew = field(REOPEN_FIELD.whatIsNew);
    if (!parsed.success) {
      await ack({
        response_action: 'errors',
        errors: { [REOPEN_FIELD.whatIsNew]: 'This form is out of date. Close it and press Reopen again.' },
      });
      return;
    }
    if (whatIsNew === '') {
      await ack({
        response_action: 'errors',
        errors: { [REOPEN_FIELD.whatIsNew]: 'Say what is new since the decision.' },
      });
      return;
    }
    const meta = parsed.data;
    const workspace = workspaceOf(context);
    const userId = body.user.id;
    const acker = formAck(ack, (text) => tellUser(client, { userId, channelId: meta.channelId }, text, logger));
    const newTitle = field(REOPEN_FIELD.newDecision);
    const typed = [whatIsNew, newTitle].filter((t) => t !== '').join('\n');
    const decision = await acker.within(
      services.decisions.findByRef(workspace, meta.decisionRef, { kind: 'channel', channelId: meta.channelId }),
    );
    if (!decision) {
      await acker.errors(
        { [REOPEN_FIELD.whatIsNew]: `${formatRef(meta.decisionRef)} can no longer be found.` },
        { typed },
      );
      return;
    }
    const ref = formatRef(decision.ref);
    let answer: Parameters<typeof answeredWarningBlocks>[2];

    if (newTitle !== '') {
      const result = await acker.within(
        supersedeDecision({
          services,
          workspace,
          ref: decision.ref,
          channelId: meta.channelId,
          createdBy: userId,
          idempotencyKey: `view:${view.id}`,
          content: {
            title: encodePlainText(newTitle),
            context: encodePlainText(whatIsNew),
            rationale: encodePlainText(field(REOPEN_FIELD.rationale)),
            consequences: '',
            alternatives: [],
            aliases: [],
            deciders: [userId],
            tags: decision.tags,
            status: 'accepted',
            decidedOn: today(services),
            revisitOn: null,
          },
        }),
      );
      if (!result.ok) {
        const message =
          result.reason === 'already_superseded'
            ? alreadySuperseded(decision.ref, result.previous.supersededBy!.ref)
            : result.reason === 'invalid'
              ? result.problems.map(describeContentProblem).join(' ')
              : result.reason === 'other_channel'
                ? supersedeElsewhere(decision.ref, result.previous.source.channelId)
                : `${ref} can no longer be found.`;
        await acker.errors({ [REOPEN_FIELD.newDecision]: message }, { typed });
        return;
      }
      await acker.done();
      await services.judgements.giveFeedback(workspace, meta.judgementId, 'reopened', userId);
      await postDecisionCard({ client, services, workspace, decision: result.current, logger });
      await refreshDecisionCard(client, result.previous, logger);
      answer = { kind: 'superseded', by: userId, byRef: result.current.ref };
    } else {
      await acker.done();
      await services.judgements.giveFeedback(workspace, meta.judgementId, 'reopened', userId);
      await services.decisions.setUnderReview(workspace, decision.id, 'reopened', userId);
      answer = { kind: 'reopened', by: userId };
    }

    try {
      await client.chat.postMessage({
        channel: meta.channelId,
        thread_ts: meta.threadTs,
        text: `<@${userId}> reopened ${ref}. What is new: ${userText(encodePlainText(whatIsNew))}`,
        unfurl_links: false,
      });
      if (meta.warningTs) {
        await client.chat.update({
          channel: meta.channelId,
          ts: meta.warningTs,
          text: relitigationWarningText(decision),
          blocks: answeredWarningBlocks(decision, meta.judgementId, answer),
        });
      }
    } catch (error) {
      logger.info({ err: errorForLog(error) }, 'telling the thread about a reopened decision failed');
    }
  };
}

function safeJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return null;
  }
}
