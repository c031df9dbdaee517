import { type DigestArguments, describeSchedule } from '../../../../domain/digest/schedule.js';
import { errorForLog } from '../../../../logger.js';
import { digestBlocks, digestText } from '../../../blocks/digest.js';
import {
  describeDigestProblem,
  digestScheduled,
  digestScheduleShown,
  digestStopped,
  NO_DIGEST_YET,
} from '../../../copy/digests.js';
import { DATABASE_DOWN_NOTHING_CHANGED } from '../../../copy/failures.js';
import { HOLDING } from '../../../copy/holding.js';
import { workspaceOf } from '../../../workspace.js';
import type { ListenerDeps } from '../../deps.js';
import { answerSoon, type Reply } from './answerSoon.js';
import type { CommandArgs } from './commandArgs.js';

/** `/decide digest weekly fri 16:00 [zone] | daily HH:MM | monthly <day> HH:MM | off | preview`: this channel's Reflection digest. */
export async function digestCommand(
  { useCases, logger }: ListenerDeps,
  args: CommandArgs,
  request: DigestArguments,
): Promise<void> {
  const { command, context } = args;
  const workspace = workspaceOf(context);
  const channelId = command.channel_id;
  if (request.kind === 'invalid') {
    await args.ack({ response_type: 'ephemeral', text: describeDigestProblem(request.problem) });
    return;
  }
  const work = async (): Promise<Reply> => {
    try {
      switch (request.kind) {
        case 'set': {
          const { schedule, next } = await useCases.digests.setSchedule({
            workspace,
            channelId,
            schedule: request.schedule,
            userId: command.user_id,
          });
          return { text: digestScheduled(describeSchedule(schedule, schedule.timeZone), next) };
        }
        case 'off':
          return { text: digestStopped(await useCases.digests.stop(workspace, channelId)) };
        case 'show': {
          const scheduled = await useCases.digests.schedule(workspace, channelId);
          if (!scheduled) return { text: NO_DIGEST_YET };
          const { stored, zone } = scheduled;
          return { text: digestScheduleShown(describeSchedule(stored.schedule, zone), stored.pausedReason) };
        }
        case 'preview': {
          const { digest, settings } = await useCases.digests.preview(workspace, channelId);
          return { text: digestText(digest), blocks: digestBlocks(digest, { settings }) };
        }
      }
    } catch (error) {
      logger.error({ err: errorForLog(error) }, 'the /decide digest command failed');
      return { text: DATABASE_DOWN_NOTHING_CHANGED };
    }
  };
  await answerSoon(args, work(), HOLDING.working);
}
