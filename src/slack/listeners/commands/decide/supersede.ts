import type { SupersedeDecisionResult } from '../../../../app/decisions/supersedeDecision.js';
import { parseInlineDecision } from '../../../../domain/parseInlineDecision.js';
import { describeContentProblem } from '../../../copy/contentProblems.js';
import {
  alreadySuperseded,
  describeInlineProblem,
  notVisible,
  recordedAlready,
  recordedSuperseding,
  SUPERSEDE_FAILED,
  supersedeElsewhere,
} from '../../../copy/decisionReplies.js';
import { withTextBack } from '../../../copy/failures.js';
import { HOLDING } from '../../../copy/holding.js';
import { postDecisionCard, refreshDecisionCard } from '../../../deliver.js';
import { workspaceOf } from '../../../workspace.js';
import type { ListenerDeps } from '../../deps.js';
import { answerSoon, type Reply } from './answerSoon.js';
import type { CommandArgs } from './commandArgs.js';
import { reportUndeliveredCard } from './reportUndeliveredCard.js';
import { errorForLog } from '../../../../logger.js';

/** `/decide supersede D-14 <new decision>`: a new record that replaces D-14; D-14 is kept and linked both ways. */
export async function supersedeCommand(
  deps: ListenerDeps,
  args: CommandArgs,
  ref: number,
  text: string,
): Promise<void> {
  const { useCases, logger } = deps;
  const { ack, command, context, client } = args;
  const parsed = parseInlineDecision({ text, author: command.user_id, today: useCases.clock.today() });
  if (!parsed.ok) {
    await ack({ response_type: 'ephemeral', text: withTextBack(describeInlineProblem(parsed.problem), command.text) });
    return;
  }
  const workspace = workspaceOf(context);
  const superseding = useCases.decisions
    .supersede({
      workspace,
      ref,
      content: parsed.content,
      channelId: command.channel_id,
      createdBy: command.user_id,
      idempotencyKey: `command:${command.trigger_id}`,
    })
    .catch((error: unknown) => {
      logger.error({ err: errorForLog(error) }, 'superseding a decision failed');
      return null;
    });
  await answerSoon(
    args,
    superseding.then((result) => describeSupersession(result, ref, command.text)),
    HOLDING.decision,
  );

  const result = await superseding;
  if (!result?.ok || !result.created) return;
  const delivery = await postDecisionCard({ client, useCases, workspace, decision: result.current, logger });
  if (!delivery.ok) await reportUndeliveredCard(args, result.current, delivery.failure);
  await refreshDecisionCard(client, result.previous, logger);
}

/** What the user hears (null: the database failed); the new record's card in the channel says it all. */
function describeSupersession(result: SupersedeDecisionResult | null, ref: number, typed: string): Reply {
  if (!result) return { text: withTextBack(SUPERSEDE_FAILED, typed) };
  if (!result.ok) {
    const message =
      result.reason === 'not_found'
        ? notVisible(ref)
        : result.reason === 'already_superseded'
          ? alreadySuperseded(ref, result.previous.supersededBy!.ref)
          : result.reason === 'other_channel'
            ? supersedeElsewhere(ref, result.previous.source.channelId)
            : result.problems.map(describeContentProblem).join(' ');
    return { text: withTextBack(message, typed) };
  }
  if (!result.created) return { text: recordedAlready(result.current.ref) };
  return { text: recordedSuperseding(result.current.ref, result.previous.ref), onlyWhenLate: true };
}
