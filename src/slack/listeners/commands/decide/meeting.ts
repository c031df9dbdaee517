import { errorForLog } from '../../../../logger.js';
import { meetingCostBlocks, meetingCostText } from '../../../blocks/meetingCost.js';
import { MEETING_NOT_RECORDED } from '../../../copy/costReplies.js';
import { withTextBack } from '../../../copy/failures.js';
import { HOLDING } from '../../../copy/holding.js';
import { COMMAND } from '../../../ids.js';
import { workspaceOf } from '../../../workspace.js';
import type { ListenerDeps } from '../../deps.js';
import { answerSoon, type Reply } from './answerSoon.js';
import type { CommandArgs } from './commandArgs.js';

/** `/decide meeting 45m 8 architecture sync`: estimate a meeting's cost, show it with its inputs, record it. */
export async function meetingCommand(
  { useCases, logger }: ListenerDeps,
  args: CommandArgs,
  meeting: { minutes: number; attendees: number; title: string },
): Promise<void> {
  const { command, context } = args;
  const work = async (): Promise<Reply> => {
    try {
      const { recorded, cost } = await useCases.costs.recordMeeting({
        workspace: workspaceOf(context),
        channelId: command.channel_id,
        meeting,
        source: 'command',
        // A trigger_id is unique per invocation: a retried request is the same meeting.
        sourceKey: `command:${command.trigger_id}`,
        userId: command.user_id,
      });
      return { text: meetingCostText(meeting.title, cost), blocks: meetingCostBlocks(meeting.title, cost, recorded) };
    } catch (error) {
      logger.error({ err: errorForLog(error) }, 'recording a meeting from /decide failed');
      return { text: withTextBack(MEETING_NOT_RECORDED, `${COMMAND} ${command.text}`) };
    }
  };
  await answerSoon(args, work(), HOLDING.meeting);
}
