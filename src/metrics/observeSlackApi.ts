import type { FetchFunction } from '@slack/web-api';
import type { Metrics, SlackApiOutcome } from './metrics.js';

// The package does not export its FetchResponse type by name.
type FetchResponse = Awaited<ReturnType<FetchFunction>>;
type CloneableResponse = FetchResponse & { clone(): FetchResponse };
/** A fetch whose responses can be cloned, as globalThis.fetch's can: the body is read from the clone. */
type CloneableFetch = (...args: Parameters<FetchFunction>) => Promise<CloneableResponse>;

// Slack method names are dotted words (`chat.postMessage`, `oauth.v2.access`). Anything else — an
// upload URL's opaque token, a typo'd apiCall — becomes `other`, so labels stay a bounded set.
const SLACK_METHOD = /^[a-zA-Z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)+$/;
const SLACK_ERROR = /^[a-z0-9_]+$/;
const MAX_LABEL_LENGTH = 64;

/**
 * A `fetch` for WebClient's `clientOptions.fetch` that counts every HTTP attempt at the Web API by
 * method and outcome. The WebClient reads the response as if nothing were in between.
 */
export function observedFetch(metrics: Metrics, inner: CloneableFetch = globalThis.fetch): FetchFunction {
  return async (url, init) => {
    const method = slackMethodName(url);
    let response: CloneableResponse;
    try {
      response = await inner(url, init);
    } catch (error) {
      // Refused connections, DNS failures and the WebClient's own timeout (an aborted signal).
      count(metrics, method, 'network_error');
      throw error;
    }
    try {
      await recordResponse(metrics, method, response);
    } catch {
      // Metrics must never fail a call to Slack.
    }
    return response;
  };
}

async function recordResponse(metrics: Metrics, method: string, response: CloneableResponse): Promise<void> {
  if (response.status === 429) {
    count(metrics, method, 'rate_limited');
    metrics.slackApiRateLimited.inc({ method });
    return;
  }
  // The WebClient treats every status but 200 and 429 as an HTTP error, and so do these counts.
  if (response.status !== 200) {
    count(metrics, method, 'http_error');
    return;
  }
  // Only JSON answers carry `ok`: the file upload URLs answer in plain text, admin.analytics.getFile in gzip.
  if (!response.headers.get('content-type')?.includes('json')) {
    count(metrics, method, 'ok');
    return;
  }
  // A clone tees the body, so the WebClient still reads the original in full.
  const body = await response
    .clone()
    .text()
    .catch(() => null);
  if (body === null) {
    // The connection broke (or the timeout fired) mid-body; the WebClient's own read fails the same way.
    count(metrics, method, 'network_error');
    return;
  }
  const error = slackError(body);
  if (error === null) {
    count(metrics, method, 'ok');
  } else {
    count(metrics, method, 'error');
    metrics.slackApiErrors.inc({ method, error });
  }
}

/** Slack's `error` for an `ok: false` answer, `null` for `ok: true`. */
function slackError(body: string): string | null {
  // Slack writes `ok` first; most answers are settled without parsing them a second time.
  if (body.startsWith('{"ok":true')) return null;
  let parsed: { ok?: unknown; error?: unknown };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    // The WebClient reports a body that is not JSON as a failed call, so it counts as one here.
    return 'invalid_response';
  }
  if (parsed?.ok === true) return null;
  const error = parsed?.error;
  return typeof error === 'string' && error.length <= MAX_LABEL_LENGTH && SLACK_ERROR.test(error) ? error : 'other';
}

/** `https://slack.com/api/chat.postMessage` → `chat.postMessage`; anything unlike a method name → `other`. */
export function slackMethodName(url: string | URL): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return 'other';
  }
  const last = path.slice(path.lastIndexOf('/') + 1);
  return last.length <= MAX_LABEL_LENGTH && SLACK_METHOD.test(last) ? last : 'other';
}

function count(metrics: Metrics, method: string, outcome: SlackApiOutcome): void {
  metrics.slackApiCalls.inc({ method, outcome });
}
