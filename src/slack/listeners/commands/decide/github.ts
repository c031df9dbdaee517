import { errorForLog } from '../../../../logger.js';
import {
  githubLinked,
  githubLinkedElsewhere,
  githubRepositories,
  githubSetup,
  githubUnlinked,
} from '../../../copy/costReplies.js';
import { DATABASE_DOWN_NOTHING_CHANGED } from '../../../copy/failures.js';
import { HOLDING } from '../../../copy/holding.js';
import { workspaceOf } from '../../../workspace.js';
import type { ListenerDeps } from '../../deps.js';
import { answerSoon, type Reply } from './answerSoon.js';
import type { CommandArgs } from './commandArgs.js';

/** `/decide github [owner/repo | off owner/repo]`: which repositories' review waits count for this channel. */
export async function githubCommand(
  { useCases, logger, githubWebhooks }: ListenerDeps,
  args: CommandArgs,
  request: { action: 'list' } | { action: 'link' | 'unlink'; repository: string },
): Promise<void> {
  const { command, context } = args;
  const workspace = workspaceOf(context);
  const setup = githubSetup(githubWebhooks);
  const work = async (): Promise<Reply> => {
    try {
      if (request.action === 'list') {
        const repositories = await useCases.costs.linkedRepositories(workspace, command.channel_id);
        return { text: githubRepositories(repositories, setup) };
      }
      const key = request.repository.toLowerCase();
      const change = await useCases.costs.changeRepositoryLink({
        workspace,
        channelId: command.channel_id,
        repository: key,
        link: request.action === 'link',
        userId: command.user_id,
      });
      if (change.kind === 'linked_elsewhere')
        return { text: githubLinkedElsewhere(key, change.channelId, request.action) };
      if (request.action === 'unlink') return { text: githubUnlinked(key, change.kind === 'done') };
      return { text: githubLinked(key, setup) };
    } catch (error) {
      logger.error({ err: errorForLog(error) }, 'the /decide github command failed');
      return { text: DATABASE_DOWN_NOTHING_CHANGED };
    }
  };
  await answerSoon(args, work(), request.action === 'list' ? HOLDING.lookUp : HOLDING.change);
}
