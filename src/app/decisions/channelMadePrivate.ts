import type { Workspace } from '../../domain/workspace.js';
import type { Services } from '../services.js';

/**
 * A channel was converted to private: what it decided stops showing anywhere else at once — its
 * decisions become private, and the cached answer that it was public is replaced. Idempotent.
 */
export async function channelMadePrivate(props: {
  services: Pick<Services, 'decisions' | 'conversations'>;
  workspace: Workspace;
  channelId: string;
}): Promise<number> {
  props.services.conversations.notePrivate(props.workspace, props.channelId);
  return props.services.decisions.makeChannelPrivate(props.workspace, props.channelId);
}
