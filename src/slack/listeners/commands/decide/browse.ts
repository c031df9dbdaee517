import type { DecisionStatus } from '../../../../domain/decision.js';
import { formatRef } from '../../../../domain/decision.js';
import { decisionDetailBlocks } from '../../../blocks/decisionCard.js';
import { decisionResultsBlocks, describeQuery, type ResultsQuery } from '../../../blocks/decisionResults.js';
import { notVisible } from '../../../copy.js';
import { workspaceOf } from '../../../workspace.js';
import type { ListenerDeps } from '../../deps.js';
import { fetchResultsPage } from '../../resultsPage.js';
import type { CommandArgs } from './index.js';
import { errorForLog } from '../../../../logger.js';

const UNAVAILABLE = "I couldn't read the decision log: the database did not answer. Try again in a minute.";

/** `/decide list [#tag] [status]` */
export async function listDecisions(
  deps: ListenerDeps,
  args: CommandArgs,
  filter: { tag: string | null; status: DecisionStatus | null },
): Promise<void> {
  await answerWithResults(deps, args, { k: 'list', tag: filter.tag, status: filter.status });
}

/** `/decide search <words>` */
export async function searchDecisions(deps: ListenerDeps, args: CommandArgs, query: string): Promise<void> {
  await answerWithResults(deps, args, { k: 'search', q: query.slice(0, 500) });
}

async function answerWithResults(deps: ListenerDeps, args: CommandArgs, query: ResultsQuery): Promise<void> {
  try {
    const page = await fetchResultsPage(deps.services, workspaceOf(args.context), args.command.channel_id, { query, offset: 0 });
    await args.ack({ response_type: 'ephemeral', text: describeQuery(query), blocks: decisionResultsBlocks(query, page) });
  } catch (error) {
    deps.logger.error({ err: errorForLog(error) }, 'reading decisions failed');
    await args.ack({ response_type: 'ephemeral', text: UNAVAILABLE });
  }
}

/** `/decide show D-14`: the card and its history, if it is visible from this channel. */
export async function showDecision({ services, logger }: ListenerDeps, args: CommandArgs, ref: number): Promise<void> {
  const workspace = workspaceOf(args.context);
  try {
    const decision = await services.decisions.findByRef(workspace, ref, { kind: 'channel', channelId: args.command.channel_id });
    if (!decision) {
      await args.ack({ response_type: 'ephemeral', text: notVisible(ref) });
      return;
    }
    const history = await services.decisions.history(workspace, decision.id);
    await args.ack({ response_type: 'ephemeral', text: `${formatRef(decision.ref)}`, blocks: decisionDetailBlocks(decision, history) });
  } catch (error) {
    logger.error({ err: errorForLog(error) }, 'showing a decision failed');
    await args.ack({ response_type: 'ephemeral', text: UNAVAILABLE });
  }
}
