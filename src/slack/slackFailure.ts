import { ErrorCode, type WebAPICallError } from '@slack/web-api';

/** Slack Web API failures, normalised once into the few cases a user can be told about. */
export type SlackFailure =
  | { kind: 'not_in_channel' }
  | { kind: 'channel_not_found' }
  | { kind: 'archived' }
  | { kind: 'rate_limited' }
  | { kind: 'unavailable' }
  | { kind: 'other'; code: string };

export function classifySlackError(error: unknown): SlackFailure {
  const e = error as Partial<WebAPICallError> & { data?: { error?: string }; message?: string };
  if (e?.code === ErrorCode.RateLimitedError) return { kind: 'rate_limited' };
  // After its retries, WebClient reports a 429 as a generic request error carrying this message.
  if (e?.code === ErrorCode.RequestError && /rate limit was exceeded/i.test(String(e.message)))
    return { kind: 'rate_limited' };
  if (e?.code === ErrorCode.HTTPError || e?.code === ErrorCode.RequestError) return { kind: 'unavailable' };
  const apiError = e?.code === ErrorCode.PlatformError ? e.data?.error : undefined;
  switch (apiError) {
    case 'not_in_channel':
      return { kind: 'not_in_channel' };
    case 'channel_not_found':
      return { kind: 'channel_not_found' };
    case 'is_archived':
      return { kind: 'archived' };
    case 'ratelimited':
    case 'rate_limited':
      return { kind: 'rate_limited' };
    case 'internal_error':
    case 'fatal_error':
    case 'service_unavailable':
    case 'request_timeout':
      return { kind: 'unavailable' };
    case undefined:
      return /timeout|ETIMEDOUT|ECONNRESET|ECONNREFUSED|aborted/i.test(String(e?.message))
        ? { kind: 'unavailable' }
        : { kind: 'other', code: String(e?.code ?? 'unknown') };
    default:
      return { kind: 'other', code: apiError };
  }
}

/**
 * Slack's answers to a direct message that no retry can change: the person left, was deactivated,
 * or is a bot; the conversation is gone. A reminder to them is given up rather than tried forever.
 */
const UNREACHABLE_PERSON = new Set([
  'user_not_found',
  'users_not_found',
  'user_disabled',
  'account_inactive',
  'cannot_dm_bot',
  'channel_not_found',
  'is_archived',
  'not_in_channel',
  'user_not_visible',
]);

/** Why a direct message to a person failed, as Slack's error code, and whether trying again can help. */
export function directMessageFailure(error: unknown): { problem: string; permanent: boolean } {
  const failure = classifySlackError(error);
  const e = error as { data?: { error?: string } };
  const problem = failure.kind === 'other' ? failure.code : (e?.data?.error ?? failure.kind);
  return { problem, permanent: UNREACHABLE_PERSON.has(problem) };
}
