import type { AllMiddlewareArgs, BlockAction, PlainTextInputAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { encodePlainText } from '../../../domain/markup.js';
import { workspaceOf } from '../../workspace.js';
import type { ListenerDeps } from '../deps.js';
import { publishHome } from '../publishHome.js';
import { errorForLog } from '../../../logger.js';

type Args = SlackActionMiddlewareArgs<BlockAction<PlainTextInputAction>> & AllMiddlewareArgs;

/** Enter pressed in App Home's search box. */
export function homeSearch({ useCases, logger }: ListenerDeps) {
  return async ({ ack, action, body, client, context }: Args): Promise<void> => {
    await ack();
    // The box holds plain text; stored text is Slack-encoded, so the query is encoded the same way.
    const query = encodePlainText((action.value ?? '').trim().slice(0, 200));
    try {
      await publishHome(client, useCases, workspaceOf(context), body.user.id, query || undefined);
    } catch (error) {
      logger.warn({ err: errorForLog(error) }, 'App Home search failed');
    }
  };
}
