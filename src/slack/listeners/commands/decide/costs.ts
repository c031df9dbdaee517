import type { PeriodKind } from '../../../../domain/costs/periods.js';
import { errorForLog } from '../../../../logger.js';
import { costReportBlocks, costReportText } from '../../../blocks/costReport.js';
import { COSTS_UNAVAILABLE } from '../../../copy/costReplies.js';
import { HOLDING } from '../../../copy/holding.js';
import { workspaceOf } from '../../../workspace.js';
import type { ListenerDeps } from '../../deps.js';
import { answerSoon, type Reply } from './answerSoon.js';
import type { CommandArgs } from './commandArgs.js';

/** `/decide costs [week|month|quarter] [all]`: the period's coordination costs by kind. */
export async function costsCommand(
  { useCases, logger }: ListenerDeps,
  args: CommandArgs,
  request: { period: PeriodKind; scope: 'channel' | 'workspace' },
): Promise<void> {
  const work = async (): Promise<Reply> => {
    try {
      const report = await useCases.costs.report({
        workspace: workspaceOf(args.context),
        channelId: args.command.channel_id,
        ...request,
      });
      return { text: costReportText(report), blocks: costReportBlocks(report) };
    } catch (error) {
      logger.error({ err: errorForLog(error) }, 'summing costs for /decide costs failed');
      return { text: COSTS_UNAVAILABLE };
    }
  };
  await answerSoon(args, work(), HOLDING.costs);
}
