import type { Decision, DecisionStatus } from '../../domain/decision.js';
import type { Page, Workspace } from '../../domain/workspace.js';
import type { Services } from '../services.js';
import { channelViewer } from './channelViewer.js';

/** What `/decide list|search` asks for; short keys because it travels in the paging buttons' value. */
export type DecisionQuery =
  | { k: 'list'; tag: string | null; status: DecisionStatus | null }
  | { k: 'search'; q: string };

/** One page of `/decide list|search` as seen from a channel; shared by the command and its paging buttons. */
export async function browseDecisions(
  services: Pick<Services, 'decisions' | 'conversations'>,
  workspace: Workspace,
  channelId: string,
  request: { query: DecisionQuery; offset: number; limit: number },
): Promise<Page<Decision>> {
  const viewer = await channelViewer(services, workspace, channelId);
  const page = { offset: request.offset, limit: request.limit };
  const { query } = request;
  return query.k === 'search'
    ? services.decisions.search(workspace, query.q, viewer, page)
    : services.decisions.list(workspace, { tag: query.tag, status: query.status }, viewer, page);
}
