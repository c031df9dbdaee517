import { isSlackUserId } from '../domain/decision.js';

/**
 * Slack's own shapes of a message's ts ("1700000000.000100") and a conversation id. A signed
 * payload whose fields are anything else (a number, an object, a ts of 5,000 characters, SQL,
 * nothing at all) did not come from Slack's UI: listeners that store or look up by these fields
 * check them first and ignore the payload whole, instead of reading it leniently.
 */
const SLACK_TS = /^\d{1,12}\.\d{1,8}$/;
const SLACK_CONVERSATION_ID = /^[CDG][A-Z0-9]{2,40}$/;

export const isSlackTs = (value: unknown): value is string => typeof value === 'string' && SLACK_TS.test(value);

export const isSlackConversationId = (value: unknown): value is string =>
  typeof value === 'string' && SLACK_CONVERSATION_ID.test(value);

/** A message's own fields, as the watcher and the message shortcut read them. */
export interface SlackMessageFields {
  ts: string;
  threadTs: string | null;
  user: string | null;
  text: string;
}

/**
 * The fields of a message Slack sent (an event's, an edit's new version, a shortcut's), or null
 * when any of them has a shape Slack never sends: no ts, a thread_ts or user that is not one, text
 * that is not a string. A missing user (some subtypes) or text reads as none.
 */
export function readSlackMessage(raw: unknown): SlackMessageFields | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { ts, thread_ts: threadTs, user, text } = raw as Record<string, unknown>;
  if (!isSlackTs(ts)) return null;
  if (threadTs !== undefined && !isSlackTs(threadTs)) return null;
  if (user !== undefined && (typeof user !== 'string' || !isSlackUserId(user))) return null;
  if (text !== undefined && typeof text !== 'string') return null;
  return { ts, threadTs: threadTs ?? null, user: user ?? null, text: text ?? '' };
}
