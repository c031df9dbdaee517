import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { workspaceOf } from '../../workspace.js';
import type { ListenerDeps } from '../deps.js';
import { publishHome } from '../publishHome.js';
import { errorForLog } from '../../../logger.js';

type Args = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

/** The Home tab was opened: show the person's recent decisions and the search box. */
export function appHomeOpened({ useCases, logger }: ListenerDeps) {
  return async ({ event, client, context }: Args): Promise<void> => {
    if (event.tab !== 'home') return;
    try {
      await publishHome(client, useCases, workspaceOf(context), event.user);
    } catch (error) {
      logger.warn({ err: errorForLog(error) }, 'publishing App Home failed');
    }
  };
}
