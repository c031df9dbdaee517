import { formBody } from './slackRequests.js';

/** The bodies Slack posts to the app's /slack/events, as the tests and the benches send them. */

/** Where a request comes from: a workspace, or for an org-wide install its organisation. */
export interface Origin {
  team: string;
  enterprise?: string;
  orgWide?: boolean;
}

export interface SlashCommand extends Origin {
  channel: string;
  user: string;
  text: string;
  responseUrl: string;
  triggerId: string;
}

/** `/decide <text>` as Slack posts it: a form. */
export function slashCommandForm(command: SlashCommand): string {
  return formBody({
    token: 'deprecated-verification-token',
    team_id: command.team,
    team_domain: 'acme',
    channel_id: command.channel,
    // Slack sends the names too; the app reads neither.
    channel_name: 'general',
    user_id: command.user,
    user_name: 'ana',
    command: '/decide',
    text: command.text,
    api_app_id: 'A0APP',
    ...(command.enterprise ? { enterprise_id: command.enterprise } : {}),
    is_enterprise_install: String(Boolean(command.orgWide)),
    response_url: command.responseUrl,
    trigger_id: command.triggerId,
  });
}

/** An Events API delivery of `event`; `eventId` must be new, or the app drops the delivery as a redelivery. */
export function eventCallbackJson(delivery: Origin & { eventId: string; event: Record<string, unknown> }): string {
  const enterprise = delivery.enterprise ? { enterprise_id: delivery.enterprise } : {};
  return JSON.stringify({
    token: 'deprecated-verification-token',
    team_id: delivery.team,
    ...enterprise,
    api_app_id: 'A0APP',
    type: 'event_callback',
    event_id: delivery.eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      {
        // An org-wide install is authorised for the organisation, not for one of its workspaces.
        team_id: delivery.orgWide ? null : delivery.team,
        ...enterprise,
        user_id: 'UBOT',
        is_bot: true,
        is_enterprise_install: Boolean(delivery.orgWide),
      },
    ],
    event: delivery.event,
  });
}

/** A shortcut, block action or view submission as Slack posts it: the payload's JSON in a form. */
export function interactionForm(payload: Record<string, unknown>): string {
  return formBody({ payload: JSON.stringify(payload) });
}
