import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { isSlackConversationId } from '../../slackShapes.js';
import { workspaceOf } from '../../workspace.js';
import type { ListenerDeps } from '../deps.js';

type Args = SlackEventMiddlewareArgs<'channel_shared' | 'channel_unshared'> & AllMiddlewareArgs;

/**
 * A channel the app is in was shared with another organisation (Slack Connect), or unshared: from
 * this event on, a shared channel sees only its own decisions, without waiting for the cached
 * answer of conversations.info to expire.
 */
export function channelSharing({ useCases, logger }: ListenerDeps) {
  return async ({ event, context }: Args): Promise<void> => {
    const channelId: unknown = event.channel;
    if (!isSlackConversationId(channelId)) return;
    const shared = event.type === 'channel_shared';
    useCases.relitigation.channelSharingChanged(workspaceOf(context), channelId, shared);
    logger.info(
      { channelId, shared },
      shared ? 'a channel was shared with another organisation' : 'a channel was unshared',
    );
  };
}
