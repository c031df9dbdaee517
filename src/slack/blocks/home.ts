import type { HomeView, KnownBlock } from '@slack/types';
import type { Page } from '../../domain/workspace.js';
import type { Decision } from '../../domain/decision.js';
import { decodeEntities } from '../../domain/markup.js';
import { ACTION, COMMAND, HOME_SEARCH_BLOCK } from '../ids.js';
import { decisionSummaryBlocks } from './decisionCard.js';
import { decisionResultsBlocks } from './decisionResults.js';
import { HELP_LINES } from './help.js';

export interface HomeProps {
  recent: Decision[];
  search?: { query: string; page: Page<Decision> };
}

/** App Home: a search box, the results of the last search, and the person's recent decisions. */
export function homeView({ recent, search }: HomeProps): HomeView {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Decision Ledger' } },
    {
      type: 'input',
      block_id: HOME_SEARCH_BLOCK,
      dispatch_action: true,
      label: { type: 'plain_text', text: 'Search decisions' },
      element: {
        type: 'plain_text_input',
        action_id: ACTION.homeSearch,
        max_length: 200,
        placeholder: { type: 'plain_text', text: 'stripe, postgres, on-call… then press Enter' },
        dispatch_action_config: { trigger_actions_on: ['on_enter_pressed'] },
        ...(search ? { initial_value: decodeEntities(search.query) } : {}),
      },
    },
  ];
  if (search) {
    // Paging buttons belong to messages (they answer through response_url); App Home shows the first page.
    blocks.push(
      ...decisionResultsBlocks({ k: 'search', q: search.query }, search.page).filter((b) => b.type !== 'actions'),
    );
    if (search.page.total > search.page.items.length) {
      blocks.push({
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: `Showing the best ${search.page.items.length}. \`${COMMAND} search ${search.query.replace(/`/g, "'").slice(0, 100)}\` pages through all ${search.page.total}.`,
          },
        ],
      });
    }
  }
  blocks.push({ type: 'divider' }, { type: 'section', text: { type: 'mrkdwn', text: '*Your recent decisions*' } });
  if (recent.length === 0) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `None yet. Type \`${COMMAND}\` in any channel to record one.` },
    });
  } else {
    for (const decision of recent) blocks.push(...decisionSummaryBlocks(decision));
  }
  blocks.push(
    { type: 'divider' },
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: ACTION.openModal,
          text: { type: 'plain_text', text: 'Record a decision' },
          style: 'primary',
        },
      ],
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: HELP_LINES.join('\n') }] },
  );
  return { type: 'home', blocks };
}
