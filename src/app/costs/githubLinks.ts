import type { Workspace } from '../../domain/workspace.js';
import type { LinkChange } from './ports.js';
import type { Services } from '../services.js';

/** Repositories whose review waits count for a channel. */
export function linkedRepositories(
  services: Pick<Services, 'github'>,
  workspace: Workspace,
  channelId: string,
): Promise<string[]> {
  return services.github.linkedTo(workspace, channelId);
}

/**
 * Links or unlinks a repository (`owner/repo`, any case) for a channel. A repository counts for one
 * channel of a workspace: only that channel relinks or unlinks it.
 */
export function changeRepositoryLink(
  services: Pick<Services, 'github'>,
  request: { workspace: Workspace; channelId: string; repository: string; link: boolean; userId: string },
): Promise<LinkChange> {
  const key = request.repository.toLowerCase();
  return request.link
    ? services.github.link(request.workspace, key, request.channelId, request.userId)
    : services.github.unlink(request.workspace, key, request.channelId);
}
