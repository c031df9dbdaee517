/**
 * The playground's Slack workspace, in memory: its people and channels, what was posted where, the
 * modals open and the Home tabs published. The Web API stand-in (webApi.ts) changes it on the app's
 * behalf, the page's requests (routes.ts) on the person's; the page re-reads it after each change.
 */

export interface Person {
  id: string;
  /** The handle typed after @. */
  name: string;
  realName: string;
  isAdmin: boolean;
}

export interface Channel {
  id: string;
  name: string;
  isPrivate: boolean;
  /** One line under the channel's name. */
  purpose: string;
  /** A direct-message channel between the app and this person (the app's Messages tab). */
  dmWith?: string;
}

export interface SharedFile {
  id: string;
  title: string;
  name: string;
  altText: string | null;
  mimetype: string;
}

export interface Message {
  channel: string;
  ts: string;
  /** The thread this message is in; a thread's first message has none. */
  threadTs?: string;
  /** The person who wrote it, or none for the app's messages. */
  user?: string;
  /** Set on the app's messages (Slack's bot_id). */
  botId?: string;
  /** Slack-encoded text (&amp; &lt; &gt;, <@U…> mentions), as Slack stores it. */
  text: string;
  blocks?: unknown[];
  files?: SharedFile[];
  /** Only this person sees it; Slack keeps no copy of an ephemeral message in the channel's history. */
  ephemeralTo?: string;
  /** Updated since it was posted (chat.update, or replace_original). */
  edited?: boolean;
  /** What the app was sent for this message (the slash command a reply answers), shown above it. */
  invokedBy?: string;
}

/** A modal or Home tab as the app last sent it, with the ids Slack gives it. */
export interface StoredView {
  id: string;
  hash: string;
  userId: string;
  view: Record<string, unknown>;
  /** The conversation the modal was opened from (conversations_select's default_to_current_conversation). */
  openedIn: string | null;
}

export interface BotIdentity {
  teamId: string;
  teamName: string;
  botId: string;
  botUserId: string;
  appId: string;
  name: string;
}

export const BOT: BotIdentity = {
  teamId: 'T0PLAYGRND',
  teamName: 'Playground',
  botId: 'B0LEDGER',
  botUserId: 'U0LEDGER',
  appId: 'A0LEDGER',
  name: 'Decision Ledger',
};

/** Slack's own bot, which answers what no app handles (an unknown command, an app that did not respond). */
export const SLACKBOT_ID = 'B0SLACKBOT';

const PEOPLE: Person[] = [
  { id: 'U0ANA', name: 'ana', realName: 'Ana Lima', isAdmin: true },
  { id: 'U0RAJ', name: 'raj', realName: 'Raj Patel', isAdmin: false },
  { id: 'U0MEI', name: 'mei', realName: 'Mei Chen', isAdmin: false },
  { id: 'U0TOM', name: 'tom', realName: 'Tom Okafor', isAdmin: false },
];

const CHANNELS: Channel[] = [
  { id: 'C0GENERAL', name: 'general', isPrivate: false, purpose: 'Company-wide news and questions' },
  { id: 'C0PLATFORM', name: 'platform', isPrivate: false, purpose: 'Backend, billing and infrastructure' },
  // Private: its decisions are shown only in it, never in another channel's search or warnings.
  { id: 'G0LEADS', name: 'leads', isPrivate: true, purpose: 'Team leads only' },
];

type Listener = () => void;

export class PlaygroundWorkspace {
  readonly people: readonly Person[] = PEOPLE;
  readonly channels: Channel[] = [
    ...CHANNELS,
    // Each person's direct messages with the app: where it writes when an ephemeral message cannot go.
    ...PEOPLE.map((p) => ({ id: dmChannelOf(p.id), name: BOT.name, isPrivate: true, purpose: '', dmWith: p.id })),
  ];
  readonly messages: Message[] = [];
  readonly views = new Map<string, StoredView>();
  /** Each person's open modals, the top last (views.push stacks them). */
  readonly modals = new Map<string, string[]>();
  /** Each person's published Home tab (a view id). */
  readonly homes = new Map<string, string>();
  readonly files = new Map<string, SharedFile & { bytes: Buffer }>();
  private readonly listeners = new Set<Listener>();
  private lastMicros = 0;
  private nextId = 1;
  /** Bumped at every change; the page compares it to know whether to re-read. */
  version = 0;

  person(id: string): Person | undefined {
    return this.people.find((p) => p.id === id);
  }

  channel(id: string): Channel | undefined {
    return this.channels.find((c) => c.id === id);
  }

  /** A channel by id, or the app's direct messages with a person when given their user id (as chat.postMessage allows). */
  conversation(id: string): Channel | undefined {
    return this.channel(this.person(id) ? dmChannelOf(id) : id);
  }

  /**
   * A Slack timestamp: seconds and microseconds since the epoch, always later than the last one,
   * so it both orders messages and names one uniquely.
   */
  newTs(): string {
    const micros = Math.max(Date.now() * 1000, this.lastMicros + 1);
    this.lastMicros = micros;
    return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
  }

  newId(prefix: string): string {
    return `${prefix}${String(this.nextId++).padStart(6, '0')}`;
  }

  find(channel: string, ts: string, viewer?: string): Message | undefined {
    return this.messages.find(
      (m) => m.channel === channel && m.ts === ts && (!m.ephemeralTo || m.ephemeralTo === viewer),
    );
  }

  /** A thread's messages, first message first, as conversations.replies returns them (no ephemerals). */
  thread(channel: string, threadTs: string): Message[] {
    return this.messages.filter(
      (m) => m.channel === channel && !m.ephemeralTo && (m.ts === threadTs || m.threadTs === threadTs),
    );
  }

  post(message: Omit<Message, 'ts'>): Message {
    const posted = { ...message, blocks: this.withBlockIds(message.blocks), ts: this.newTs() };
    this.messages.push(posted);
    this.changed();
    return posted;
  }

  replace(target: Message, content: Pick<Message, 'text' | 'blocks'>): void {
    target.text = content.text;
    target.blocks = this.withBlockIds(content.blocks);
    target.edited = true;
    this.changed();
  }

  remove(target: Message): void {
    const at = this.messages.indexOf(target);
    if (at >= 0) this.messages.splice(at, 1);
    this.changed();
  }

  storeView(userId: string, view: Record<string, unknown>, openedIn: string | null, id = this.newId('V')): StoredView {
    const stored = {
      id,
      hash: this.newId('h'),
      userId,
      view: { ...view, blocks: this.withBlockIds(view.blocks) },
      openedIn,
    };
    this.views.set(id, stored);
    this.changed();
    return stored;
  }

  /** The modal on top of a person's stack, if any. */
  topModal(userId: string): StoredView | undefined {
    const stack = this.modals.get(userId) ?? [];
    const top = stack.at(-1);
    return top ? this.views.get(top) : undefined;
  }

  closeModals(userId: string, how: 'top' | 'all'): void {
    const stack = this.modals.get(userId) ?? [];
    if (how === 'all') stack.length = 0;
    else stack.pop();
    this.modals.set(userId, stack);
    this.changed();
  }

  /** Drops everything posted and every view: the people and channels stay. */
  clear(): void {
    this.messages.length = 0;
    this.views.clear();
    this.modals.clear();
    this.homes.clear();
    this.files.clear();
    this.changed();
  }

  /**
   * Slack names every block the app left unnamed, and sends that block_id back with an action on
   * it; the page and the payloads need a name to point at.
   */
  private withBlockIds(blocks: unknown): unknown[] | undefined {
    if (!Array.isArray(blocks)) return undefined;
    return blocks.map((block: unknown) =>
      typeof block === 'object' && block !== null && !('block_id' in block)
        ? { ...block, block_id: this.newId('b') }
        : block,
    );
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}

/** The id of the app's direct-message channel with a person. */
export function dmChannelOf(userId: string): string {
  return `D${userId.slice(1)}`;
}
