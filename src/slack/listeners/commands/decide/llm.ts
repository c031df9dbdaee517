import { errorForLog } from '../../../../logger.js';
import { describeLlmRefusal } from '../../../copy/adminOnly.js';
import { DATABASE_DOWN_SETTING_UNCHANGED } from '../../../copy/failures.js';
import { HOLDING } from '../../../copy/holding.js';
import { describeLlmSetting } from '../../../copy/watcherSettings.js';
import { workspaceOf } from '../../../workspace.js';
import { workspaceRoleOf } from '../../../workspaceRole.js';
import type { ListenerDeps } from '../../deps.js';
import { answerSoon, type Reply } from './answerSoon.js';
import type { CommandArgs } from './commandArgs.js';

/** `/decide llm [on|off]`: the workspace's opt-in to the LLM's second opinion on relitigation (admins change it). */
export async function llmCommand(
  { useCases, logger }: ListenerDeps,
  args: CommandArgs,
  optIn: boolean | null,
): Promise<void> {
  const workspace = workspaceOf(args.context);
  // Without an endpoint there is nothing to opt in to, and no need to ask the database.
  const { configured, endpoint } = await useCases.workspace.llmStatus(workspace, { readOptIn: false });
  if (!configured) {
    await args.ack({
      response_type: 'ephemeral',
      text: describeLlmSetting({ configured: false, optIn: false, changed: false, endpoint }),
    });
    return;
  }
  const work = async (): Promise<Reply> => {
    try {
      if (optIn === null) {
        const { optIn: current } = await useCases.workspace.llmStatus(workspace, { readOptIn: true });
        return { text: describeLlmSetting({ configured: true, optIn: current, changed: false, endpoint }) };
      }
      const orgWide = Boolean(args.context.isEnterpriseInstall);
      const { role, failure } = await workspaceRoleOf(args.client, args.command.user_id, orgWide);
      if (failure) logger.warn({ failure }, 'users.info failed; /decide llm refused');
      const change = await useCases.workspace.changeLlmOptIn({ workspace, role, optIn });
      if (change.kind === 'refused') return { text: describeLlmRefusal(change.reason, orgWide, failure) };
      return { text: describeLlmSetting({ configured: true, optIn, changed: true, endpoint }) };
    } catch (error) {
      logger.error({ err: errorForLog(error) }, 'reading or changing the LLM opt-in failed');
      return { text: DATABASE_DOWN_SETTING_UNCHANGED };
    }
  };
  await answerSoon(args, work(), optIn === null ? HOLDING.lookUp : HOLDING.change);
}
