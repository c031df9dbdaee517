import { runClaimedSend } from '../claimedSend.js';
import type { Services } from '../services.js';
import { ABANDONED_CLAIM_MS } from './dueDigests.js';
import type { DigestFactsRepository } from './ports.js';

export type DueRevisit = Awaited<ReturnType<DigestFactsRepository['revisitsDue']>>[number];

/** How reminders reach owners (Slack DMs, for the app), and what the use case reports back. */
export interface ReminderSender {
  send(due: DueRevisit): Promise<void>;
  /** A send failed; the reminder is given up and a later run tries again. */
  onSendFailure(due: DueRevisit, error: unknown): void;
  /** Sent, but not recorded: it will be sent again. */
  onFinishFailure(due: DueRevisit, error: unknown): void;
}

/**
 * Reminds owners that a decision's revisit date has come, once per decision. Each is claimed first:
 * every replica runs this at the same minute, and the owner hears it once; a claim its replica
 * abandoned (stopped before sending) is taken over, as digests' are. Returns how many were sent.
 */
export async function sendRevisitReminders(
  services: Pick<Services, 'digestFacts' | 'now'>,
  limit: number,
  sender: ReminderSender,
): Promise<number> {
  const facts = services.digestFacts;
  const today = services.now().toISOString().slice(0, 10);
  let sent = 0;
  for (const due of await facts.revisitsDue(today, limit, ABANDONED_CLAIM_MS)) {
    const result = await runClaimedSend({
      claim: () => facts.claimRevisitReminder(due.workspace, due.decisionId, ABANDONED_CLAIM_MS),
      prepare: async () => due,
      send: (d) => sender.send(d),
      finish: () => facts.finishRevisitReminder(due.workspace, due.decisionId),
      release: () => facts.releaseRevisitReminder(due.workspace, due.decisionId),
      onSendFailure: 'release',
    });
    if (result.status === 'send_failed') sender.onSendFailure(due, result.error);
    if (result.status === 'sent') {
      sent += 1;
      if (result.finishError) sender.onFinishFailure(due, result.finishError);
    }
  }
  return sent;
}
