import type { Workspace } from '../../domain/workspace.js';
import type { Services } from '../services.js';

/** Whether this deployment has an LLM endpoint (and where), and whether the workspace opted in to it. */
export async function llmStatus(
  services: Pick<Services, 'relitigationLlm' | 'workspaceSettings'>,
  workspace: Workspace,
  options: { readOptIn: boolean },
): Promise<{ configured: boolean; endpoint: string | null; optIn: boolean }> {
  const llm = services.relitigationLlm;
  if (!llm) return { configured: false, endpoint: null, optIn: false };
  const optIn = options.readOptIn ? await services.workspaceSettings.llmOptIn(workspace) : false;
  return { configured: true, endpoint: llm.endpoint, optIn };
}
