import type { DecisionStatus } from '../../../../domain/decision.js';
import { errorForLog } from '../../../../logger.js';
import {
  decisionResultsBlocks,
  describeQuery,
  RESULTS_PAGE_SIZE,
  type ResultsQuery,
} from '../../../blocks/decisionResults.js';
import { LOG_UNAVAILABLE } from '../../../copy/decisionReplies.js';
import { withTextBack } from '../../../copy/failures.js';
import { HOLDING } from '../../../copy/holding.js';
import { workspaceOf } from '../../../workspace.js';
import type { ListenerDeps } from '../../deps.js';
import { answerSoon, type Reply } from './answerSoon.js';
import type { CommandArgs } from './commandArgs.js';

/** `/decide list [#tag] [status]` */
export async function listCommand(
  deps: ListenerDeps,
  args: CommandArgs,
  filter: { tag: string | null; status: DecisionStatus | null },
): Promise<void> {
  await answerWithResults(deps, args, { k: 'list', tag: filter.tag, status: filter.status });
}

/** `/decide search <words>` */
export async function searchCommand(deps: ListenerDeps, args: CommandArgs, query: string): Promise<void> {
  await answerWithResults(deps, args, { k: 'search', q: query.slice(0, 500) });
}

async function answerWithResults(
  { useCases, logger }: ListenerDeps,
  args: CommandArgs,
  query: ResultsQuery,
): Promise<void> {
  const work = async (): Promise<Reply> => {
    try {
      const page = await useCases.decisions.browse(workspaceOf(args.context), args.command.channel_id, {
        query,
        offset: 0,
        limit: RESULTS_PAGE_SIZE,
      });
      return { text: describeQuery(query), blocks: decisionResultsBlocks(query, page) };
    } catch (error) {
      logger.error({ err: errorForLog(error) }, 'reading decisions failed');
      // Search words come back to copy, as typed text does everywhere; a list's filter is too short to matter.
      return {
        text:
          query.k === 'search'
            ? withTextBack(LOG_UNAVAILABLE, `${args.command.command} ${args.command.text}`)
            : LOG_UNAVAILABLE,
      };
    }
  };
  await answerSoon(args, work(), HOLDING.lookUp);
}
