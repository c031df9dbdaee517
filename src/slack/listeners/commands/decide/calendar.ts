import { errorForLog } from '../../../../logger.js';
import {
  calendarFeedList,
  calendarsRemoved,
  NO_CALENDAR_FEEDS,
  notSubscribed,
  subscribed,
} from '../../../copy/calendar.js';
import { DATABASE_DOWN_NOTHING_CHANGED } from '../../../copy/failures.js';
import { HOLDING } from '../../../copy/holding.js';
import { workspaceOf } from '../../../workspace.js';
import type { ListenerDeps } from '../../deps.js';
import { answerSoon, type Reply } from './answerSoon.js';
import type { CommandArgs } from './commandArgs.js';

/** `/decide calendar <ics url> | list | off`: the ICS feeds whose meetings count for this channel. */
export async function calendarCommand(
  { useCases, logger }: ListenerDeps,
  args: CommandArgs,
  request: { action: 'list' } | { action: 'off' } | { action: 'subscribe'; url: string },
): Promise<void> {
  const { command, context } = args;
  const workspace = workspaceOf(context);
  const work = async (): Promise<Reply> => {
    try {
      if (request.action === 'list') {
        const feeds = await useCases.costs.calendarFeeds(workspace, command.channel_id);
        return { text: feeds.length === 0 ? NO_CALENDAR_FEEDS : calendarFeedList(feeds) };
      }
      if (request.action === 'off') {
        const removed = await useCases.costs.unsubscribeCalendars(workspace, command.channel_id);
        return { text: calendarsRemoved(removed) };
      }
      const result = await useCases.costs.subscribeCalendar({
        workspace,
        channelId: command.channel_id,
        url: request.url,
        userId: command.user_id,
      });
      return { text: result.ok ? subscribed(result) : notSubscribed(result.problem) };
    } catch (error) {
      logger.error({ err: errorForLog(error) }, 'the /decide calendar command failed');
      return { text: DATABASE_DOWN_NOTHING_CHANGED };
    }
  };
  await answerSoon(args, work(), request.action === 'subscribe' ? HOLDING.calendar : HOLDING.working);
}
