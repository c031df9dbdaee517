import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { errorForLog } from '../../../logger.js';
import type { ListenerDeps } from '../deps.js';

type Args<E extends 'app_uninstalled' | 'tokens_revoked'> = SlackEventMiddlewareArgs<E> & AllMiddlewareArgs;

/**
 * The app was removed from a workspace (or an org): its tokens are deleted and its digest schedules
 * paused (setting one again starts it). The workspace's decisions stay until an admin purges them (`/decide admin purge`, before uninstalling) — a
 * reinstall finds its ledger again. Slack sends these events without an installation to authorize
 * with, so the context carries only ids.
 */
export function appUninstalled({ installations, useCases, logger }: ListenerDeps) {
  return async ({ context }: Args<'app_uninstalled'>): Promise<void> => {
    const query = {
      teamId: context.teamId,
      enterpriseId: context.enterpriseId,
      isEnterpriseInstall: Boolean(context.isEnterpriseInstall),
    };
    if (!installations) {
      logger.warn({ teamId: query.teamId ?? null }, 'the app was uninstalled; SLACK_BOT_TOKEN no longer works');
      return;
    }
    try {
      await installations.deleteWorkspace(query);
      // The workspace's digests stop now, rather than failing the next time each comes due.
      const workspaceId = query.isEnterpriseInstall ? query.enterpriseId : query.teamId;
      const paused = workspaceId
        ? await useCases.digests.pauseUninstalled({ workspaceId, enterpriseId: query.enterpriseId ?? null })
        : 0;
      logger.info(
        {
          teamId: query.teamId ?? null,
          enterpriseId: query.enterpriseId ?? null,
          orgWide: query.isEnterpriseInstall,
          digestsPaused: paused,
        },
        'the app was uninstalled; its tokens are deleted and its digest schedules paused',
      );
    } catch (error) {
      logger.error(
        { err: errorForLog(error), teamId: query.teamId ?? null },
        'could not delete the tokens of an uninstalled workspace',
      );
      throw error;
    }
  };
}

/** Tokens were revoked (a user's, or the bot's): they are deleted. */
export function tokensRevoked({ installations, logger }: ListenerDeps) {
  return async ({ event, context }: Args<'tokens_revoked'>): Promise<void> => {
    const query = {
      teamId: context.teamId,
      enterpriseId: context.enterpriseId,
      isEnterpriseInstall: Boolean(context.isEnterpriseInstall),
    };
    const revoked = { botUserIds: event.tokens.bot ?? [], userIds: event.tokens.oauth ?? [] };
    if (!installations) {
      logger.warn(
        { teamId: query.teamId ?? null, bot: revoked.botUserIds.length },
        'tokens were revoked; if the bot token was among them, SLACK_BOT_TOKEN no longer works',
      );
      return;
    }
    await installations.revokeTokens(query, revoked);
    logger.info(
      { teamId: query.teamId ?? null, bot: revoked.botUserIds.length, users: revoked.userIds.length },
      'revoked tokens deleted',
    );
  };
}
