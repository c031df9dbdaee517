import type { WebClient } from '@slack/web-api';
import type { Workspace } from '../../domain/workspace.js';
import type { Services } from '../../app/services.js';
import { homeView } from '../blocks/home.js';

const RECENT = 10;
const SEARCH_RESULTS = 15;

/** Renders and publishes a person's App Home: their recent decisions, and search results if they searched. */
export async function publishHome(
  client: WebClient,
  services: Services,
  workspace: Workspace,
  userId: string,
  query?: string,
): Promise<void> {
  const viewer = { kind: 'user', userId } as const;
  const [recent, results] = await Promise.all([
    services.decisions.recentForUser(workspace, userId, RECENT),
    query ? services.decisions.search(workspace, query, viewer, { offset: 0, limit: SEARCH_RESULTS }) : undefined,
  ]);
  await client.views.publish({
    user_id: userId,
    view: homeView({ recent, search: query && results ? { query, page: results } : undefined }),
  });
}
