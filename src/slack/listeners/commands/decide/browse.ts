import type { DecisionStatus } from '../../../../domain/decision.js';
import { formatRef } from '../../../../domain/decision.js';
import { decisionDetailBlocks } from '../../../blocks/decisionCard.js';
import {
  decisionResultsBlocks,
  describeQuery,
  RESULTS_PAGE_SIZE,
  type ResultsQuery,
} from '../../../blocks/decisionResults.js';
import { HOLDING, notVisible, withTextBack } from '../../../copy.js';
import { workspaceOf } from '../../../workspace.js';
import type { ListenerDeps } from '../../deps.js';
import { answerSoon, type Reply } from './answerSoon.js';
import type { CommandArgs } from './commandArgs.js';
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
            ? withTextBack(UNAVAILABLE, `${args.command.command} ${args.command.text}`)
            : UNAVAILABLE,
      };
    }
  };
  await answerSoon(args, work(), HOLDING.lookUp);
}

/** `/decide show D-14`: the card and its history, if it is visible from this channel. */
export async function showDecision({ useCases, logger }: ListenerDeps, args: CommandArgs, ref: number): Promise<void> {
  const workspace = workspaceOf(args.context);
  const work = async (): Promise<Reply> => {
    try {
      const shown = await useCases.decisions.show(workspace, args.command.channel_id, ref);
      if (!shown) return { text: notVisible(ref) };
      const { decision, history } = shown;
      return { text: formatRef(decision.ref), blocks: decisionDetailBlocks(decision, history) };
    } catch (error) {
      logger.error({ err: errorForLog(error) }, 'showing a decision failed');
      return { text: UNAVAILABLE };
    }
  };
  await answerSoon(args, work(), HOLDING.lookUp);
}
