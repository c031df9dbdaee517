import type { AckFn, ViewResponseAction } from '@slack/bolt';
import { withTextBack } from '../../copy/failures.js';
import { settleWithin } from '../ackBudget.js';

export interface FormAck {
  /** Awaits `work`; past the ack budget the form is closed first, so Slack's 3 s never run out. */
  within<T>(work: Promise<T>): Promise<T>;
  /**
   * Problems shown on the form's fields while it is open; once it is closed, `whenClosed` (or the
   * problems) told to the user with what they typed.
   */
  errors(errors: Record<string, string>, then: { typed: string; whenClosed?: string }): Promise<void>;
  /** Closes the form (if the budget did not close it already). */
  done(): Promise<void>;
}

/**
 * A form submission's ack. Slack needs it within 3 s, and only the ack can keep the form open with
 * errors on its fields: so the save is awaited for ACK_BUDGET_MS, and a slower one (the database
 * under load) closes the form and reports its outcome as a message — with the user's words, since
 * the form that held them is gone.
 */
export function formAck(ack: AckFn<ViewResponseAction>, tell: (text: string) => Promise<void>): FormAck {
  let closed = false;
  return {
    async within(work) {
      const early = await settleWithin(work);
      if (!early.settled && !closed) {
        closed = true;
        await ack();
      }
      return work;
    },
    async errors(errors, { typed, whenClosed }) {
      if (closed) return tell(withTextBack(whenClosed ?? Object.values(errors).join(' '), typed));
      closed = true;
      await ack({ response_action: 'errors', errors });
    },
    async done() {
      if (closed) return;
      closed = true;
      await ack();
    },
  };
}
