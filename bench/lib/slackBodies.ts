/**
 * Slack's requests as the benches send them: the shared bodies (test/support/slackRequestBodies.ts)
 * from the bench's workspace, signed with the bench's signing secret.
 */
import { eventCallbackJson, interactionForm, slashCommandForm } from '../../test/support/slackRequestBodies.js';
import { type SignedRequest, signedRequest } from '../../test/support/slackRequests.js';
import { SIGNING_SECRET, TEAM } from './targets.js';

export interface BenchMessage {
  channel: string;
  user: string;
  text: string;
  threadTs: string | null;
}

/** An Events API delivery of a channel message; `eventId` must be unique, or the app drops it as a redelivery. */
export function signedMessageEvent(message: BenchMessage, ts: string, eventId: string): SignedRequest {
  const body = eventCallbackJson({
    team: TEAM,
    eventId,
    event: {
      type: 'message',
      channel: message.channel,
      channel_type: 'channel',
      user: message.user,
      text: message.text,
      ts,
      event_ts: ts,
      ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
    },
  });
  return signedRequest(SIGNING_SECRET, body, 'application/json');
}

/** `/decide <text>` as Slack posts it, with a unique trigger_id. */
export function signedCommand(command: {
  channel: string;
  user: string;
  text: string;
  responseUrl: string;
  triggerId: string;
}): SignedRequest {
  return signedRequest(
    SIGNING_SECRET,
    slashCommandForm({ team: TEAM, ...command }),
    'application/x-www-form-urlencoded',
  );
}

/** A click on a message's button (a block_actions payload), as Slack posts it. */
export function signedInteraction(payload: Record<string, unknown>): SignedRequest {
  return signedRequest(SIGNING_SECRET, interactionForm(payload), 'application/x-www-form-urlencoded');
}
