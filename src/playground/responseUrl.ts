import type { Handoffs } from './handoffs.js';
import { BOT, type PlaygroundWorkspace } from './workspace.js';

/**
 * What Slack does with a message posted to a response_url: it replaces or deletes the message the
 * request came from when asked to, else posts a new one where the request came from — visible to
 * the person alone unless `response_type` is `in_channel`.
 */
export function answerResponseUrl(
  workspace: PlaygroundWorkspace,
  handoffs: Handoffs,
  id: string,
  body: Record<string, unknown>,
): { ok: true } | { ok: false; error: string } {
  const origin = handoffs.responseUrl(id);
  if (origin === 'invalid') return { ok: false, error: 'invalid_url' };
  if (origin === 'expired') return { ok: false, error: 'expired_url' };
  if (origin === 'used_up') return { ok: false, error: 'used_url' };
  const text = typeof body.text === 'string' ? body.text : '';
  const blocks = Array.isArray(body.blocks) ? body.blocks : undefined;
  const original =
    origin.channel && origin.messageTs ? workspace.find(origin.channel, origin.messageTs, origin.userId) : undefined;
  if (body.delete_original === true) {
    if (!original) return { ok: false, error: 'message_not_found' };
    workspace.remove(original);
    return { ok: true };
  }
  if (body.replace_original === true && original) {
    workspace.replace(original, { text, blocks });
    return { ok: true };
  }
  if (!origin.channel) return { ok: false, error: 'channel_not_found' };
  if (text === '' && !blocks) return { ok: false, error: 'no_text' };
  const inChannel = body.response_type === 'in_channel';
  workspace.post({
    channel: origin.channel,
    botId: BOT.botId,
    text,
    blocks,
    ...(origin.threadTs ? { threadTs: origin.threadTs } : {}),
    ...(inChannel ? {} : { ephemeralTo: origin.userId }),
    ...(inChannel && origin.command ? { invokedBy: origin.command } : {}),
  });
  return { ok: true };
}
