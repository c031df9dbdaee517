import type { Decision } from '../../domain/decision.js';
import type { Page, Workspace } from '../../domain/workspace.js';
import type { Services } from '../services.js';

const RECENT = 10;
const SEARCH_RESULTS = 15;

/** What a person's App Home shows: decisions they recorded or decided, and what they searched for. */
export async function homeDecisions(
  services: Pick<Services, 'decisions'>,
  workspace: Workspace,
  userId: string,
  query?: string,
): Promise<{ recent: Decision[]; search?: { query: string; page: Page<Decision> } }> {
  const viewer = { kind: 'user', userId } as const;
  const [recent, results] = await Promise.all([
    services.decisions.recentForUser(workspace, userId, RECENT),
    query ? services.decisions.search(workspace, query, viewer, { offset: 0, limit: SEARCH_RESULTS }) : undefined,
  ]);
  return { recent, search: query && results ? { query, page: results } : undefined };
}
