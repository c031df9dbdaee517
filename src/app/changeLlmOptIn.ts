import type { Workspace } from './ports.js';
import type { WorkspaceRole } from './purgeWorkspace.js';
import type { Services } from './services.js';

export type LlmOptInChange = { kind: 'changed'; optIn: boolean } | { kind: 'refused'; reason: 'not_admin' | 'role_unknown' };

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
  if (props.role === 'unknown') return { kind: 'refused', reason: 'role_unknown' };
  if (props.role !== 'admin') return { kind: 'refused', reason: 'not_admin' };
  await props.services.workspaceSettings.setLlmOptIn(props.workspace, props.optIn);
  return { kind: 'changed', optIn: props.optIn };
}
