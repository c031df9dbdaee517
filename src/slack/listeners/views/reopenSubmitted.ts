import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { encodePlainText } from '../../../domain/markup.js';
import { errorForLog } from '../../../logger.js';
import { answeredWarningBlocks, relitigationWarningText } from '../../blocks/relitigationWarning.js';
import { userText } from '../../blocks/text.js';
import { describeContentProblem } from '../../copy/contentProblems.js';
import { alreadySuperseded, supersedeElsewhere } from '../../copy/decisionReplies.js';
import { decisionGone, REOPEN_FORM_STALE, REOPEN_NEEDS_WHAT_IS_NEW, reopenedInThread } from '../../copy/warnings.js';
import { postDecisionCard, refreshDecisionCard, tellUser } from '../../deliver.js';
import { FIELD_ACTION, REOPEN_FIELD } from '../../ids.js';
import { workspaceOf } from '../../workspace.js';
import type { ListenerDeps } from '../deps.js';
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
export function reopenSubmitted({ useCases, logger }: ListenerDeps) {
  return async ({ ack, view, body, client, context }: Args): Promise<void> => {
    const parsed = metadataSchema.safeParse(safeJson(view.private_metadata));
    const field = (id: string) => (view.state.values[id]?.[FIELD_ACTION]?.value ?? '').trim();
    const whatIsNew = field(REOPEN_FIELD.whatIsNew);
    if (!parsed.success) {
      await ack({
        response_action: 'errors',
        errors: { [REOPEN_FIELD.whatIsNew]: REOPEN_FORM_STALE },
      });
      return;
    }
    if (whatIsNew === '') {
      await ack({
        response_action: 'errors',
        errors: { [REOPEN_FIELD.whatIsNew]: REOPEN_NEEDS_WHAT_IS_NEW },
      });
      return;
    }
    const meta = parsed.data;
    const workspace = workspaceOf(context);
    const userId = body.user.id;
    const acker = formAck(ack, (text) => tellUser(client, { userId, channelId: meta.channelId }, text, logger));
    const newTitle = field(REOPEN_FIELD.newDecision);
    const typed = [whatIsNew, newTitle].filter((t) => t !== '').join('\n');
    const outcome = await acker.within(
      useCases.relitigation.reopen({
        workspace,
        judgementId: meta.judgementId,
        decisionRef: meta.decisionRef,
        channelId: meta.channelId,
        userId,
        whatIsNew,
        newTitle,
        rationale: field(REOPEN_FIELD.rationale),
        today: useCases.clock.today(),
        idempotencyKey: `view:${view.id}`,
      }),
    );
    if (outcome.kind === 'not_found') {
      await acker.errors({ [REOPEN_FIELD.whatIsNew]: decisionGone(meta.decisionRef) }, { typed });
      return;
    }
    if (outcome.kind === 'refused') {
      const { result } = outcome;
      const message =
        result.reason === 'already_superseded'
          ? alreadySuperseded(meta.decisionRef, result.previous.supersededBy!.ref)
          : result.reason === 'invalid'
            ? result.problems.map(describeContentProblem).join(' ')
            : result.reason === 'other_channel'
              ? supersedeElsewhere(meta.decisionRef, result.previous.source.channelId)
              : decisionGone(meta.decisionRef);
      await acker.errors({ [REOPEN_FIELD.newDecision]: message }, { typed });
      return;
    }
    await acker.done();
    const decision = outcome.kind === 'superseded' ? outcome.previous : outcome.decision;
    let answer: Parameters<typeof answeredWarningBlocks>[2] = { kind: 'reopened', by: userId };
    if (outcome.kind === 'superseded') {
      await postDecisionCard({ client, useCases, workspace, decision: outcome.current, logger });
      await refreshDecisionCard(client, outcome.previous, logger);
      answer = { kind: 'superseded', by: userId, byRef: outcome.current.ref };
    }

    try {
      await client.chat.postMessage({
        channel: meta.channelId,
        thread_ts: meta.threadTs,
        text: reopenedInThread(userId, decision.ref, userText(encodePlainText(whatIsNew))),
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
