import type { KnownBlock } from '@slack/types';
import { DECISION_STATUSES } from '../../domain/decision.js';
import { COMMAND } from '../ids.js';
import { plainUserText } from './text.js';

export const HELP_LINES = [
  `\`${COMMAND} <decision> because <why> #tag revisit in 3 months\` — record a decision now (mention people to name them as deciders)`,
  `\`${COMMAND}\` — open the form: rationale, alternatives, deciders, status, revisit date`,
  `\`${COMMAND} list [#tag] [status]\` — recent decisions, newest first`,
  `\`${COMMAND} search <words>\` — find decisions by what they say`,
  `\`${COMMAND} show D-14\` — one decision, its links and its history`,
  `\`${COMMAND} supersede D-14 <new decision>\` — replace a decision; the old one is kept and linked`,
  `\`${COMMAND} watch off|low|normal|high\` — how readily I point out threads that reopen a recorded decision here`,
  `\`${COMMAND} llm on|off\` — let the watcher ask the deployment's LLM endpoint for a second opinion (sends message text there)`,
  'Message menu → *Log as decision* — turn a thread into a record, its participants offered as deciders',
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
    { type: 'section', text: { type: 'mrkdwn', text: `*Decision Ledger* keeps your team's decisions where they are made.\n${HELP_LINES.map((l) => `• ${l}`).join('\n')}` } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: `Statuses: ${DECISION_STATUSES.join(', ')}. Decisions from private channels are only shown in their own channel.` }] },
  );
  return blocks;
}
