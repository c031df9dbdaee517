import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { RecordDecisionResult } from '../../../app/decisions/recordDecision.js';
import { CHECK_FIELDS, cardNotPostedIn, loggedAlready, SAVE_FAILED } from '../../copy/decisionForm.js';
import { FIELD } from '../../ids.js';
import { postDecisionCard, tellUser } from '../../deliver.js';
import { workspaceOf } from '../../workspace.js';
import type { ListenerDeps } from '../deps.js';
import { formAck } from './formAck.js';
import { readDecisionForm } from './readDecisionForm.js';
import { errorForLog } from '../../../logger.js';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** The decision form was submitted: check it, record it, close the form, post the card. */
export function decisionModalSubmitted({ useCases, logger }: ListenerDeps) {
  return async ({ ack, view, body, client, context }: Args): Promise<void> => {
    const userId = body.user.id;
    const form = readDecisionForm(view, userId, useCases.clock.today());
    if (!form.ok) {
      await ack({ response_action: 'errors', errors: form.errors });
      return;
    }
    const workspace = workspaceOf(context);
    const { metadata, channelId } = form;
    const tell = (text: string) => tellUser(client, { userId, channelId }, text, logger);
    const acker = formAck(ack, tell);
    const typed = [form.content.title, form.content.rationale].filter((t) => t !== '').join('\n');
    let result: RecordDecisionResult;
    try {
      result = await acker.within(
        useCases.decisions.record({
          workspace,
          content: form.content,
          channelId,
          message: metadata.message ? { ...metadata.message, participants: metadata.participants } : undefined,
          createdBy: userId,
          origin: metadata.origin,
          // One record per source message; otherwise one per form (a double-clicked Record button submits the same view).
          idempotencyKey: metadata.message ? `message:${channelId}:${metadata.message.ts}` : `view:${view.id}`,
        }),
      );
    } catch (error) {
      logger.error({ err: errorForLog(error) }, 'recording a decision from the form failed');
      // While the form is open, keeping it open keeps everything the user typed.
      await acker.errors({ [FIELD.title]: SAVE_FAILED.onForm }, { typed, whenClosed: SAVE_FAILED.whenClosed });
      return;
    }
    if (!result.ok) {
      await acker.errors({ [FIELD.title]: CHECK_FIELDS.onForm }, { typed, whenClosed: CHECK_FIELDS.whenClosed });
      return;
    }
    await acker.done();
    const { ref } = result.decision;
    if (!result.created) {
      await tellUser(client, { userId, channelId }, loggedAlready(ref), logger);
      return;
    }
    const delivery = await postDecisionCard({ client, useCases, workspace, decision: result.decision, logger });
    if (!delivery.ok) {
      await tellUser(client, { userId, channelId }, cardNotPostedIn(ref, channelId, delivery.failure), logger);
    }
  };
}
