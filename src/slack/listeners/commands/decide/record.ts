import type { RecordDecisionResult } from '../../../../app/decisions/recordDecision.js';
import { type Decision, formatRef } from '../../../../domain/decision.js';
import { parseInlineDecision } from '../../../../domain/parseInlineDecision.js';
import { decisionCardBlocks, decisionFallbackText } from '../../../blocks/decisionCard.js';
import {
  describeContentProblem,
  describeInlineProblem,
  describeSlackFailure,
  HOLDING,
  withTextBack,
} from '../../../copy.js';
import { postDecisionCard } from '../../../deliver.js';
import type { SlackFailure } from '../../../slackFailure.js';
import { workspaceOf } from '../../../workspace.js';
import type { ListenerDeps } from '../../deps.js';
import { answerSoon, type Reply } from './answerSoon.js';
import type { CommandArgs } from './commandArgs.js';
import { errorForLog } from '../../../../logger.js';

const SAVE_FAILED =
  "I couldn't save that decision: the database did not answer. Nothing was recorded; try again in a minute.";

/** `/decide <text>`: parse, record, confirm, then post the card in the channel. */
export async function recordFromCommand(deps: ListenerDeps, args: CommandArgs, text: string): Promise<void> {
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
  if (!result) return { text: withTextBack(SAVE_FAILED, text) };
  if (!result.ok) return { text: withTextBack(result.problems.map(describeContentProblem).join(' '), text) };
  if (!result.created) return { text: `That was recorded already as ${formatRef(result.decision.ref)}.` };
  return { text: `Recorded ${formatRef(result.decision.ref)}.`, onlyWhenLate: true };
}

/**
 * The record is safe; only the card did not go out. Where the bot is not in the channel, the
 * command's response_url can still post there; otherwise the user is told what happened.
 */
export async function reportUndeliveredCard(
  args: CommandArgs,
  decision: Decision,
  failure: SlackFailure,
): Promise<void> {
  const ref = formatRef(decision.ref);
  if (failure.kind === 'not_in_channel' || failure.kind === 'channel_not_found') {
    try {
      await args.respond({
        response_type: 'in_channel',
        text: decisionFallbackText(decision),
        blocks: decisionCardBlocks(decision),
      });
      await args.respond({
        response_type: 'ephemeral',
        text: `Recorded ${ref}. I'm not a member of this channel, so the card went out with your command instead. Add me with \`/invite @Decision Ledger\` so I can keep the card up to date.`,
      });
      return;
    } catch {
      // Fall through to the plain explanation.
    }
  }
  await args.respond({
    response_type: 'ephemeral',
    text: `Recorded ${ref}, but the card could not be posted. ${describeSlackFailure(failure, 'this channel')} \`/decide show ${ref}\` shows it.`,
  });
}
