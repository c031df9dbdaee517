import type { Page, Workspace } from '../../domain/workspace.js';
import { channelViewer } from '../../app/decisions/channelViewer.js';
import type { Services } from '../../app/services.js';
import type { Decision } from '../../domain/decision.js';
import { type PageRequest, RESULTS_PAGE_SIZE } from '../blocks/decisionResults.js';

/** One page of `/decide list|search` as seen from a channel; shared by the command and its paging buttons. */
export async function fetchResultsPage(
  services: Services,
  workspace: Workspace,
  channelId: string,
  request: PageRequest,
): Promise<Page<Decision>> {
  const viewer = await channelViewer(services, workspace, channelId);
  const page = { offset: request.offset, limit: RESULTS_PAGE_SIZE };
  return request.query.k === 'search'
    ? services.decisions.search(workspace, request.query.q, viewer, page)
    : services.decisions.list(workspace, { tag: request.query.tag, status: request.query.status }, viewer, page);
}
