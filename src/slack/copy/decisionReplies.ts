import { formatRef } from '../../domain/decision.js';
import { neutraliseBroadcasts } from '../../domain/markup.js';
import type { InlineDecisionProblem } from '../../domain/parseInlineDecision.js';
import { COMMAND } from '../ids.js';
import type { SlackFailure } from '../slackFailure.js';
import { describeSlackFailure } from './failures.js';

/** What `/decide <text>`, `/decide supersede`, `show`, `list` and `search` answer, privately. */

export function describeInlineProblem(problem: InlineDecisionProblem): string {
  switch (problem.code) {
    case 'empty':
    case 'no_decision_text':
      return `I couldn't find the decision in that — only tags, mentions or a date. Write what was decided, e.g. \`${COMMAND} We use Postgres for orders because refunds need transactions #orders\`.`;
    case 'bad_revisit':
      // The revisit phrase is the user's own text, echoed: a <!channel> in it stays inert.
      return `I couldn't read the revisit date “${neutraliseBroadcasts(problem.phrase)}”. Try \`revisit in 6 months\`, \`revisit in 2 weeks\` or \`revisit on 2027-03-01\`.`;
    case 'revisit_in_past':
      return `The revisit date ${problem.date} is not in the future. Pick a later date.`;
    case 'too_long':
      return problem.field === 'text'
        ? `That is ${problem.actual.toLocaleString('en')} characters, more than a decision card can hold (${problem.limit.toLocaleString('en')}). Shorten it, or use \`${COMMAND}\` alone for the form, which has room for context and rationale.`
        : `The ${problem.field === 'title' ? 'decision' : 'rationale'} is ${problem.actual.toLocaleString('en')} characters; the limit is ${problem.limit.toLocaleString('en')}. Put detail in the rationale, or use \`${COMMAND}\` alone for the form.`;
  }
}

export const RECORD_FAILED =
  "I couldn't save that decision: the database did not answer. Nothing was recorded; try again in a minute.";

export const SUPERSEDE_FAILED =
  "I couldn't save that: the database did not answer. Nothing changed; try again in a minute.";

/** A redelivered or repeated command finds the record the first one made. */
export function recordedAlready(ref: number): string {
  return `That was recorded already as ${formatRef(ref)}.`;
}

/** Said only when the answer comes late; a prompt one leaves it to the card in the channel. */
export function recorded(ref: number): string {
  return `Recorded ${formatRef(ref)}.`;
}

export function recordedSuperseding(ref: number, previousRef: number): string {
  return `Recorded ${formatRef(ref)}, superseding ${formatRef(previousRef)}.`;
}

/** The bot is not in the channel: the card went out through the command's response_url instead. */
export function cardPostedWithCommand(ref: number): string {
  return `Recorded ${formatRef(ref)}. I'm not a member of this channel, so the card went out with your command instead. Add me with \`/invite @Decision Ledger\` so I can keep the card up to date.`;
}

export function cardNotPosted(ref: number, failure: SlackFailure): string {
  return `Recorded ${formatRef(ref)}, but the card could not be posted. ${describeSlackFailure(failure, 'this channel')} \`${COMMAND} show ${formatRef(ref)}\` shows it.`;
}

export function notVisible(ref: number): string {
  return `There is no ${formatRef(ref)} that can be shown here. It may not exist, or it was recorded in a private channel — \`${COMMAND} list\` shows what is visible in this channel.`;
}

/** A decision is superseded from its own channel only (the new record lives where it is made). */
export function supersedeElsewhere(ref: number, channelId: string): string {
  return `${formatRef(ref)} was recorded in <#${channelId}>: supersede it there, where the new record will be seen by the same people. Nothing was recorded.`;
}

export function alreadySuperseded(ref: number, byRef: number): string {
  return `${formatRef(ref)} was already superseded by ${formatRef(byRef)}. Supersede ${formatRef(byRef)} instead: \`${COMMAND} supersede ${formatRef(byRef)} …\``;
}

/** `show`, `list` or `search` could not read the log. */
export const LOG_UNAVAILABLE = "I couldn't read the decision log: the database did not answer. Try again in a minute.";

/** Previous/Next under results whose value no longer reads, or with no channel to read from. */
export const PAGE_EXPIRED = 'That button has expired. Run the command again.';

export const PAGE_UNAVAILABLE = "I couldn't read the decision log just now. Try again in a minute.";

/** `/decide` alone could not open the form. */
export function formNotOpened(failure: SlackFailure): string {
  return `I couldn't open the form. ${describeSlackFailure(failure, 'this channel')}`;
}
