import { CALENDAR_LOOKBACK_DAYS } from '../../../../app/costs/syncCalendarFeed.js';
import { errorForLog } from '../../../../logger.js';
import { hours, money, personHours } from '../../../blocks/costFormat.js';
import { describeFeedProblem, feedHost, HOLDING } from '../../../copy.js';
import { workspaceOf } from '../../../workspace.js';
import type { ListenerDeps } from '../../deps.js';
import { answerSoon, type Reply } from './answerSoon.js';
import type { CommandArgs } from './commandArgs.js';

const DATABASE_DOWN = "I couldn't reach the database just now; nothing changed. Try again in a minute.";

/** `/decide calendar <ics url> | list | off`: the ICS feeds whose meetings count for this channel. */
export async function calendarFromCommand(
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
        if (feeds.length === 0)
          return {
            text: 'No calendar feeds count for this channel. Subscribe one with `/decide calendar <ics link>`.',
          };
        const lines = feeds.map((f) => {
          const state = f.lastProblem
            ? `not working: ${describeFeedProblem(f.lastProblem)}`
            : f.lastSyncedAt
              ? `last read ${f.lastSyncedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`
              : 'not read yet';
          return `• ${feedHost(f.url)} — ${f.meetingsRecorded} meetings recorded; ${state}`;
        });
        return { text: `Calendar feeds of this channel:\n${lines.join('\n')}\n\`/decide calendar off\` removes them.` };
      }
      if (request.action === 'off') {
        const removed = await useCases.costs.unsubscribeCalendars(workspace, command.channel_id);
        return {
          text:
            removed === 0
              ? 'This channel had no calendar feeds.'
              : `Removed ${removed} calendar ${removed === 1 ? 'feed' : 'feeds'}. Meetings already recorded stay in the costs.`,
        };
      }
      const result = await useCases.costs.subscribeCalendar({
        workspace,
        channelId: command.channel_id,
        url: request.url,
        userId: command.user_id,
      });
      if (!result.ok)
        return { text: `I did not subscribe this channel: ${describeFeedProblem(result.problem)} Nothing was stored.` };
      const { first } = result;
      const found =
        first.found === 0
          ? `It had no meetings with two or more people in the past ${CALENDAR_LOOKBACK_DAYS} days`
          : `It had ${first.found} ${first.found === 1 ? 'meeting' : 'meetings'} in the past ${CALENDAR_LOOKBACK_DAYS} days: ${personHours(first.personHours)}, ${money(first.money, first.settings.currency)}, ≈ ${hours(first.buildHours)} build-hours forgone`;
      return {
        text:
          `${result.alreadySubscribed ? 'This channel was already subscribed to' : 'Subscribed this channel to'} the calendar at ${result.host}. ${found}. ` +
          'I read it every hour and count each meeting once; all-day, solo, declined, cancelled and free events are left out. `/decide costs` shows the totals.',
      };
    } catch (error) {
      logger.error({ err: errorForLog(error) }, 'the /decide calendar command failed');
      return { text: DATABASE_DOWN };
    }
  };
  await answerSoon(args, work(), request.action === 'subscribe' ? HOLDING.calendar : HOLDING.working);
}
