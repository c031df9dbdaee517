import { formatRef } from '../../domain/decision.js';

/** The relitigation warning's buttons and its Reopen form: what they say besides the warning's own blocks. */

/** A warning's button whose judgement or decision is gone. */
export const WARNING_GONE = 'That warning is no longer valid.';

export const REOPEN_FORM_FAILED = "I couldn't open the Reopen form. Try again in a moment.";

export const REOPEN_FORM_STALE = 'This form is out of date. Close it and press Reopen again.';

export const REOPEN_NEEDS_WHAT_IS_NEW = 'Say what is new since the decision.';

export function decisionGone(ref: number): string {
  return `${formatRef(ref)} can no longer be found.`;
}

/** Told in the warned thread when someone reopens the decision from the warning. */
export function reopenedInThread(userId: string, ref: number, whatIsNew: string): string {
  return `<@${userId}> reopened ${formatRef(ref)}. What is new: ${whatIsNew}`;
}
