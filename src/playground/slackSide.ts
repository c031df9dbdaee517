import { createHmac } from 'node:crypto';
import type { Handoffs, Origin } from './handoffs.js';
import type { AppSurfaces } from './manifest.js';
import {
  appHomeOpenedEvent,
  blockActionPayload,
  commandFields,
  eventEnvelope,
  globalShortcutPayload,
  messageEvent,
  messageShortcutPayload,
  viewClosedPayload,
  viewSubmissionPayload,
} from './payloads.js';
import { slackEncode } from './typedText.js';
import { type ActionInput, actionOf } from './blockAction.js';
import { type FormValues, viewStateValues } from './viewState.js';
import { apiMessage, apiView } from './webApiMethods.js';
import { BOT, type Channel, dmChannelOf, type Person, type PlaygroundWorkspace, SLACKBOT_ID } from './workspace.js';

/**
 * Slack's side of the conversation with the app: what a person does in the page becomes the
 * request Slack would send — signed with the signing secret, POSTed to the app's /slack/events —
 * and the app's answer to it (an ack's body) is applied as Slack applies it.
 */

/** How a request went: field errors for a form, the ts of a message posted; or what went wrong, in words. */
export type Outcome = { ok: true; errors?: Record<string, string>; ts?: string } | { ok: false; problem: string };

export interface SlackSideProps {
  workspace: PlaygroundWorkspace;
  handoffs: Handoffs;
  surfaces: AppSurfaces;
  signingSecret: string;
  /** The app's /slack/events, once it listens. */
  eventsUrl: () => string | null;
  responseUrl: (id: string) => string;
}

export type ActionTarget = { kind: 'message'; channel: string; ts: string } | { kind: 'view'; viewId: string };

// Slack waits 3 s for an ack; the playground waits longer so a slow first request still shows its answer.
const DELIVERY_TIMEOUT_MS = 10_000;
const FORM = 'application/x-www-form-urlencoded';

export class SlackSide {
  constructor(private readonly props: SlackSideProps) {}

  private get workspace(): PlaygroundWorkspace {
    return this.props.workspace;
  }

  /** A slash command typed in a channel (or a thread): `/decide …`. */
  async command(userId: string, channelId: string, typed: string, threadTs?: string): Promise<Outcome> {
    const found = this.find(userId, channelId);
    if ('problem' in found) return { ok: false, problem: found.problem };
    const { person, channel } = found;
    const [, name = '', rest = ''] = /^(\/\S+)\s*([\s\S]*)$/.exec(typed.trim()) ?? [];
    const origin: Origin = { userId, channel: channel.id, threadTs, command: typed.trim() };
    if (name !== this.props.surfaces.command) {
      this.fromSlackbot(
        origin,
        `\`${slackEncode(name, this.workspace, 'message')}\` is not a valid command. In Slack, all messages that start with "/" are commands.`,
      );
      return { ok: true };
    }
    const fields = commandFields({
      person,
      channel,
      command: name,
      text: slackEncode(rest, this.workspace, 'command'),
      responseUrl: this.props.responseUrl(this.props.handoffs.issueResponseUrl(origin)),
      triggerId: this.props.handoffs.issueTrigger(origin),
    });
    const answer = await this.send(new URLSearchParams(fields).toString(), FORM);
    if (answer.status !== 200) {
      this.fromSlackbot(
        origin,
        `${name} failed with the error "${answer.status === 404 ? 'operation_timeout' : 'dispatch_failed'}"`,
      );
      return { ok: true };
    }
    const body = parseJson(answer.text);
    if (body && (typeof body.text === 'string' || Array.isArray(body.blocks))) {
      const inChannel = body.response_type === 'in_channel';
      this.workspace.post({
        channel: channel.id,
        botId: BOT.botId,
        text: typeof body.text === 'string' ? body.text : '',
        blocks: Array.isArray(body.blocks) ? body.blocks : undefined,
        ...(threadTs ? { threadTs } : {}),
        ...(inChannel ? { invokedBy: origin.command } : { ephemeralTo: userId }),
      });
    }
    return { ok: true };
  }

  /** A message posted in a channel or a thread; the app hears of it through the Events API. */
  async message(userId: string, channelId: string, typed: string, threadTs?: string): Promise<Outcome> {
    const found = this.find(userId, channelId);
    if ('problem' in found) return { ok: false, problem: found.problem };
    const { person, channel } = found;
    // The app's Messages tab is read-only (manifest: messages_tab_read_only_enabled).
    if (channel.dmWith) return { ok: false, problem: 'Sending messages to this app has been turned off.' };
    const text = slackEncode(typed, this.workspace, 'message');
    const posted = this.workspace.post({
      channel: channel.id,
      user: person.id,
      text,
      ...(threadTs ? { threadTs } : {}),
    });
    const delivered = await this.deliverEvent(messageEvent(person, channel, text, posted.ts, threadTs));
    return delivered.ok ? { ok: true, ts: posted.ts } : delivered;
  }

  /** A button clicked, or a choice made, in a message or a view. */
  async blockAction(userId: string, target: ActionTarget, input: ActionInput): Promise<Outcome> {
    const person = this.workspace.person(userId);
    if (!person) return { ok: false, problem: 'unknown person' };
    if (target.kind === 'view') {
      const stored = this.workspace.views.get(target.viewId);
      if (!stored || stored.userId !== userId) return { ok: false, problem: 'That view is closed.' };
      const action = actionOf(stored.view.blocks, input);
      if (!action) return { ok: false, problem: 'No such element in the view.' };
      const view = { ...apiView(stored), state: { values: viewStateValues(stored.view.blocks, input.values ?? {}) } };
      const triggerId = this.props.handoffs.issueTrigger({ userId, channel: stored.openedIn });
      return this.deliverInteraction(
        blockActionPayload({ person, container: { type: 'view', view }, action, triggerId }),
      );
    }
    const message = this.workspace.find(target.channel, target.ts, userId);
    const channel = this.workspace.channel(target.channel);
    if (!message || !channel) return { ok: false, problem: 'That message is gone.' };
    const action = actionOf(message.blocks, input);
    if (!action) return { ok: false, problem: 'No such element in the message.' };
    const origin: Origin = {
      userId,
      channel: channel.id,
      threadTs: message.threadTs,
      messageTs: message.ts,
      ephemeral: Boolean(message.ephemeralTo),
    };
    const payload = blockActionPayload({
      person,
      container: {
        type: 'message',
        channel,
        message: apiMessage(message),
        ephemeral: Boolean(message.ephemeralTo),
        threadTs: message.threadTs,
      },
      action,
      triggerId: this.props.handoffs.issueTrigger(origin),
      responseUrl: this.props.responseUrl(this.props.handoffs.issueResponseUrl(origin)),
    });
    return this.deliverInteraction(payload);
  }

  /** The modal on top submitted; the app's ack decides whether it closes, changes or shows field errors. */
  async submitView(userId: string, viewId: string, values: FormValues): Promise<Outcome> {
    const person = this.workspace.person(userId);
    const stored = this.workspace.topModal(userId);
    if (!person || !stored || stored.id !== viewId) return { ok: false, problem: 'That form is closed.' };
    const view = { ...apiView(stored), state: { values: viewStateValues(stored.view.blocks, values) } };
    const triggerId = this.props.handoffs.issueTrigger({ userId, channel: stored.openedIn });
    const answer = await this.send(interactionBody(viewSubmissionPayload(person, view, triggerId)), FORM);
    if (answer.status !== 200) return { ok: false, problem: 'We had some trouble connecting. Try again?' };
    const body = parseJson(answer.text);
    switch (body?.response_action) {
      case 'errors':
        return { ok: true, errors: (body.errors ?? {}) as Record<string, string> };
      case 'update':
        this.workspace.storeView(userId, body.view as Record<string, unknown>, stored.openedIn, stored.id);
        return { ok: true };
      case 'push': {
        const pushed = this.workspace.storeView(userId, body.view as Record<string, unknown>, stored.openedIn);
        this.workspace.modals.set(userId, [...(this.workspace.modals.get(userId) ?? []), pushed.id]);
        this.workspace.changed();
        return { ok: true };
      }
      case 'clear':
        this.workspace.closeModals(userId, 'all');
        return { ok: true };
      default:
        this.workspace.closeModals(userId, 'top');
        return { ok: true };
    }
  }

  /** Cancel (or Escape) on the modal on top; the app hears of it only if the view asked (notify_on_close). */
  async closeView(userId: string, viewId: string): Promise<Outcome> {
    const person = this.workspace.person(userId);
    const stored = this.workspace.topModal(userId);
    if (!person || !stored || stored.id !== viewId) return { ok: true };
    this.workspace.closeModals(userId, 'top');
    if (stored.view.notify_on_close !== true) return { ok: true };
    return this.deliverInteraction(viewClosedPayload(person, apiView(stored)));
  }

  /** A message shortcut ("Log as decision") chosen from a message's menu. */
  async messageShortcut(userId: string, channelId: string, ts: string, callbackId: string): Promise<Outcome> {
    const found = this.find(userId, channelId);
    if ('problem' in found) return { ok: false, problem: found.problem };
    const message = this.workspace.find(channelId, ts);
    if (!message || message.ephemeralTo) return { ok: false, problem: 'That message is gone.' };
    const origin: Origin = { userId, channel: channelId, threadTs: message.threadTs };
    return this.deliverInteraction(
      messageShortcutPayload({
        person: found.person,
        channel: found.channel,
        callbackId,
        message: apiMessage(message),
        triggerId: this.props.handoffs.issueTrigger(origin),
        responseUrl: this.props.responseUrl(this.props.handoffs.issueResponseUrl(origin)),
      }),
    );
  }

  /** A global shortcut ("Record a decision") from the composer's shortcut menu. */
  async globalShortcut(userId: string, channelId: string, callbackId: string): Promise<Outcome> {
    const found = this.find(userId, channelId);
    if ('problem' in found) return { ok: false, problem: found.problem };
    const triggerId = this.props.handoffs.issueTrigger({ userId, channel: channelId });
    return this.deliverInteraction(globalShortcutPayload(found.person, callbackId, triggerId));
  }

  /** The app's Home tab opened. */
  async openHome(userId: string): Promise<Outcome> {
    const person = this.workspace.person(userId);
    if (!person) return { ok: false, problem: 'unknown person' };
    const homeId = this.workspace.homes.get(userId);
    const home = homeId ? this.workspace.views.get(homeId) : undefined;
    return this.deliverEvent(appHomeOpenedEvent(person, dmChannelOf(userId), home ? apiView(home) : null));
  }

  private find(userId: string, channelId: string): { person: Person; channel: Channel } | { problem: string } {
    const person = this.workspace.person(userId);
    const channel = this.workspace.channel(channelId);
    if (!person) return { problem: 'unknown person' };
    if (!channel) return { problem: 'unknown channel' };
    return { person, channel };
  }

  private fromSlackbot(origin: Origin, text: string): void {
    if (!origin.channel) return;
    this.workspace.post({
      channel: origin.channel,
      botId: SLACKBOT_ID,
      text,
      ephemeralTo: origin.userId,
      ...(origin.threadTs ? { threadTs: origin.threadTs } : {}),
    });
  }

  private async deliverEvent(event: Record<string, unknown>): Promise<Outcome> {
    const answer = await this.send(JSON.stringify(eventEnvelope(event)), 'application/json');
    // Slack retries an event that got no 200; the playground says so instead.
    return answer.status === 200
      ? { ok: true }
      : { ok: false, problem: `The app answered the event with ${answer.status}.` };
  }

  private async deliverInteraction(payload: Record<string, unknown>): Promise<Outcome> {
    const answer = await this.send(interactionBody(payload), FORM);
    return answer.status === 200
      ? { ok: true }
      : { ok: false, problem: `${BOT.name} didn't respond (HTTP ${answer.status}). Try again?` };
  }

  /** Signs a body exactly as Slack does and POSTs it to the app. */
  private async send(body: string, contentType: string): Promise<{ status: number; text: string }> {
    const url = this.props.eventsUrl();
    if (!url) return { status: 503, text: '' };
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = `v0=${createHmac('sha256', this.props.signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
    try {
      // The body goes as a string with an exact content-type: Bolt refuses "…; charset=UTF-8" forms.
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': contentType,
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': signature,
        },
        body,
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      });
      return { status: response.status, text: await response.text() };
    } catch {
      return { status: 504, text: '' };
    }
  }
}

/** Interactive payloads travel as one form field, `payload`, holding JSON. */
function interactionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

function parseJson(text: string): Record<string, unknown> | null {
  if (text.trim() === '') return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
