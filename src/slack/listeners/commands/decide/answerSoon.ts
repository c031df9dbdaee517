import type { KnownBlock } from '@slack/types';
import { settleWithin } from '../../ackBudget.js';
import type { CommandArgs } from './commandArgs.js';

export interface Reply {
  text: string;
  blocks?: KnownBlock[];
  /**
   * The outcome shows elsewhere (the decision card posted in the channel): a prompt ack says
   * nothing, and `text` is sent only after a holding line, so the user still hears it is done.
   */
  onlyWhenLate?: boolean;
}

/**
 * Answers a sub-command with what `work` comes to: in the ack when it is done within Slack's
 * budget, else with `holding` in the ack and the answer through response_url when it is.
 * `work` turns its own failures into a reply; it must not throw. Work that goes on after the
 * answer (posting a card) awaits its own promise once this returns.
 */
export async function answerSoon({ ack, respond }: CommandArgs, work: Promise<Reply>, holding: string): Promise<void> {
  const early = await settleWithin(work);
  if (!early.settled) await ack({ response_type: 'ephemeral', text: holding });
  const { onlyWhenLate, ...message } = await work;
  if (early.settled) {
    await (onlyWhenLate ? ack() : ack({ response_type: 'ephemeral', ...message }));
    return;
  }
  // A message of its own under the holding line; its paging buttons replace it, not the line.
  await respond({ response_type: 'ephemeral', replace_original: false, ...message });
}
