/**
 * Slack's request bodies as the benches send them (fields as in test/support/testApp.ts), signed
 * with the bench's signing secret: one builder per kind, shared by every bench.
 */
import { formBody } from '../../test/support/slackRequests.js';
import { signed, type SignedRequest } from './http.js';
import { SIGNING_SECRET, TEAM } from './targets.js';

export interface BenchMessage {
  channel: string;
  user: string;
  text: string;
  threadTs: string | null;
}

/** An Events API delivery of a channel message; `eventId` must be unique, or the app drops it as a redelivery. */
export function signedMessageEvent(message: BenchMessage, ts: string, eventId: string): SignedRequest {
  const body = JSON.stringify({
    token: 'deprecated-verification-token',
    type: 'event_callback',
    team_id: TEAM,
    api_app_id: 'A0APP',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
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
  return signed(SIGNING_SECRET, body, 'application/json');
}

/** `/decide <text>` as Slack posts it, with a unique trigger_id. */
export function signedCommand(options: {
  channel: string;
  user: string;
  text: string;
  responseUrl: string;
  triggerId: string;
}): SignedRequest {
  const body = formBody({
    token: 'deprecated-verification-token',
    team_id: TEAM,
    team_domain: 'acme',
    channel_id: options.channel,
    channel_name: 'bench',
    user_id: options.user,
    user_name: 'bench',
    command: '/decide',
    text: options.text,
    api_app_id: 'A0APP',
    is_enterprise_install: 'false',
    response_url: options.responseUrl,
    trigger_id: options.triggerId,
  });
  return signed(SIGNING_SECRET, body, 'application/x-www-form-urlencoded');
}
