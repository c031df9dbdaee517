import type { CommandArgs } from './commandArgs.js';
import { parseDecideCommand } from '../../../../domain/decideCommand.js';
import { helpBlocks } from '../../../blocks/help.js';
import type { ListenerDeps } from '../../deps.js';
import { listDecisions, searchDecisions, showDecision } from './browse.js';
import { openDecisionModal } from './openModal.js';
import { recordFromCommand } from './record.js';
import { supersedeFromCommand } from './supersede.js';
import { llmSetting } from './llm.js';
import { watchSetting } from './watch.js';
import { calendarFromCommand } from './calendar.js';
import { costsFromCommand } from './costs.js';
import { digestFromCommand } from './digest.js';
import { githubFromCommand } from './github.js';
import { meetingFromCommand } from './meeting.js';
import { costSettingsFromCommand } from './settings.js';
import { adminPurgeFromCommand } from './admin.js';
import { describeMeetingProblem, USAGE, withTextBack } from '../../../copy.js';

/** `/decide …`: one entry point, one handler per sub-command. */
export function decideCommand(deps: ListenerDeps) {
  return async (args: CommandArgs): Promise<void> => {
    const command = parseDecideCommand(args.command.text ?? '');
    switch (command.kind) {
      case 'open_modal':
        return openDecisionModal(deps, args);
      case 'help':
        await args.ack({
          response_type: 'ephemeral',
          text: 'Decision Ledger help',
          blocks: helpBlocks(command.unknown),
        });
        return;
      case 'usage':
        await args.ack({ response_type: 'ephemeral', text: USAGE[command.subcommand] });
        return;
      case 'record':
        return recordFromCommand(deps, args, command.text);
      case 'list':
        return listDecisions(deps, args, command);
      case 'search':
        return searchDecisions(deps, args, command.query);
      case 'show':
        return showDecision(deps, args, command.ref);
      case 'supersede':
        return supersedeFromCommand(deps, args, command.ref, command.text);
      case 'watch':
        return watchSetting(deps, args, command.sensitivity);
      case 'llm':
        return llmSetting(deps, args, command.optIn);
      case 'meeting':
        return meetingFromCommand(deps, args, command);
      case 'meeting_invalid':
        await args.ack({
          response_type: 'ephemeral',
          text: withTextBack(describeMeetingProblem(command.problem), `/decide meeting ${command.given}`),
        });
        return;
      case 'costs':
        return costsFromCommand(deps, args, command);
      case 'settings':
        return costSettingsFromCommand(deps, args);
      case 'calendar':
        return calendarFromCommand(deps, args, command);
      case 'github':
        return githubFromCommand(deps, args, command);
      case 'digest':
        return digestFromCommand(deps, args, command.request);
      case 'admin_purge':
        return adminPurgeFromCommand(deps, args);
    }
  };
}
