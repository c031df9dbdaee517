/**
 * The protocol every scheduled send follows (digests, revisit reminders): claim it in the database
 * so exactly one replica sends it, prepare what to send, check the claim is still ours, send, and
 * record that it went. Preparing that fails gives the claim up for a later run; a send that fails
 * is either given up too (tried again later) or recorded as failed (never sent twice).
 */
export interface ClaimedSend<Prepared, Sent> {
  claim(): Promise<boolean>;
  prepare(): Promise<Prepared>;
  /** Whether the claim is still ours after preparing (a slow replica's may have been taken over). */
  confirm?(): Promise<boolean>;
  send(prepared: Prepared): Promise<Sent>;
  finish(sent: Sent): Promise<void>;
  release(): Promise<void>;
  /** What a failed send does to the claim: give it up for a later try, or keep it and record the failure. */
  onSendFailure: 'release' | ((error: unknown) => Promise<void>);
  /** Told when giving a claim up failed: the thing will not be sent until the claim is abandoned. */
  onReleaseFailure?(error: unknown): void;
}

export type ClaimedSendResult<Sent> =
  | { status: 'not_claimed' }
  | { status: 'taken_over' }
  | { status: 'sent'; sent: Sent; finishError: unknown }
  | { status: 'send_failed'; error: unknown };

export async function runClaimedSend<Prepared, Sent>(
  steps: ClaimedSend<Prepared, Sent>,
): Promise<ClaimedSendResult<Sent>> {
  if (!(await steps.claim())) return { status: 'not_claimed' };
  const release = () => steps.release().catch((error: unknown) => steps.onReleaseFailure?.(error));
  let prepared: Prepared;
  try {
    prepared = await steps.prepare();
  } catch (error) {
    await release();
    throw error;
  }
  if (steps.confirm && !(await steps.confirm())) return { status: 'taken_over' };
  let sent: Sent;
  try {
    sent = await steps.send(prepared);
  } catch (error) {
    if (steps.onSendFailure === 'release') await release();
    else await steps.onSendFailure(error);
    return { status: 'send_failed', error };
  }
  const finishError = await steps.finish(sent).then(
    () => null,
    (error: unknown) => error ?? new Error('finishing the claim failed'),
  );
  return { status: 'sent', sent, finishError };
}
