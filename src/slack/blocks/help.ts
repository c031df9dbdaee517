import type { KnownBlock } from '@slack/types';
import { DECISION_STATUSES } from '../../domain/decision.js';
import { COMMAND } from '../ids.js';
import { plainUserText } from './text.js';

export const HELP_LINES = [
  `\`${COMMAND} <decision> because <why> #tag revisit in 3 months\` — record a decision now (mention people to name them as deciders)`,
  `\`${COMMAND}\` — open the form: rationale, alternatives, deciders, status, revisit date`,
  `\`${COMMAND} list [#tag] [status]\` — recent decisions, newest first`,
  `\`${COMMAND} search <words>\` — find decisions by what they say`,
  `\`${COMMAND} show D-14 [full]\` — one decision, its links and its history (\`full\`: every section of an imported ADR)`,
  `\`${COMMAND} supersede D-14 <new decision>\` — replace a decision; the old one is kept and linked`,
  `\`${COMMAND} watch off|low|normal|high\` — how readily I point out threads that reopen a recorded decision here`,
  `\`${COMMAND} llm on|off\` — let the watcher ask the deployment's LLM endpoint for a second opinion (sends message text there; admins and owners only)`,
  'Message menu → *Log as decision* — turn a thread into a record, its participants offered as deciders',
  `\`${COMMAND} meeting 45m 8 architecture sync\` — what a meeting cost: person-hours, money, build-hours forgone`,
  `\`${COMMAND} costs [week|month|quarter] [all]\` — this channel's coordination costs (\`all\`: every public channel)`,
  `\`${COMMAND} calendar <ics link>\` · \`${COMMAND} github owner/repo\` — count meetings and review waits on their own`,
  `\`${COMMAND} settings\` — hourly rate, currency, AI build multiplier, working hours and time zone`,
  `\`${COMMAND} digest weekly fri 16:00\` — this channel's Reflection digest (\`daily 09:30\`, \`monthly 1 09:00\`, \`off\`, \`preview\`)`,
  `\`${COMMAND} admin purge\` — workspace admins: delete everything stored for this workspace, after a confirmation (cannot be undone)`,
];

/** `/decide help`, and the answer to an empty or unknown sub-command. */
export function helpBlocks(unknown?: string): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  if (unknown !== undefined) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `I don't know \`${plainUserText(unknown, 60).replace(/`/g, "'")}\`. To record a decision, write it as a sentence. Here is what I can do:`,
      },
    });
  }
  blocks.push(
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*Decision Ledger* keeps your team's decisions where they are made.\n${HELP_LINES.map((l) => `• ${l}`).join('\n')}`,
      },
    },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `Statuses: ${DECISION_STATUSES.join(', ')}. Decisions from private channels are only shown in their own channel. Costs are estimates from the inputs shown with them; the AI build multiplier (default 1.2×) sits in the 0.84×–2.26× range of controlled studies (METR 2025, Google 2024, Cui et al. 2024, Peng et al. 2023).`,
        },
      ],
    },
  );
  return blocks;
}
