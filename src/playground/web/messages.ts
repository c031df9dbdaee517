import type { ActionUse } from './blockContext.js';
import { renderBlocks } from './blocks.js';
import { h, uid } from './dom.js';
import { menuButton } from './menu.js';
import { type Directory, mrkdwn } from './richText.js';
import type { Message, PageState } from './types.js';

/**
 * One message as Slack shows it: who (with an APP tag for apps), when, its blocks (or its text),
 * files, "Only visible to you" for ephemeral ones, its thread's reply count, and on hover or focus
 * the actions on it: reply in thread, and the app's message shortcuts.
 */

export interface MessageContext extends Directory {
  state: PageState;
  /** Replies in this message's thread (top-level messages only). */
  replyCount: number;
  inThreadPane: boolean;
  onAction: (message: Message, use: ActionUse) => void;
  openThread: (message: Message) => void;
  runShortcut: (message: Message, callbackId: string) => void;
  dismiss: (message: Message) => void;
}

const SLACKBOT_ID = 'B0SLACKBOT';

export function senderOf(message: Message, state: PageState): { name: string; app: boolean; initial: string } {
  if (message.botId === SLACKBOT_ID) return { name: 'Slackbot', app: false, initial: 'S' };
  if (message.botId) return { name: state.app.name, app: true, initial: 'DL' };
  const person = state.people.find((p) => p.id === message.user);
  const name = person?.realName ?? message.user ?? 'Someone';
  return { name, app: false, initial: name.slice(0, 1) };
}

export function timeOf(ts: string): string {
  return new Date(Number(ts) * 1000).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });
}

export function renderMessage(message: Message, ctx: MessageContext): HTMLElement {
  const sender = senderOf(message, ctx.state);
  const nameId = uid('sender');
  const avatarClass = message.botId === SLACKBOT_ID ? 'slackbot' : sender.app ? 'app' : `person-${message.user ?? ''}`;
  const body =
    message.blocks && message.blocks.length > 0
      ? renderBlocks(message.blocks, {
          ...ctx,
          currentChannel: message.channel,
          onAction: (use) => ctx.onAction(message, use),
        })
      : mrkdwn(message.text, ctx);
  return h(
    'article',
    {
      class: `message${message.ephemeralTo ? ' ephemeral' : ''}`,
      'aria-labelledby': nameId,
      'data-ts': message.ts,
      tabindex: '-1',
    },
    h('div', { class: `avatar ${avatarClass}`, 'aria-hidden': 'true' }, sender.initial),
    h(
      'div',
      { class: 'message-main' },
      message.invokedBy ? h('p', { class: 'invoked' }, `used ${message.invokedBy}`) : null,
      h(
        'p',
        { class: 'message-meta' },
        h('span', { class: 'sender', id: nameId }, sender.name),
        sender.app ? h('span', { class: 'app-tag' }, 'APP') : null,
        h('time', { datetime: new Date(Number(message.ts) * 1000).toISOString() }, timeOf(message.ts)),
        message.edited ? h('span', { class: 'edited' }, '(edited)') : null,
      ),
      message.ephemeralTo
        ? h(
            'p',
            { class: 'only-you' },
            '👁 Only visible to you · ',
            h('button', { type: 'button', class: 'link-like', onclick: () => ctx.dismiss(message) }, 'Dismiss'),
          )
        : null,
      body,
      (message.files ?? []).map((file) =>
        h(
          'figure',
          { class: 'file' },
          h('figcaption', {}, file.title),
          file.mimetype.startsWith('image/')
            ? h('img', { src: file.url, alt: file.altText ?? file.title })
            : h('a', { href: file.url, download: file.name }, file.name),
        ),
      ),
      ctx.replyCount > 0 && !ctx.inThreadPane
        ? h(
            'button',
            { type: 'button', class: 'replies link-like', onclick: () => ctx.openThread(message) },
            `${ctx.replyCount} ${ctx.replyCount === 1 ? 'reply' : 'replies'}`,
          )
        : null,
    ),
    message.ephemeralTo ? null : toolbar(message, ctx),
  );
}

/** The actions on a message, shown on hover and on keyboard focus. */
function toolbar(message: Message, ctx: MessageContext): HTMLElement {
  const sender = senderOf(message, ctx.state).name;
  const more = menuButton({
    text: '⋮',
    label: `More actions on ${sender}'s message`,
    buttonClass: 'tool',
    heading: ctx.state.app.name,
    items: ctx.state.app.messageShortcuts.map((s) => ({
      text: s.name,
      onSelect: () => ctx.runShortcut(message, s.callbackId),
    })),
  });
  const reply =
    ctx.inThreadPane || message.threadTs
      ? null
      : h(
          'button',
          {
            type: 'button',
            class: 'tool',
            'aria-label': `Reply in thread to ${sender}`,
            title: 'Reply in thread',
            onclick: () => ctx.openThread(message),
          },
          '💬',
        );
  return h('div', { class: 'toolbar' }, reply, more);
}
