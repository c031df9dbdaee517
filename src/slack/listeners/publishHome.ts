import type { WebClient } from '@slack/web-api';
import type { UseCases } from '../../app/useCases.js';
import type { Workspace } from '../../domain/workspace.js';
import { homeView } from '../blocks/home.js';

/** Renders and publishes a person's App Home: their recent decisions, and search results if they searched. */
export async function publishHome(
  client: WebClient,
  useCases: Pick<UseCases, 'decisions'>,
  workspace: Workspace,
  userId: string,
  query?: string,
): Promise<void> {
  const home = await useCases.decisions.home(workspace, userId, query);
  await client.views.publish({ user_id: userId, view: homeView(home) });
}
