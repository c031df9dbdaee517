import type { Decision } from '../../../../domain/decision.js';
import { decisionCardBlocks, decisionFallbackText } from '../../../blocks/decisionCard.js';
import { cardNotPosted, cardPostedWithCommand } from '../../../copy/decisionReplies.js';
import type { SlackFailure } from '../../../slackFailure.js';
import type { CommandArgs } from './commandArgs.js';

/**
 * After `/decide <text>` or `/decide supersede`, the record is safe; only the card did not go out.
 * Where the bot is not in the channel, the command's response_url can still post there; otherwise
 * the user is told what happened.
 */
export async function reportUndeliveredCard(
  args: CommandArgs,
  decision: Decision,
  failure: SlackFailure,
): Promise<void> {
  if (failure.kind === 'not_in_channel' || failure.kind === 'channel_not_found') {
    try {
      await args.respond({
        response_type: 'in_channel',
        text: decisionFallbackText(decision),
        blocks: decisionCardBlocks(decision),
      });
      await args.respond({ response_type: 'ephemeral', text: cardPostedWithCommand(decision.ref) });
      return;
    } catch {
      // Fall through to the plain explanation.
    }
  }
  await args.respond({ response_type: 'ephemeral', text: cardNotPosted(decision.ref, failure) });
}
