import { h } from './dom.js';
import { type Inline, type Paragraph, parseMrkdwn } from './mrkdwn.js';
import type { Channel, Person } from './types.js';

/** Who and where mentions point at, to show names instead of ids. */
export interface Directory {
  people: Person[];
  channels: Channel[];
  /** Called with a channel id when a #channel mention is clicked. */
  openChannel: (id: string) => void;
}

export function mrkdwn(text: string, directory: Directory): HTMLElement {
  return h(
    'div',
    { class: 'mrkdwn' },
    parseMrkdwn(text).map((p) => paragraph(p, directory)),
  );
}

/** plain_text objects: no markup at all, only the emoji Slack also shows in them. */
export function plainText(text: string): HTMLElement {
  return h('span', { class: 'plain' }, text);
}

function paragraph(p: Paragraph, directory: Directory): HTMLElement {
  if (p.t === 'pre') return h('pre', {}, p.text);
  const children = p.children.map((i) => inline(i, directory));
  return p.t === 'quote' ? h('blockquote', {}, children) : h('p', {}, children);
}

function inline(node: Inline, directory: Directory): Node {
  switch (node.t) {
    case 'text':
      return document.createTextNode(node.text);
    case 'br':
      return h('br');
    case 'bold':
      return h(
        'strong',
        {},
        node.children.map((c) => inline(c, directory)),
      );
    case 'italic':
      return h(
        'em',
        {},
        node.children.map((c) => inline(c, directory)),
      );
    case 'strike':
      return h(
        's',
        {},
        node.children.map((c) => inline(c, directory)),
      );
    case 'code':
      return h('code', {}, node.text);
    case 'emoji':
      return h(
        'span',
        { class: 'emoji', role: 'img', 'aria-label': node.name.replace(/_/g, ' '), title: `:${node.name}:` },
        node.char,
      );
    case 'user': {
      const person = directory.people.find((p) => p.id === node.id);
      return h('span', { class: 'mention' }, `@${person?.realName ?? node.label ?? node.id}`);
    }
    case 'channel': {
      const channel = directory.channels.find((c) => c.id === node.id);
      const name = channel?.name ?? node.label ?? node.id;
      return h(
        'button',
        { type: 'button', class: 'mention link-like', onclick: () => directory.openChannel(node.id) },
        `#${name}`,
      );
    }
    case 'broadcast':
      return h('span', { class: 'mention broadcast' }, node.label);
    case 'link':
      return link(node.url, node.label);
  }
}

/** The playground's permalinks (its workspace URL is the page): they open the message in this tab. */
const PERMALINK = /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/playground#\//;

/** Only web and mail links are followed; a javascript: or data: URL is shown as text. */
function link(url: string, label: string): Node {
  if (!/^(https?:|mailto:)/i.test(url)) return document.createTextNode(label);
  const internal = PERMALINK.test(url);
  return h(
    'a',
    internal ? { href: url.slice(url.indexOf('#')) } : { href: url, target: '_blank', rel: 'noopener noreferrer' },
    label,
  );
}
