import { errorForLog } from '../../../../logger.js';
import { NOTHING_STORED, purgeConfirmationBlocks, purgeConfirmationText } from '../../../blocks/purgeConfirmation.js';
import { describePurgeRefusal } from '../../../copy/adminOnly.js';
import { HOLDING } from '../../../copy/holding.js';
import { PURGE_COUNT_FAILED } from '../../../copy/purge.js';
import { workspaceOf } from '../../../workspace.js';
import { workspaceRoleOf } from '../../../workspaceRole.js';
import type { ListenerDeps } from '../../deps.js';
import { answerSoon, type Reply } from './answerSoon.js';
import type { CommandArgs } from './commandArgs.js';

/**
 * `/decide admin purge`: shows a workspace admin everything stored for the workspace and asks before
 * deleting it; the "Delete everything" button (actions/purgeButtons.ts) does the deleting.
 */
export async function adminCommand({ useCases, logger }: ListenerDeps, args: CommandArgs): Promise<void> {
  const workspace = workspaceOf(args.context);
  const orgWide = Boolean(args.context.isEnterpriseInstall);
  const work = async (): Promise<Reply> => {
    const { role, failure } = await workspaceRoleOf(args.client, args.command.user_id, orgWide);
    if (failure) logger.warn({ failure }, 'users.info failed; /decide admin purge refused');
    try {
      const preview = await useCases.workspace.purgePreview({ workspace, role });
      switch (preview.kind) {
        case 'refused':
          return { text: describePurgeRefusal(preview.reason, orgWide, failure) };
        case 'nothing_stored':
          return { text: NOTHING_STORED };
        case 'confirm':
          return {
            text: purgeConfirmationText(preview.counts),
            blocks: purgeConfirmationBlocks(preview.counts, workspace.workspaceId),
          };
      }
    } catch (error) {
      logger.error({ err: errorForLog(error) }, 'counting what /decide admin purge would delete failed');
      return { text: PURGE_COUNT_FAILED };
    }
  };
  await answerSoon(args, work(), HOLDING.purge);
}
