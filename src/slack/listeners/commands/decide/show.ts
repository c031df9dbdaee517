import { formatRef } from '../../../../domain/decision.js';
import { errorForLog } from '../../../../logger.js';
import { decisionDetailBlocks } from '../../../blocks/decisionCard.js';
import { fullRecordBlocks } from '../../../blocks/fullRecord.js';
import { LOG_UNAVAILABLE, notVisible } from '../../../copy/decisionReplies.js';
import { HOLDING } from '../../../copy/holding.js';
import { workspaceOf } from '../../../workspace.js';
import type { ListenerDeps } from '../../deps.js';
import { answerSoon, type Reply } from './answerSoon.js';
import type { CommandArgs } from './commandArgs.js';

/**
 * `/decide show D-14`: the card and its history, if it is visible from this channel;
 * `/decide show D-14 full`: every section of the file it was imported from.
 */
export async function showCommand(
  { useCases, logger }: ListenerDeps,
  args: CommandArgs,
  ref: number,
  full = false,
): Promise<void> {
  const workspace = workspaceOf(args.context);
  const work = async (): Promise<Reply> => {
    try {
      if (full) {
        const record = await useCases.decisions.showFull(workspace, args.command.channel_id, ref);
        if (!record) return { text: notVisible(ref) };
        return { text: formatRef(record.decision.ref), blocks: fullRecordBlocks(record.decision, record.document) };
      }
      const shown = await useCases.decisions.show(workspace, args.command.channel_id, ref);
      if (!shown) return { text: notVisible(ref) };
      const { decision, history } = shown;
      return { text: formatRef(decision.ref), blocks: decisionDetailBlocks(decision, history) };
    } catch (error) {
      logger.error({ err: errorForLog(error) }, 'showing a decision failed');
      return { text: LOG_UNAVAILABLE };
    }
  };
  await answerSoon(args, work(), HOLDING.lookUp);
}
