import { DECISION_STATUSES } from '../../domain/decision.js';
import { COMMAND } from '../ids.js';

/** How to use a sub-command, for one typed without what it needs (`/decide show`). */
export const USAGE: Record<'list' | 'search' | 'show' | 'supersede' | 'watch' | 'llm' | 'costs' | 'admin', string> = {
  admin: `\`${COMMAND} admin purge\` deletes everything Decision Ledger has stored for this workspace, after showing what that is and asking you to confirm. Workspace admins and owners only.`,
  costs: `\`${COMMAND} costs [week|month|quarter] [all]\` sums this channel's coordination costs for the period (\`all\`: the workspace's public channels), e.g. \`${COMMAND} costs quarter\`.`,
  llm: `\`${COMMAND} llm on|off\` lets the relitigation watcher ask this deployment's LLM endpoint for a second opinion (it sends message text there; workspace admins and owners only); \`${COMMAND} llm\` shows the setting.`,
  watch: `\`${COMMAND} watch off|low|normal|high\` sets how readily I point out that a thread reopens a recorded decision in this channel; \`${COMMAND} watch\` shows the setting.`,
  list: `\`${COMMAND} list\` takes an optional #tag and an optional status (${DECISION_STATUSES.join(', ')}), e.g. \`${COMMAND} list #payments accepted\`.`,
  search: `Tell me what to look for: \`${COMMAND} search stripe invoicing\`.`,
  show: `Which decision? \`${COMMAND} show D-14\` (add \`full\` for every section of an imported record).`,
  supersede: `Name the decision and write the new one: \`${COMMAND} supersede D-14 We move billing back in-house because fees doubled\`.`,
};

/** `/decide help`'s plain-text fallback (the blocks say the rest). */
export const HELP_TEXT = 'Decision Ledger help';
