import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  RespondArguments,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import { errorForLog } from '../../../logger.js';
import { NOTHING_LEFT, PURGE_CANCELLED, purgedBlocks, purgedText } from '../../blocks/purgeConfirmation.js';
import { describePurgeRefusal } from '../../copy/adminOnly.js';
import { PURGE_BUTTON_EXPIRED, PURGE_DATABASE_DOWN } from '../../copy/purge.js';
import { workspaceOf } from '../../workspace.js';
import { workspaceRoleOf } from '../../workspaceRole.js';
import type { ListenerDeps } from '../deps.js';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/**
 * "Delete everything" under `/decide admin purge`'s confirmation: checks again that the clicker is an
 * admin (the message could be old, the role taken away since), deletes, and replaces the confirmation
 * with what was deleted.
 */
export function confirmPurge({ useCases, logger }: ListenerDeps) {
  return async ({ ack, action, body, context, client, respond }: Args): Promise<void> => {
    await ack();
    const workspace = workspaceOf(context);
    const answer = (message: RespondArguments) =>
      respond({ response_type: 'ephemeral', ...message }).catch((error: unknown) =>
        logger.info({ err: errorForLog(error) }, 'answering a purge button through response_url failed'),
      );
    // The confirmation names the workspace it counted; a click arriving for another one is no consent.
    if (action.value !== workspace.workspaceId) {
      await answer({ replace_original: false, text: PURGE_BUTTON_EXPIRED });
      return;
    }
    const orgWide = Boolean(context.isEnterpriseInstall);
    const { role, failure } = await workspaceRoleOf(client, body.user.id, orgWide);
    if (failure) logger.warn({ failure }, 'users.info failed; purge refused');
    let outcome: Awaited<ReturnType<ListenerDeps['useCases']['workspace']['purge']>>;
    try {
      outcome = await useCases.workspace.purge({ workspace, role });
    } catch (error) {
      logger.error({ err: errorForLog(error) }, "purging a workspace's data failed");
      await answer({ replace_original: false, text: PURGE_DATABASE_DOWN });
      return;
    }
    switch (outcome.kind) {
      case 'refused':
        await answer({ replace_original: false, text: describePurgeRefusal(outcome.reason, orgWide, failure) });
        return;
      case 'nothing_left':
        // A double click, or an old confirmation: the first click's answer stays where it is.
        await answer({ replace_original: false, text: NOTHING_LEFT });
        return;
      case 'purged':
        logger.info(
          { workspaceId: workspace.workspaceId, userId: body.user.id, deleted: outcome.deleted },
          "a workspace admin deleted the workspace's data",
        );
        await answer({
          replace_original: true,
          text: purgedText(outcome.deleted),
          blocks: purgedBlocks(outcome.deleted),
        });
        return;
    }
  };
}

/** "Cancel": the confirmation goes, and says nothing was deleted. */
export function cancelPurge({ logger }: ListenerDeps) {
  return async ({ ack, respond }: Args): Promise<void> => {
    await ack();
    await respond({ response_type: 'ephemeral', replace_original: true, text: PURGE_CANCELLED }).catch(
      (error: unknown) =>
        logger.info({ err: errorForLog(error) }, 'answering a purge button through response_url failed'),
    );
  };
}
