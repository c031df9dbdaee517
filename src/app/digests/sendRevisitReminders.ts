import { runClaimedSend } from '../claimedSend.js';
import type { Services } from '../services.js';
import { ABANDONED_CLAIM_MS } from './dueDigests.js';
import type { DigestFactsRepository, ReminderFailure } from './ports.js';

export type DueRevisit = Awaited<ReturnType<DigestFactsRepository['claimDueRevisits']>>[number];

/** How reminders reach owners (Slack DMs, for the app), and what the use case reports back. */
export interface ReminderSender {
  send(due: DueRevisit): Promise<void>;
  /** What a failed send means: whether the owner can ever be reached. */
  failureOf(error: unknown): ReminderFailure;
  /** A send failed: given up for good when permanent, else tried again after a wait. */
  onSendFailure(due: DueRevisit, error: unknown, failure: ReminderFailure): void;
  /** Sent, but not recorded: it will be sent again. */
  onFinishFailure(due: DueRevisit, error: unknown): void;
}

/**
 * Reminds owners that a decision's revisit date has come, once per decision. Each is claimed first,
 * in batches: every replica runs this at the same minute, and the owner hears it once; a claim its replica
 * abandoned (stopped before sending) is taken over, as digests' are. A reminder whose send fails
 * is given up (the owner cannot be reached) or waits (failRevisitReminder): either way the next batch no longer
 * holds it, so reminders that fail cannot keep the others from going out, in this run or the next.
 * Sends up to `limit` and tries at most `ATTEMPTS_PER_SENT` times that many; returns how many were sent.
 */
export async function sendRevisitReminders(
  services: Pick<Services, 'digestFacts' | 'now'>,
  limit: number,
  sender: ReminderSender,
): Promise<number> {
  const facts = services.digestFacts;
  const now = services.now();
  const today = now.toISOString().slice(0, 10);
  let sent = 0;
  let attempts = 0;
  while (sent < limit && attempts < limit * ATTEMPTS_PER_SENT) {
    const batch = await facts.claimDueRevisits(today, limit - sent, ABANDONED_CLAIM_MS, now);
    if (batch.length === 0) break;
    for (const due of batch) {
      attempts += 1;
      let failure: ReminderFailure | undefined;
      const result = await runClaimedSend({
        // Claimed with its batch.
        claim: async () => true,
        prepare: async () => due,
        send: (d) => sender.send(d),
        finish: () => facts.finishRevisitReminder(due.workspace, due.decisionId),
        release: () => facts.releaseRevisitReminder(due.workspace, due.decisionId),
        // Released as it was, a reminder whose owner is gone sorted first again every run: 200 of
        // them kept every valid one from being sent (issue 24).
        onSendFailure: async (error) => {
          failure = sender.failureOf(error);
          await facts.failRevisitReminder(due.workspace, due.decisionId, failure, now);
        },
      });
      if (result.status === 'send_failed') sender.onSendFailure(due, result.error, failure!);
      if (result.status === 'sent') {
        sent += 1;
        if (result.finishError) sender.onFinishFailure(due, result.finishError);
      }
    }
  }
  return sent;
}

/**
 * Failed and claimed-elsewhere reminders leave the queue, so a run takes further batches until it
 * has sent its share; bounded, so a Slack that fails everything does not keep one run going.
 */
const ATTEMPTS_PER_SENT = 5;
