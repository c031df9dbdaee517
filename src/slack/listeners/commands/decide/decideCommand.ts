import type { CommandArgs } from './commandArgs.js';
import { parseDecideCommand } from '../../../../domain/decideCommand.js';
import { helpBlocks } from '../../../blocks/help.js';
import { COMMAND } from '../../../ids.js';
import type { ListenerDeps } from '../../deps.js';
import { listCommand, searchCommand } from './listAndSearch.js';
import { showCommand } from './show.js';
import { openModalCommand } from './openModal.js';
import { recordCommand } from './record.js';
import { supersedeCommand } from './supersede.js';
import { llmCommand } from './llm.js';
import { watchCommand } from './watch.js';
import { calendarCommand } from './calendar.js';
import { costsCommand } from './costs.js';
import { digestCommand } from './digest.js';
import { githubCommand } from './github.js';
import { meetingCommand } from './meeting.js';
import { settingsCommand } from './settings.js';
import { adminCommand } from './admin.js';
import { describeMeetingProblem } from '../../../copy/costReplies.js';
import { withTextBack } from '../../../copy/failures.js';
import { HELP_TEXT, USAGE } from '../../../copy/usage.js';

/** `/decide …`: one entry point, one handler per sub-command. */
export function decideCommand(deps: ListenerDeps) {
  return async (args: CommandArgs): Promise<void> => {
    const command = parseDecideCommand(args.command.text ?? '');
    switch (command.kind) {
      case 'open_modal':
        return openModalCommand(deps, args);
      case 'help':
        await args.ack({
          response_type: 'ephemeral',
          text: HELP_TEXT,
          blocks: helpBlocks(command.unknown),
        });
        return;
      case 'usage':
        await args.ack({ response_type: 'ephemeral', text: USAGE[command.subcommand] });
        return;
      case 'record':
        return recordCommand(deps, args, command.text);
      case 'list':
        return listCommand(deps, args, command);
      case 'search':
        return searchCommand(deps, args, command.query);
      case 'show':
        return showCommand(deps, args, command.ref, command.full === true);
      case 'supersede':
        return supersedeCommand(deps, args, command.ref, command.text);
      case 'watch':
        return watchCommand(deps, args, command.sensitivity);
      case 'llm':
        return llmCommand(deps, args, command.optIn);
      case 'meeting':
        return meetingCommand(deps, args, command);
      case 'meeting_invalid':
        await args.ack({
          response_type: 'ephemeral',
          text: withTextBack(describeMeetingProblem(command.problem), `${COMMAND} meeting ${command.given}`),
        });
        return;
      case 'costs':
        return costsCommand(deps, args, command);
      case 'settings':
        return settingsCommand(deps, args);
      case 'calendar':
        return calendarCommand(deps, args, command);
      case 'github':
        return githubCommand(deps, args, command);
      case 'digest':
        return digestCommand(deps, args, command.request);
      case 'admin_purge':
        return adminCommand(deps, args);
    }
  };
}
