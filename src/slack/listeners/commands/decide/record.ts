import type { RecordDecisionResult } from '../../../../app/decisions/recordDecision.js';
import { parseInlineDecision } from '../../../../domain/parseInlineDecision.js';
import { errorForLog } from '../../../../logger.js';
import { describeContentProblem } from '../../../copy/contentProblems.js';
import { describeInlineProblem, RECORD_FAILED, recorded, recordedAlready } from '../../../copy/decisionReplies.js';
import { withTextBack } from '../../../copy/failures.js';
import { HOLDING } from '../../../copy/holding.js';
import { postDecisionCard } from '../../../deliver.js';
import { workspaceOf } from '../../../workspace.js';
import type { ListenerDeps } from '../../deps.js';
import { answerSoon, type Reply } from './answerSoon.js';
import type { CommandArgs } from './commandArgs.js';
import { reportUndeliveredCard } from './reportUndeliveredCard.js';

/** `/decide <text>`: parse, record, confirm, then post the card in the channel. */
export async function recordCommand(deps: ListenerDeps, args: CommandArgs, text: string): Promise<void> {
  const { useCases, logger } = deps;
  const { ack, command, context, client } = args;
  const parsed = parseInlineDecision({ text, author: command.user_id, today: useCases.clock.today() });
  if (!parsed.ok) {
    await ack({ response_type: 'ephemeral', text: withTextBack(describeInlineProblem(parsed.problem), text) });
    return;
  }

  const workspace = workspaceOf(context);
  const recording = useCases.decisions
    .record({
      workspace,
      content: parsed.content,
      channelId: command.channel_id,
      createdBy: command.user_id,
      origin: 'command',
      // A trigger_id is unique per invocation: a redelivered request finds the record the first one made.
      idempotencyKey: `command:${command.trigger_id}`,
    })
    .catch((error: unknown) => {
      logger.error({ err: errorForLog(error) }, 'recording a decision from /decide failed');
      return null;
    });
  await answerSoon(
    args,
    recording.then((result) => describeRecording(result, text)),
    HOLDING.decision,
  );

  const result = await recording;
  if (!result?.ok || !result.created) return;
  const delivery = await postDecisionCard({ client, useCases, workspace, decision: result.decision, logger });
  if (!delivery.ok) await reportUndeliveredCard(args, result.decision, delivery.failure);
}

/** What the user hears about a recording (null: the database failed); a new record's card in the channel says it all. */
function describeRecording(result: RecordDecisionResult | null, text: string): Reply {
  if (!result) return { text: withTextBack(RECORD_FAILED, text) };
  if (!result.ok) return { text: withTextBack(result.problems.map(describeContentProblem).join(' '), text) };
  if (!result.created) return { text: recordedAlready(result.decision.ref) };
  return { text: recorded(result.decision.ref), onlyWhenLate: true };
}
