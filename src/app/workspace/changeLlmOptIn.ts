import type { Workspace } from '../../domain/workspace.js';
import { type AdminRefusal, adminRefusal, type WorkspaceRole } from './adminOnly.js';
import type { Services } from '../services.js';

export type LlmOptInChange = { kind: 'changed'; optIn: boolean } | { kind: 'refused'; reason: AdminRefusal };

/**
 * `/decide llm on|off` for the whole workspace. Turning it on sends the text of messages from
 * every channel the app is in, private ones included, to the deployment's LLM endpoint: only the
 * workspace's admins and owners decide that (and turning it off, so a member cannot undo them).
 */
export async function changeLlmOptIn(props: {
  services: Pick<Services, 'workspaceSettings'>;
  workspace: Workspace;
  role: WorkspaceRole;
  optIn: boolean;
}): Promise<LlmOptInChange> {
  const refused = adminRefusal(props.role);
  if (refused) return { kind: 'refused', reason: refused };
  await props.services.workspaceSettings.setLlmOptIn(props.workspace, props.optIn);
  return { kind: 'changed', optIn: props.optIn };
}
