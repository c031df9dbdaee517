import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { StoredJudgement } from '../../../app/relitigation/ports.js';
import type { WarningTarget } from '../../../app/relitigation/findWarning.js';
import type { Workspace } from '../../../domain/workspace.js';
import type { Decision } from '../../../domain/decision.js';
import { formatRef } from '../../../domain/decision.js';
import { errorForLog } from '../../../logger.js';
import { decisionDetailBlocks } from '../../blocks/decisionCard.js';
import { answeredWarningBlocks, relitigationWarningText, reopenModalView } from '../../blocks/relitigationWarning.js';
import { REOPEN_FORM_FAILED, WARNING_GONE } from '../../copy/warnings.js';
import { workspaceOf } from '../../workspace.js';
import type { ListenerDeps } from '../deps.js';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** Finds the judgement and decision a warning button points at, or tells the clicker why not. */
async function warningTarget(
  deps: ListenerDeps,
  args: Args,
): Promise<(WarningTarget & { workspace: Workspace }) | null> {
  const workspace = workspaceOf(args.context);
  const target = await deps.useCases.relitigation.findWarning(workspace, Number(args.action.value));
  if (!target) {
    await args.respond({ response_type: 'ephemeral', replace_original: false, text: WARNING_GONE });
    return null;
  }
  return { workspace, ...target };
}

/** "Not a reopening": stored as feedback; the bot stays quiet about this decision in this thread. */
export function dismissWarning(deps: ListenerDeps) {
  return async (args: Args): Promise<void> => {
    await args.ack();
    const target = await warningTarget(deps, args);
    if (!target) return;
    const userId = args.body.user.id;
    const { changed, costError } = await deps.useCases.relitigation.dismiss(target.workspace, target.judgement, userId);
    if (!changed) return; // a double click, or someone answered first
    if (costError) deps.logger.warn({ err: errorForLog(costError) }, 'removing a dismissed thread cost failed');
    await updateWarning(deps, args, target, { kind: 'dismissed', by: userId });
  };
}

/** "Reopen D-7": asks what is new since the decision, and optionally for the decision that replaces it. */
export function reopenFromWarning(deps: ListenerDeps) {
  return async (args: Args): Promise<void> => {
    await args.ack();
    const target = await warningTarget(deps, args);
    if (!target) return;
    const warningTs = args.body.message?.ts ?? target.judgement.warningTs ?? '';
    try {
      await args.client.views.open({
        trigger_id: args.body.trigger_id,
        view: reopenModalView(target.decision, {
          judgementId: target.judgement.id,
          decisionRef: target.decision.ref,
          channelId: target.judgement.channelId,
          threadTs: target.judgement.threadTs,
          warningTs,
        }),
      });
    } catch (error) {
      deps.logger.warn({ err: errorForLog(error) }, 'opening the Reopen form failed');
      await args.respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: REOPEN_FORM_FAILED,
      });
    }
  };
}

/** "Keep D-7 as is": closes a review opened from a warning. */
export function keepDecision(deps: ListenerDeps) {
  return async (args: Args): Promise<void> => {
    await args.ack();
    const target = await warningTarget(deps, args);
    if (!target) return;
    const userId = args.body.user.id;
    const changed = await deps.useCases.relitigation.keep(target.workspace, target.decision, userId);
    if (!changed) return;
    await updateWarning(deps, args, target, { kind: 'kept', by: userId });
  };
}

/** "View D-7": the record and its history, privately. */
export function viewFromWarning(deps: ListenerDeps) {
  return async (args: Args): Promise<void> => {
    await args.ack();
    const target = await warningTarget(deps, args);
    if (!target) return;
    const history = await deps.useCases.decisions.history(target.workspace, target.decision);
    await args.respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: formatRef(target.decision.ref),
      blocks: decisionDetailBlocks(target.decision, history),
    });
  };
}

async function updateWarning(
  deps: ListenerDeps,
  args: Args,
  target: { decision: Decision; judgement: StoredJudgement },
  answer: { kind: 'dismissed' | 'kept'; by: string },
): Promise<void> {
  try {
    await args.respond({
      replace_original: true,
      text: relitigationWarningText(target.decision),
      blocks: answeredWarningBlocks(target.decision, target.judgement.id, answer),
    });
  } catch (error) {
    deps.logger.info({ err: errorForLog(error) }, 'updating a relitigation warning failed');
  }
}
