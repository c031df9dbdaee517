import type { Handoffs } from './handoffs.js';
import { BOT, type Message, type PlaygroundWorkspace, type StoredView } from './workspace.js';

/**
 * The Web API methods the app calls, answered from the playground's workspace the way Slack answers
 * them: the same fields the app reads, the same error codes for what Slack would refuse. A method
 * the app does not use answers `unknown_method`, so a new call shows up as a visible failure.
 */

export type Params = Record<string, unknown>;
export type Answer = { ok: true; [key: string]: unknown } | { ok: false; error: string };

export interface MethodContext {
  workspace: PlaygroundWorkspace;
  handoffs: Handoffs;
  /** The page's address; permalinks point into it (…/playground#/archives/C…/p…). */
  permalinkBase: () => string;
  /** Where files.getUploadURLExternal sends the bytes. */
  uploadUrl: (fileId: string) => string;
  /** Files announced by files.getUploadURLExternal, waiting for their bytes or their completion. */
  pendingFiles: Map<string, { name: string; altText: string | null; bytes?: Buffer }>;
}

type Method = (params: Params, ctx: MethodContext) => Answer;

const fail = (error: string): Answer => ({ ok: false, error });
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** A message as Slack's API returns it (conversations.replies, chat.postMessage's `message`). */
export function apiMessage(m: Message): Record<string, unknown> {
  return {
    type: 'message',
    ts: m.ts,
    text: m.text,
    ...(m.user ? { user: m.user } : {}),
    ...(m.botId ? { bot_id: m.botId, subtype: 'bot_message' } : {}),
    ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
    ...(m.blocks ? { blocks: m.blocks } : {}),
  };
}

/** A view as views.open/update/publish return it: what the app sent, with Slack's ids and empty state. */
export function apiView(stored: StoredView): Record<string, unknown> {
  return {
    ...stored.view,
    id: stored.id,
    hash: stored.hash,
    team_id: BOT.teamId,
    app_id: BOT.appId,
    bot_id: BOT.botId,
    state: { values: {} },
  };
}

function permalink(ctx: MethodContext, channel: string, ts: string, threadTs?: string): string {
  const reply = threadTs && threadTs !== ts ? `?thread_ts=${threadTs}&cid=${channel}` : '';
  return `${ctx.permalinkBase()}archives/${channel}/p${ts.replace('.', '')}${reply}`;
}

function asView(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** Slack requires text or blocks (blocks without text are allowed but warned about). */
function content(params: Params): Pick<Message, 'text' | 'blocks'> | null {
  const text = typeof params.text === 'string' ? params.text : '';
  const blocks = Array.isArray(params.blocks) ? params.blocks : undefined;
  return text === '' && !blocks ? null : { text, blocks };
}

const methods: Record<string, Method> = {
  'auth.test': (_params, ctx) => ({
    ok: true,
    url: ctx.permalinkBase(),
    team: BOT.teamName,
    user: 'decision-ledger',
    team_id: BOT.teamId,
    user_id: BOT.botUserId,
    bot_id: BOT.botId,
  }),

  'chat.postMessage': (params, { workspace }) => {
    const channel = workspace.conversation(String(params.channel ?? ''));
    if (!channel) return fail('channel_not_found');
    const body = content(params);
    if (!body) return fail('no_text');
    const threadTs = str(params.thread_ts);
    const posted = workspace.post({
      channel: channel.id,
      botId: BOT.botId,
      ...body,
      ...(threadTs ? { threadTs } : {}),
    });
    return { ok: true, channel: channel.id, ts: posted.ts, message: apiMessage(posted) };
  },

  'chat.postEphemeral': (params, { workspace }) => {
    const channel = workspace.conversation(String(params.channel ?? ''));
    if (!channel) return fail('channel_not_found');
    const user = workspace.person(String(params.user ?? ''));
    if (!user) return fail('user_not_in_channel');
    const body = content(params);
    if (!body) return fail('no_text');
    const threadTs = str(params.thread_ts);
    const posted = workspace.post({
      channel: channel.id,
      botId: BOT.botId,
      ephemeralTo: user.id,
      ...body,
      ...(threadTs ? { threadTs } : {}),
    });
    return { ok: true, message_ts: posted.ts };
  },

  'chat.update': (params, { workspace }) => {
    const target = workspace.find(String(params.channel ?? ''), String(params.ts ?? ''));
    if (!target || target.ephemeralTo) return fail('message_not_found');
    if (target.botId !== BOT.botId) return fail('cant_update_message');
    const body = content(params);
    if (!body) return fail('no_text');
    workspace.replace(target, body);
    return { ok: true, channel: target.channel, ts: target.ts, text: target.text };
  },

  'chat.delete': (params, { workspace }) => {
    const target = workspace.find(String(params.channel ?? ''), String(params.ts ?? ''));
    if (!target || target.ephemeralTo) return fail('message_not_found');
    if (target.botId !== BOT.botId) return fail('cant_delete_message');
    workspace.remove(target);
    return { ok: true, channel: target.channel, ts: target.ts };
  },

  'chat.getPermalink': (params, ctx) => {
    const target = ctx.workspace.find(String(params.channel ?? ''), String(params.message_ts ?? ''));
    if (!target || target.ephemeralTo) return fail('message_not_found');
    return { ok: true, channel: target.channel, permalink: permalink(ctx, target.channel, target.ts, target.threadTs) };
  },

  'conversations.info': (params, { workspace }) => {
    const channel = workspace.channel(String(params.channel ?? ''));
    if (!channel) return fail('channel_not_found');
    return {
      ok: true,
      channel: {
        id: channel.id,
        name: channel.dmWith ? undefined : channel.name,
        is_channel: !channel.isPrivate,
        is_group: channel.isPrivate && !channel.dmWith,
        is_im: Boolean(channel.dmWith),
        is_mpim: false,
        is_private: channel.isPrivate,
        is_member: true,
        is_ext_shared: false,
        is_pending_ext_shared: false,
        ...(channel.dmWith ? { user: channel.dmWith } : {}),
      },
    };
  },

  'conversations.replies': (params, { workspace }) => {
    const messages = workspace.thread(String(params.channel ?? ''), String(params.ts ?? ''));
    if (messages.length === 0) return fail('thread_not_found');
    const limit = Number(params.limit) > 0 ? Number(params.limit) : 1000;
    return { ok: true, messages: messages.slice(0, limit).map(apiMessage), has_more: messages.length > limit };
  },

  'users.info': (params, { workspace }) => {
    const person = workspace.person(String(params.user ?? ''));
    if (!person) return fail('user_not_found');
    return {
      ok: true,
      user: {
        id: person.id,
        name: person.name,
        real_name: person.realName,
        team_id: BOT.teamId,
        is_admin: person.isAdmin,
        is_owner: false,
        is_primary_owner: false,
        is_bot: false,
        profile: { real_name: person.realName, display_name: person.name },
      },
    };
  },

  'views.open': (params, { workspace, handoffs }) => {
    const origin = handoffs.trigger(params.trigger_id);
    if (typeof origin === 'string') return fail(origin);
    const view = asView(params.view);
    if (!view) return fail('invalid_arguments');
    const stored = workspace.storeView(origin.userId, view, origin.channel);
    workspace.modals.set(origin.userId, [stored.id]);
    workspace.changed();
    return { ok: true, view: apiView(stored) };
  },

  'views.push': (params, { workspace, handoffs }) => {
    const origin = handoffs.trigger(params.trigger_id);
    if (typeof origin === 'string') return fail(origin);
    const view = asView(params.view);
    if (!view) return fail('invalid_arguments');
    const stack = workspace.modals.get(origin.userId) ?? [];
    // Slack allows three views in a modal's stack.
    if (stack.length >= 3) return fail('push_limit_reached');
    const below = stack.length > 0 ? workspace.views.get(stack.at(-1)!) : undefined;
    const stored = workspace.storeView(origin.userId, view, below?.openedIn ?? origin.channel);
    workspace.modals.set(origin.userId, [...stack, stored.id]);
    workspace.changed();
    return { ok: true, view: apiView(stored) };
  },

  'views.update': (params, { workspace }) => {
    const stored = workspace.views.get(String(params.view_id ?? ''));
    if (!stored) return fail('not_found');
    // The hash is Slack's guard against overwriting a view that changed since it was read.
    if (str(params.hash) && params.hash !== stored.hash) return fail('hash_conflict');
    const view = asView(params.view);
    if (!view) return fail('invalid_arguments');
    const updated = workspace.storeView(stored.userId, view, stored.openedIn, stored.id);
    return { ok: true, view: apiView(updated) };
  },

  'views.publish': (params, { workspace }) => {
    const person = workspace.person(String(params.user_id ?? ''));
    if (!person) return fail('user_not_found');
    const view = asView(params.view);
    if (view?.type !== 'home') return fail('invalid_arguments');
    const existing = workspace.homes.get(person.id);
    const stored = workspace.storeView(person.id, view, null, existing);
    workspace.homes.set(person.id, stored.id);
    workspace.changed();
    return { ok: true, view: apiView(stored) };
  },

  'files.getUploadURLExternal': (params, ctx) => {
    const name = str(params.filename);
    if (!name || !(Number(params.length) > 0)) return fail('invalid_arguments');
    const fileId = ctx.workspace.newId('F');
    ctx.pendingFiles.set(fileId, { name, altText: str(params.alt_txt) ?? str(params.alt_text) ?? null });
    return { ok: true, upload_url: ctx.uploadUrl(fileId), file_id: fileId };
  },

  'files.completeUploadExternal': (params, { workspace, pendingFiles }) => {
    const listed = Array.isArray(params.files) ? (params.files as { id?: unknown; title?: unknown }[]) : [];
    const shared = [];
    for (const { id, title } of listed) {
      const pending = typeof id === 'string' ? pendingFiles.get(id) : undefined;
      if (!pending?.bytes) return fail('file_not_found');
      pendingFiles.delete(id as string);
      const file = {
        id: id as string,
        name: pending.name,
        title: typeof title === 'string' ? title : pending.name,
        altText: pending.altText,
        mimetype: pending.name.endsWith('.png') ? 'image/png' : 'application/octet-stream',
      };
      workspace.files.set(file.id, { ...file, bytes: pending.bytes });
      shared.push(file);
    }
    const channelId = str(params.channel_id) ?? str(params.channels);
    if (channelId) {
      const channel = workspace.conversation(channelId);
      if (!channel) return fail('channel_not_found');
      const threadTs = str(params.thread_ts);
      workspace.post({
        channel: channel.id,
        botId: BOT.botId,
        text: str(params.initial_comment) ?? '',
        files: shared,
        ...(threadTs ? { threadTs } : {}),
      });
    }
    return { ok: true, files: shared.map((f) => ({ id: f.id, title: f.title, name: f.name })) };
  },
};

export function callMethod(name: string, params: Params, ctx: MethodContext): Answer {
  const method = Object.hasOwn(methods, name) ? methods[name] : undefined;
  return method ? method(params, ctx) : fail('unknown_method');
}
