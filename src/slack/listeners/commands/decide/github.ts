import { errorForLog } from '../../../../logger.js';
import { githubLinkedElsewhere, HOLDING } from '../../../copy.js';
import { workspaceOf } from '../../../workspace.js';
import type { ListenerDeps } from '../../deps.js';
import { answerSoon, type Reply } from './answerSoon.js';
import type { CommandArgs } from './commandArgs.js';

/** `/decide github [owner/repo | off owner/repo]`: which repositories' review waits count for this channel. */
export async function githubFromCommand(
  { useCases, logger, githubWebhooks }: ListenerDeps,
  args: CommandArgs,
  request: { action: 'list' } | { action: 'link' | 'unlink'; repository: string },
): Promise<void> {
  const { command, context } = args;
  const workspace = workspaceOf(context);
  const setup = githubWebhooks
    ? 'In the repository (or its organisation) add a webhook: Payload URL `https://<this app>/github/webhook`, content type `application/json`, the secret your operator set as GITHUB_WEBHOOK_SECRET, events *Pull requests* and *Pull request reviews*.'
    : 'This deployment does not take GitHub webhooks yet: an operator needs to set GITHUB_WEBHOOK_SECRET.';
  const work = async (): Promise<Reply> => {
    try {
      if (request.action === 'list') {
        const repositories = await useCases.costs.linkedRepositories(workspace, command.channel_id);
        return {
          text:
            repositories.length === 0
              ? `No repositories count their review waits here. Link one with \`/decide github owner/repo\`. ${setup}`
              : `Review waits of ${repositories.map((r) => `\`${r}\``).join(', ')} count for this channel. ${setup}`,
        };
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
      if (request.action === 'unlink') {
        return {
          text:
            change.kind === 'done'
              ? `\`${key}\` no longer counts here. Waits already recorded stay in the costs.`
              : `\`${key}\` was not linked in this workspace.`,
        };
      }
      return { text: `Review waits of \`${key}\` now count for this channel, in working hours. ${setup}` };
    } catch (error) {
      logger.error({ err: errorForLog(error) }, 'the /decide github command failed');
      return { text: "I couldn't reach the database just now; nothing changed. Try again in a minute." };
    }
  };
  await answerSoon(args, work(), request.action === 'list' ? HOLDING.lookUp : HOLDING.change);
}
