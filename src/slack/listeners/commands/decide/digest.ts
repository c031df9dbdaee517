import { composeDigest } from '../../../../app/digests/composeDigest.js';
import { costSettingsFor } from '../../../../app/costs/costSettingsFor.js';
import {
  digestPeriodOf,
  type DigestArguments,
  describeSchedule,
  latestRunAt,
  nextRunAt,
} from '../../../../domain/digest/schedule.js';
import { errorForLog } from '../../../../logger.js';
import { digestBlocks, digestText } from '../../../blocks/digest.js';
import { describeDigestProblem, HOLDING } from '../../../copy.js';
import { workspaceOf } from '../../../workspace.js';
import type { ListenerDeps } from '../../deps.js';
import { answerSoon, type Reply } from './answerSoon.js';
import type { CommandArgs } from './commandArgs.js';

const WEEK_MS = 7 * 24 * 3_600_000;

/** `/decide digest weekly fri 16:00 [zone] | daily HH:MM | monthly <day> HH:MM | off | preview`: this channel's Reflection digest. */
export async function digestFromCommand(
  { services, logger }: ListenerDeps,
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
      const defaultZone = (await costSettingsFor(services, workspace, channelId)).timeZone;
      const now = services.now();
      switch (request.kind) {
        case 'set': {
          // A schedule without a zone takes the channel's now, so the tick never has to look it up.
          const schedule = { ...request.schedule, timeZone: request.schedule.timeZone ?? defaultZone };
          await services.digests.saveSchedule(workspace, channelId, schedule, command.user_id, now);
          const zone = schedule.timeZone;
          const next = nextRunAt(schedule, now, zone);
          return {
            text:
              `This channel's Reflection digest comes ${describeSchedule(schedule, zone)}; the next one on ${next.toISOString().slice(0, 16).replace('T', ' ')} UTC. ` +
              'It covers what was decided, superseded and due for revisit, the threads that reopened a decision, and what coordination cost. `/decide digest preview` shows it now; `/decide digest off` stops it. Invite me to the channel if I am not in it yet.',
          };
        }
        case 'off':
          return {
            text: (await services.digests.removeSchedule(workspace, channelId))
              ? 'The Reflection digest of this channel is off.'
              : 'This channel had no Reflection digest.',
          };
        case 'show': {
          const stored = await services.digests.schedule(workspace, channelId);
          if (!stored)
            return {
              text: 'No Reflection digest here yet. Set one with `/decide digest weekly fri 16:00` (or `daily 09:30`, `monthly 1 09:00`, with a time zone after the time if you like).',
            };
          const zone = stored.schedule.timeZone ?? defaultZone;
          const paused = stored.pausedReason ? ` It is paused: ${stored.pausedReason}` : '';
          return {
            text: `This channel's Reflection digest comes ${describeSchedule(stored.schedule, zone)}.${paused}`,
          };
        }
        case 'preview': {
          // What the next digest would say if it were posted now.
          const stored = await services.digests.schedule(workspace, channelId);
          const period = stored
            ? {
                ...digestPeriodOf(
                  stored.schedule,
                  latestRunAt(stored.schedule, now, stored.schedule.timeZone ?? defaultZone),
                  stored.schedule.timeZone ?? defaultZone,
                ),
                end: now,
              }
            : { start: new Date(now.getTime() - WEEK_MS), end: now, label: 'the last 7 days' };
          const { digest, settings } = await composeDigest({
            services,
            workspace,
            channelId,
            period: { ...period, label: `${period.label} (preview)` },
          });
          return { text: digestText(digest), blocks: digestBlocks(digest, { settings }) };
        }
      }
    } catch (error) {
      logger.error({ err: errorForLog(error) }, 'the /decide digest command failed');
      return { text: "I couldn't reach the database just now; nothing changed. Try again in a minute." };
    }
  };
  await answerSoon(args, work(), HOLDING.working);
}
