import type { WatchSensitivity } from '../../domain/relitigation/types.js';
import { COMMAND } from '../ids.js';

/** What `/decide watch` and `/decide llm` (the relitigation watcher's settings) answer. */

const WATCH_WORDS: Record<WatchSensitivity, string> = {
  off: 'off: I will not point out reopened decisions in this channel.',
  low: 'low: I point out only messages that clearly reopen a recorded decision.',
  normal: 'normal: I point out messages that reopen a recorded decision.',
  high: 'high: I point out messages that reopen a recorded decision, including less certain ones.',
};

export function describeWatch(sensitivity: WatchSensitivity, changed: boolean): string {
  return `${changed ? 'Relitigation watch is now' : 'Relitigation watch in this channel:'} ${WATCH_WORDS[sensitivity]}${sensitivity === 'off' ? '' : ` Change it with \`${COMMAND} watch off|low|normal|high\`.`}`;
}

export function describeLlmSetting(state: {
  configured: boolean;
  optIn: boolean;
  changed: boolean;
  endpoint: string | null;
}): string {
  if (!state.configured)
    return 'No LLM endpoint is configured on this deployment, so the relitigation watcher judges offline. An operator can set OPENAI_API_KEY (and OPENAI_BASE_URL).';
  const where = state.endpoint ? ` (${state.endpoint})` : '';
  if (state.optIn)
    return `${state.changed ? 'Done: the' : 'The'} relitigation watcher now asks the LLM endpoint${where} for a second opinion. This sends the text of messages that look like they reopen a decision there. \`${COMMAND} llm off\` stops it.`;
  return `${state.changed ? 'Done: the' : 'The'} relitigation watcher judges offline; no message text leaves this deployment. \`${COMMAND} llm on\` adds the LLM endpoint's${where} second opinion.`;
}
