import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import {
  decisionResultsBlocks,
  describeQuery,
  parsePageRequest,
  RESULTS_PAGE_SIZE,
} from '../../blocks/decisionResults.js';
import { PAGE_EXPIRED, PAGE_UNAVAILABLE } from '../../copy/decisionReplies.js';
import { workspaceOf } from '../../workspace.js';
import type { ListenerDeps } from '../deps.js';
import { errorForLog } from '../../../logger.js';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** Previous/Next under `/decide list|search` results: replaces the ephemeral message with the other page. */
export function resultsPage({ useCases, logger }: ListenerDeps) {
  return async ({ ack, action, body, respond, context }: Args): Promise<void> => {
    await ack();
    const request = parsePageRequest(action.value);
    const channelId = body.channel?.id;
    if (!request || !channelId) {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: PAGE_EXPIRED,
      });
      return;
    }
    try {
      const page = await useCases.decisions.browse(workspaceOf(context), channelId, {
        ...request,
        limit: RESULTS_PAGE_SIZE,
      });
      await respond({
        response_type: 'ephemeral',
        replace_original: true,
        text: describeQuery(request.query),
        blocks: decisionResultsBlocks(request.query, page),
      });
    } catch (error) {
      logger.error({ err: errorForLog(error) }, 'paging decisions failed');
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: PAGE_UNAVAILABLE,
      });
    }
  };
}
