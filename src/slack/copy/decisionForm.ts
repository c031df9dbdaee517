import { formatRef } from '../../domain/decision.js';
import { COMMAND } from '../ids.js';
import type { SlackFailure } from '../slackFailure.js';
import { describeSlackFailure } from './failures.js';

/** The decision form (from `/decide`, the shortcuts and App Home): its field errors and what it says once sent. */

export const FORM_STALE = 'This form is out of date. Close it and open a new one; copy your text first.';

/** A field whose value is not of the type Slack sends. */
export const FIELD_UNREADABLE = 'I could not read what was sent for this field. Enter it again.';

export function notATag(tag: string): string {
  return `“${tag}” is not a tag: use letters, digits, - and _ (up to 40), separated by commas.`;
}

export const REVISIT_AFTER_TODAY = 'Pick a date after today.';

export const CHOOSE_CHANNEL = 'Choose the channel this decision belongs to.';

/** The database did not answer: on the open form, and once the form is closed. */
export const SAVE_FAILED = {
  onForm: "I couldn't save this: the database did not answer. Your text is still here; press Record again in a minute.",
  whenClosed:
    "I couldn't save the decision you submitted: the database did not answer, and nothing was saved. Try again in a minute.",
} as const;

/** The use case refused what the form's own checks let through. */
export const CHECK_FIELDS = {
  onForm: 'Check the fields and try again.',
  whenClosed: 'The decision you submitted was not saved: check its fields and try again.',
} as const;

export function loggedAlready(ref: number): string {
  return `That message was logged already as ${formatRef(ref)}: \`${COMMAND} show ${formatRef(ref)}\`.`;
}

export function cardNotPostedIn(ref: number, channelId: string, failure: SlackFailure): string {
  return `Recorded ${formatRef(ref)}, but its card could not be posted in <#${channelId}>. ${describeSlackFailure(failure, `<#${channelId}>`)} Nothing is lost: \`${COMMAND} show ${formatRef(ref)}\` there shows it.`;
}

/** The message shortcut "Log as decision" could not open (or fill) its form. */
export function logAsDecisionFailed(failure: SlackFailure): string {
  return `I couldn't open the “Log as decision” form. ${describeSlackFailure(failure, 'this channel')} Nothing was recorded; try the shortcut again.`;
}
