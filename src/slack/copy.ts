import type { ContentProblem } from '../domain/decision.js';
import type { WatchSensitivity } from '../domain/relitigation/types.js';
import { DECISION_STATUSES, formatRef } from '../domain/decision.js';
import { neutraliseBroadcasts } from '../domain/markup.js';
import type { InlineDecisionProblem } from '../domain/parseInlineDecision.js';
import { COMMAND, FIELD } from './ids.js';
import type { SlackFailure } from './slackFailure.js';

/** The domain returns codes; this is where they become words. */

const FIELD_NAMES: Record<ContentProblem['field'], string> = {
  title: 'The decision',
  context: 'The context',
  rationale: 'The rationale',
  consequences: 'The consequences',
  alternatives: 'The list of alternatives',
  alternative: 'One alternative',
  tags: 'Tags',
  tag: 'A tag',
  deciders: 'The list of deciders',
  commandText: 'The text',
  revisitOn: 'The revisit date',
};

export function describeContentProblem(problem: ContentProblem): string {
  switch (problem.code) {
    case 'required':
      return 'Write what was decided.';
    case 'too_long':
      return problem.field === 'alternatives' || problem.field === 'tags' || problem.field === 'deciders'
        ? `${FIELD_NAMES[problem.field]} can have at most ${problem.limit} entries (you gave ${problem.actual}).`
        : `${FIELD_NAMES[problem.field]} is ${problem.actual.toLocaleString('en')} characters; the limit is ${problem.limit.toLocaleString('en')}.`;
    case 'in_the_past':
      return 'Pick a revisit date after the decision date.';
    case 'invalid_tag':
      return `“${problem.tag}” is not a tag: use letters, digits, - and _ (up to 40).`;
  }
}

/** Which modal input a content problem belongs to, for `response_action: 'errors'`. */
export function fieldOfProblem(problem: ContentProblem): string {
  switch (problem.field) {
    case 'alternative':
    case 'alternatives':
      return FIELD.alternatives;
    case 'revisitOn':
      return FIELD.revisitOn;
    case 'tag':
      return FIELD.tags;
    case 'commandText':
      return FIELD.title;
    default:
      return FIELD[problem.field];
  }
}

export function describeInlineProblem(problem: InlineDecisionProblem): string {
  switch (problem.code) {
    case 'empty':
    case 'no_decision_text':
      return `I couldn't find the decision in that — only tags, mentions or a date. Write what was decided, e.g. \`${COMMAND} We use Postgres for orders because refunds need transactions #orders\`.`;
    case 'bad_revisit':
      return `I couldn't read the revisit date “${problem.phrase}”. Try \`revisit in 6 months\`, \`revisit in 2 weeks\` or \`revisit on 2027-03-01\`.`;
    case 'revisit_in_past':
      return `The revisit date ${problem.date} is not in the future. Pick a later date.`;
    case 'too_long':
      return problem.field === 'text'
        ? `That is ${problem.actual.toLocaleString('en')} characters, more than a decision card can hold (${problem.limit.toLocaleString('en')}). Shorten it, or use \`${COMMAND}\` alone for the form, which has room for context and rationale.`
        : `The ${problem.field === 'title' ? 'decision' : 'rationale'} is ${problem.actual.toLocaleString('en')} characters; the limit is ${problem.limit.toLocaleString('en')}. Put detail in the rationale, or use \`${COMMAND}\` alone for the form.`;
  }
}

export const USAGE: Record<'list' | 'search' | 'show' | 'supersede' | 'watch' | 'llm', string> = {
  llm: `\`${COMMAND} llm on|off\` lets the relitigation watcher ask this deployment's LLM endpoint for a second opinion (it sends message text there); \`${COMMAND} llm\` shows the setting.`,
  watch: `\`${COMMAND} watch off|low|normal|high\` sets how readily I point out that a thread reopens a recorded decision in this channel; \`${COMMAND} watch\` shows the setting.`,
  list: `\`${COMMAND} list\` takes an optional #tag and an optional status (${DECISION_STATUSES.join(', ')}), e.g. \`${COMMAND} list #payments accepted\`.`,
  search: `Tell me what to look for: \`${COMMAND} search stripe invoicing\`.`,
  show: `Which decision? \`${COMMAND} show D-14\`.`,
  supersede: `Name the decision and write the new one: \`${COMMAND} supersede D-14 We move billing back in-house because fees doubled\`.`,
};

const WATCH_WORDS: Record<WatchSensitivity, string> = {
  off: 'off: I will not point out reopened decisions in this channel.',
  low: 'low: I point out only messages that clearly reopen a recorded decision.',
  normal: 'normal: I point out messages that reopen a recorded decision.',
  high: 'high: I point out messages that reopen a recorded decision, including less certain ones.',
};

export function describeWatch(sensitivity: WatchSensitivity, changed: boolean): string {
  return `${changed ? 'Relitigation watch is now' : 'Relitigation watch in this channel:'} ${WATCH_WORDS[sensitivity]}${sensitivity === 'off' ? '' : ' Change it with `/decide watch off|low|normal|high`.'}`;
}

export function describeLlmSetting(state: { configured: boolean; optIn: boolean; changed: boolean; endpoint: string | null }): string {
  if (!state.configured) return 'No LLM endpoint is configured on this deployment, so the relitigation watcher judges offline. An operator can set OPENAI_API_KEY (and OPENAI_BASE_URL).';
  const where = state.endpoint ? ` (${state.endpoint})` : '';
  if (state.optIn)
    return `${state.changed ? 'Done: the' : 'The'} relitigation watcher now asks the LLM endpoint${where} for a second opinion. This sends the text of messages that look like they reopen a decision there. \`${COMMAND} llm off\` stops it.`;
  return `${state.changed ? 'Done: the' : 'The'} relitigation watcher judges offline; no message text leaves this deployment. \`${COMMAND} llm on\` adds the LLM endpoint's${where} second opinion.`;
}

export function notVisible(ref: number): string {
  return `There is no ${formatRef(ref)} that can be shown here. It may not exist, or it was recorded in a private channel — \`${COMMAND} list\` shows what is visible in this channel.`;
}

export function alreadySuperseded(ref: number, byRef: number): string {
  return `${formatRef(ref)} was already superseded by ${formatRef(byRef)}. Supersede ${formatRef(byRef)} instead: \`${COMMAND} supersede ${formatRef(byRef)} …\``;
}

/** Slack's failures, in words a user can act on: the cause only; callers say what it means for them. */
export function describeSlackFailure(failure: SlackFailure, where: string): string {
  switch (failure.kind) {
    case 'not_in_channel':
      return `I'm not a member of ${where}: add me with \`/invite @Decision Ledger\`.`;
    case 'channel_not_found':
      return `I can't see ${where}; it may be private or deleted. Add me with \`/invite @Decision Ledger\`.`;
    case 'archived':
      return `${where[0]!.toUpperCase()}${where.slice(1)} is archived.`;
    case 'rate_limited':
      return 'Slack is rate-limiting me right now.';
    case 'unavailable':
      return 'Slack returned an error or did not answer in time.';
    case 'other':
      return `Slack answered \`${failure.code}\`.`;
  }
}

export function withTextBack(message: string, text: string): string {
  // The user's own text comes back in a code block, so nothing they typed is lost.
  return `${message}\nHere is what you wrote, to copy:\n\`\`\`${neutraliseBroadcasts(text).replace(/```/g, "'''")}\`\`\``;
}
