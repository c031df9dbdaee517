import { randomUUID } from 'node:crypto';
import { BOT, type Channel, type Person } from './workspace.js';

/**
 * The requests Slack sends an app, in Slack's shapes: slash commands as form fields, events in an
 * Events API envelope, interactions as one `payload` field of JSON. Pure: ids, triggers and
 * response_urls are given.
 */

const team = { id: BOT.teamId, domain: 'playground' };
const userOf = (person: Person) => ({ id: person.id, username: person.name, name: person.name, team_id: BOT.teamId });
const channelOf = (channel: Channel) => ({ id: channel.id, name: channel.dmWith ? 'directmessage' : channel.name });

// Slack still sends its deprecated verification token; Bolt ignores it (it checks the signature).
const VERIFICATION_TOKEN = 'playground-verification-token';

export interface CommandProps {
  person: Person;
  channel: Channel;
  command: string;
  /** Slack-encoded, mentions escaped. */
  text: string;
  responseUrl: string;
  triggerId: string;
}

export function commandFields({ person, channel, command, text, responseUrl, triggerId }: CommandProps) {
  return {
    token: VERIFICATION_TOKEN,
    team_id: BOT.teamId,
    team_domain: team.domain,
    channel_id: channel.id,
    channel_name: channel.dmWith ? 'directmessage' : channel.name,
    user_id: person.id,
    user_name: person.name,
    command,
    text,
    api_app_id: BOT.appId,
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: triggerId,
  };
}

/** An Events API delivery, authorised for the app's bot user. */
export function eventEnvelope(event: Record<string, unknown>) {
  return {
    token: VERIFICATION_TOKEN,
    team_id: BOT.teamId,
    api_app_id: BOT.appId,
    type: 'event_callback',
    event_id: `Ev${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: BOT.teamId, user_id: BOT.botUserId, is_bot: true, is_enterprise_install: false }],
    event,
  };
}

export function messageEvent(person: Person, channel: Channel, text: string, ts: string, threadTs?: string) {
  return {
    type: 'message',
    channel: channel.id,
    // message.channels for public channels, message.groups for private ones.
    channel_type: channel.dmWith ? 'im' : channel.isPrivate ? 'group' : 'channel',
    user: person.id,
    text,
    ts,
    ...(threadTs ? { thread_ts: threadTs } : {}),
    event_ts: ts,
    team: BOT.teamId,
  };
}

export function appHomeOpenedEvent(person: Person, dmChannel: string, view: Record<string, unknown> | null) {
  return {
    type: 'app_home_opened',
    user: person.id,
    channel: dmChannel,
    tab: 'home',
    event_ts: `${Math.floor(Date.now() / 1000)}.000100`,
    ...(view ? { view } : {}),
  };
}

/** Where a block action happened: on a posted message, or in a view (a modal or App Home). */
export type ActionContainer =
  | { type: 'message'; channel: Channel; message: Record<string, unknown>; ephemeral: boolean; threadTs?: string }
  | { type: 'view'; view: Record<string, unknown> };

export interface BlockActionProps {
  person: Person;
  container: ActionContainer;
  action: Record<string, unknown>;
  triggerId: string;
  /** Messages only: views have none. */
  responseUrl?: string;
}

export function blockActionPayload({ person, container, action, triggerId, responseUrl }: BlockActionProps) {
  const common = {
    type: 'block_actions',
    team,
    user: userOf(person),
    api_app_id: BOT.appId,
    token: VERIFICATION_TOKEN,
    trigger_id: triggerId,
    is_enterprise_install: false,
    enterprise: null,
    actions: [{ ...action, action_ts: `${Math.floor(Date.now() / 1000)}.000200` }],
  };
  if (container.type === 'view')
    return { ...common, container: { type: 'view', view_id: container.view.id }, view: container.view };
  const { channel, message, ephemeral, threadTs } = container;
  return {
    ...common,
    container: {
      type: 'message',
      message_ts: message.ts,
      channel_id: channel.id,
      is_ephemeral: ephemeral,
      ...(threadTs ? { thread_ts: threadTs } : {}),
    },
    channel: channelOf(channel),
    // Slack keeps no copy of an ephemeral message, so it cannot send one back.
    ...(ephemeral ? {} : { message }),
    state: { values: {} },
    response_url: responseUrl,
  };
}

export function viewSubmissionPayload(person: Person, view: Record<string, unknown>, triggerId: string) {
  return {
    type: 'view_submission',
    team,
    user: userOf(person),
    api_app_id: BOT.appId,
    token: VERIFICATION_TOKEN,
    trigger_id: triggerId,
    view,
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

export function viewClosedPayload(person: Person, view: Record<string, unknown>) {
  return {
    type: 'view_closed',
    team,
    user: userOf(person),
    api_app_id: BOT.appId,
    token: VERIFICATION_TOKEN,
    view,
    is_cleared: false,
    is_enterprise_install: false,
    enterprise: null,
  };
}

export interface MessageShortcutProps {
  person: Person;
  channel: Channel;
  callbackId: string;
  message: Record<string, unknown>;
  triggerId: string;
  responseUrl: string;
}

export function messageShortcutPayload({
  person,
  channel,
  callbackId,
  message,
  triggerId,
  responseUrl,
}: MessageShortcutProps) {
  return {
    type: 'message_action',
    callback_id: callbackId,
    trigger_id: triggerId,
    action_ts: `${Math.floor(Date.now() / 1000)}.000300`,
    team,
    user: userOf(person),
    channel: channelOf(channel),
    message,
    response_url: responseUrl,
    token: VERIFICATION_TOKEN,
    is_enterprise_install: false,
    enterprise: null,
  };
}

export function globalShortcutPayload(person: Person, callbackId: string, triggerId: string) {
  return {
    type: 'shortcut',
    callback_id: callbackId,
    trigger_id: triggerId,
    action_ts: `${Math.floor(Date.now() / 1000)}.000400`,
    team,
    user: userOf(person),
    token: VERIFICATION_TOKEN,
    is_enterprise_install: false,
    enterprise: null,
  };
}
