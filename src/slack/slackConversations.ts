import type { WebClient } from '@slack/web-api';
import type { ConversationDirectory, ThreadExcerpt } from '../app/decisions/ports.js';
import type { Workspace } from '../domain/workspace.js';
import { withDeadline } from '../deadline.js';
import { errorForLog, type Logger } from '../logger.js';

export interface SlackConversationsOptions {
  clientFor: (workspace: Workspace) => Promise<WebClient>;
  /**
   * Clients for conversations.replies alone, made to reject a 429 at once (threadClientOptions):
   * Slack allows apps outside its Marketplace one call a minute there, and a rate-limited client
   * pauses every call it carries — channel lookups and card posts would wait behind a thread read.
   */
  threadClientFor?: (workspace: Workspace) => Promise<WebClient>;
  logger: Logger;
  /** Thread reads happen while a trigger_id (valid 3 s) waits; past this the form opens without them. */
  threadTimeoutMs?: number;
  /** Channel privacy changes rarely (a public channel can be made private), so it is cached briefly. */
  privacyTtlMs?: number;
  /** Workspace id → its URL (auth.test's `url`), where known: permalinks are then built, not fetched. */
  workspaceUrls?: ReadonlyMap<string, string>;
}

const CACHE_LIMIT = 10_000;
// What Slack returns per conversations.replies call to apps outside its Marketplace.
const MAX_THREAD_MESSAGES = 15;

/** For threadClientFor's clients: a 429 rejects at once instead of pausing the client, and nothing is retried. */
export const THREAD_CLIENT_OPTIONS = { rejectRateLimitedCalls: true, retryConfig: { retries: 0 } } as const;

/** Who can read a channel: its own members only, and whether another organisation's are among them. */
interface Audience {
  isPrivate: boolean;
  isExternallyShared: boolean;
}

/** ConversationDirectory backed by Slack's Web API. Failures degrade to the safe answer; they never throw. */
export function createSlackConversations(options: SlackConversationsOptions): ConversationDirectory {
  const { clientFor, logger } = options;
  const threadClientFor = options.threadClientFor ?? clientFor;
  // Per workspace: until when Slack said thread reads are rate-limited; none is tried before then.
  const threadsLimitedUntil = new Map<string, number>();
  const threadTimeoutMs = options.threadTimeoutMs ?? 1200;
  const privacyTtlMs = options.privacyTtlMs ?? 10 * 60_000;
  const privacy = new Map<string, Audience & { expires: number }>();
  const keyOf = (workspace: Workspace, channelId: string) => `${workspace.workspaceId}:${channelId}`;
  const remember = (key: string, audience: Audience) => {
    privacy.delete(key);
    if (privacy.size >= CACHE_LIMIT) privacy.delete(privacy.keys().next().value!);
    privacy.set(key, { ...audience, expires: Date.now() + privacyTtlMs });
  };

  /** Who can read a channel, from conversations.info, remembered a while; not knowing counts as the narrowest. */
  const audienceOf = async (workspace: Workspace, channelId: string): Promise<Audience> => {
    // D… ids are direct messages: private by nature, no need to ask.
    if (channelId.startsWith('D')) return { isPrivate: true, isExternallyShared: false };
    const key = keyOf(workspace, channelId);
    const cached = privacy.get(key);
    if (cached && cached.expires > Date.now()) return cached;
    try {
      const info = await (await clientFor(workspace)).conversations.info({ channel: channelId });
      const channel = info.channel;
      const audience = {
        isPrivate: Boolean(channel?.is_private || channel?.is_im || channel?.is_mpim || channel?.is_group),
        isExternallyShared: Boolean(channel?.is_ext_shared || channel?.is_pending_ext_shared),
      };
      remember(key, audience);
      return audience;
    } catch (error) {
      // Not knowing is treated as private: a decision may be shown too narrowly, never too widely.
      logger.warn({ err: errorForLog(error), channelId }, 'conversations.info failed; treating channel as private');
      return { isPrivate: true, isExternallyShared: true };
    }
  };

  return {
    async isPrivate(workspace, channelId) {
      return (await audienceOf(workspace, channelId)).isPrivate;
    },

    async isExternallyShared(workspace, channelId) {
      return (await audienceOf(workspace, channelId)).isExternallyShared;
    },

    notePrivate(workspace, channelId) {
      const key = keyOf(workspace, channelId);
      remember(key, { isPrivate: true, isExternallyShared: privacy.get(key)?.isExternallyShared ?? false });
    },

    noteSharing(workspace, channelId, shared) {
      const key = keyOf(workspace, channelId);
      if (shared) remember(key, { isPrivate: privacy.get(key)?.isPrivate ?? false, isExternallyShared: true });
      else privacy.delete(key);
    },

    async threadParticipants(workspace, channelId, threadTs): Promise<ThreadExcerpt> {
      const empty: ThreadExcerpt = { participants: [], messages: [] };
      if ((threadsLimitedUntil.get(workspace.workspaceId) ?? 0) > Date.now()) return empty;
      try {
        const replies = await withDeadline(
          threadClientFor(workspace).then((client) =>
            client.conversations.replies({ channel: channelId, ts: threadTs, limit: MAX_THREAD_MESSAGES }),
          ),
          threadTimeoutMs,
          'conversations.replies gave no answer',
        );
        const messages = (replies.messages ?? [])
          .filter((m) => m.user && !m.bot_id && (m as { subtype?: string }).subtype !== 'bot_message')
          .map((m) => ({ user: m.user!, text: m.text ?? '' }));
        return { participants: [...new Set(messages.map((m) => m.user))], messages };
      } catch (error) {
        const retryAfter =
          (error as { code?: string; retryAfter?: number }).code === 'slack_webapi_rate_limited_error'
            ? (error as { retryAfter?: number }).retryAfter
            : undefined;
        if (retryAfter !== undefined) {
          if (threadsLimitedUntil.size >= CACHE_LIMIT) threadsLimitedUntil.clear();
          threadsLimitedUntil.set(workspace.workspaceId, Date.now() + retryAfter * 1000);
        }
        logger.info(
          { err: errorForLog(error), channelId },
          'conversations.replies failed, was slow or is rate-limited; opening the form without the thread',
        );
        return empty;
      }
    },

    async permalink(workspace, channelId, messageTs, threadTs = null) {
      // Slack's permalink format is stable (…/archives/<channel>/p<ts without the dot>, and for a
      // reply ?thread_ts=<its thread>&cid=<channel>, which opens the reply in its thread); building
      // it saves a Web API call per decision card. Elsewhere (org-wide installs) Slack is asked.
      const workspaceUrl = options.workspaceUrls?.get(workspace.workspaceId);
      if (workspaceUrl && /^[0-9]+\.[0-9]+$/.test(messageTs)) {
        const reply =
          threadTs && threadTs !== messageTs && /^[0-9]+\.[0-9]+$/.test(threadTs)
            ? `?thread_ts=${threadTs}&cid=${channelId}`
            : '';
        return `${workspaceUrl.replace(/\/?$/, '/')}archives/${channelId}/p${messageTs.replace('.', '')}${reply}`;
      }
      try {
        const result = await (await clientFor(workspace)).chat.getPermalink({
          channel: channelId,
          message_ts: messageTs,
        });
        return result.permalink ?? null;
      } catch (error) {
        logger.info({ err: errorForLog(error), channelId }, 'chat.getPermalink failed');
        return null;
      }
    },
  };
}
