import type { KnownBlock } from '@slack/types';
import { settleWithin } from '../../ackBudget.js';
import type { CommandArgs } from './index.js';

export interface Reply {
  text: string;
  blocks?: KnownBlock[];
}

/**
 * Answers a sub-command with what `work` comes to: in the ack when it is done within Slack's
 * budget, else with `holding` in the ack and the answer through response_url when it is.
 * `work` turns its own failures into a reply; it must not throw.
 */
export async function answerSoon({ ack, respond }: CommandArgs, work: Promise<Reply>, holding: string): Promise<void> {
  const early = await settleWithin(work);
  if (early.settled) {
    await ack({ response_type: 'ephemeral', ...(await work) });
    return;
  }
  await ack({ response_type: 'ephemeral', text: holding });
  await respond({ response_type: 'ephemeral', replace_original: false, ...(await work) });
}
