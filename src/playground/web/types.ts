/**
 * What the page gets from /playground/api/state (src/playground/pageState.ts) and sends back:
 * the workspace as one person sees it, in Slack's own shapes where Slack has one.
 */

export interface Person {
  id: string;
  name: string;
  realName: string;
  isAdmin: boolean;
}

export interface Channel {
  id: string;
  name: string;
  isPrivate: boolean;
  purpose: string;
  dmWith?: string;
}

export interface SharedFile {
  id: string;
  title: string;
  name: string;
  altText: string | null;
  mimetype: string;
  url: string;
}

export interface Message {
  channel: string;
  ts: string;
  threadTs?: string;
  user?: string;
  botId?: string;
  text: string;
  blocks?: Block[];
  files?: SharedFile[];
  ephemeralTo?: string;
  edited?: boolean;
  invokedBy?: string;
}

/** A Block Kit block or element: read field by field, as Slack's clients do. */
export type Block = Record<string, unknown> & { type: string; block_id?: string };

export interface View {
  id: string;
  view: Record<string, unknown> & { blocks?: Block[] };
  openedIn?: string | null;
}

export interface PageState {
  version: number;
  me: string;
  app: {
    name: string;
    botId: string;
    botUserId: string;
    command: string;
    commandHint: string;
    messageShortcuts: { name: string; callbackId: string }[];
    globalShortcuts: { name: string; callbackId: string }[];
  };
  people: Person[];
  channels: Channel[];
  messages: Message[];
  modal: View | null;
  home: View | null;
  /** Lines worth typing, each in its channel. */
  suggestions: { channel: string; text: string }[];
}

export type FormValue = string | string[] | null;
export type FormValues = Record<string, Record<string, FormValue>>;

export type Outcome = { ok: true; errors?: Record<string, string>; ts?: string } | { ok: false; problem: string };
