import { type Dispatcher, fetch as undiciFetch } from 'undici';
import type { FeedProblem as CalendarFeedProblem } from '../app/costs/ports.js';
import { validateFeedUrl } from './feedUrl.js';
import { looksLikeIcs } from './icsScreen.js';
import { publicOnlyAgent } from './publicOnlyAgent.js';

/** What can go wrong fetching a feed (reading it comes after: `malformed` is not one of these). */
export type FeedProblem = Exclude<CalendarFeedProblem, 'malformed'>;

export type FeedFetchResult = { ok: true; text: string } | { ok: false; problem: FeedProblem; status?: number };

export type FetchIcsFeedOptions = {
  /** For the whole exchange: connecting, headers and body. */
  timeoutMs: number;
  /** Decoded body size limit; undici has already undone any gzip, so a compressed bomb stops here too. */
  maxBytes: number;
  /** For deployments whose calendar server is on the intranet (and tests on 127.0.0.1). */
  allowPrivateHosts?: boolean;
};

// Calendar servers redirect to a CDN or a signed URL; more than this is a loop.
const MAX_REDIRECTS = 5;
let publicOnly: Dispatcher | undefined;

/** One guarded agent per process, made on first use so its connection pool is shared. */
function sharedPublicOnlyAgent(): Dispatcher {
  if (!publicOnly) publicOnly = publicOnlyAgent();
  return publicOnly;
}

/**
 * Downloads an iCalendar feed (http, https, or webcal as https). Never throws. Unless private
 * hosts are allowed, it connects only to public addresses, whatever a name resolves to
 * (publicOnlyAgent), and follows a redirect only to a URL subscribing would have taken.
 */
export async function fetchIcsFeed(url: string, options: FetchIcsFeedOptions): Promise<FeedFetchResult> {
  const first = validateFeedUrl(url, { allowPrivateHosts: options.allowPrivateHosts });
  if (!first.ok) return { ok: false, problem: first.problem };
  const dispatcher = options.allowPrivateHosts ? undefined : sharedPublicOnlyAgent();

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);

  try {
    let target = first.url;
    let response = await undiciFetch(target, {
      signal: controller.signal,
      redirect: 'manual',
      dispatcher,
      headers: ACCEPT,
    });
    for (let hop = 0; isRedirect(response.status); hop++) {
      const location = response.headers.get('location');
      controller.signal.throwIfAborted();
      await response.body?.cancel().catch(() => undefined);
      const next =
        location && hop < MAX_REDIRECTS
          ? validateFeedUrl(new URL(location, target).toString(), { allowPrivateHosts: options.allowPrivateHosts })
          : null;
      if (!next?.ok) return { ok: false, problem: next?.problem === 'private_host' ? 'private_host' : 'network' };
      target = next.url;
      response = await undiciFetch(target, {
        signal: controller.signal,
        redirect: 'manual',
        dispatcher,
        headers: ACCEPT,
      });
    }
    if (!response.ok) {
      controller.abort();
      return { ok: false, problem: 'http_error', status: response.status };
    }
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (declared > options.maxBytes) {
      controller.abort();
      return { ok: false, problem: 'too_large', status: response.status };
    }
    const body = await readAtMost(response, options.maxBytes);
    if (body === null) {
      controller.abort();
      return { ok: false, problem: 'too_large', status: response.status };
    }
    // RFC 5545 §3.1.4: UTF-8. A bad byte becomes U+FFFD rather than losing the feed; a BOM is dropped.
    const text = new TextDecoder('utf-8').decode(body);
    if (!looksLikeIcs(text)) return { ok: false, problem: 'not_a_calendar', status: response.status };
    return { ok: true, text };
  } catch (error) {
    if (timedOut) return { ok: false, problem: 'timeout' };
    return { ok: false, problem: causeCode(error) === 'EPRIVATEADDRESS' ? 'private_host' : 'network' };
  } finally {
    clearTimeout(timer);
  }
}

const ACCEPT = { accept: 'text/calendar, text/plain;q=0.5, */*;q=0.1' };

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/** fetch wraps a connection's failure in a TypeError; its code is on the cause. */
function causeCode(error: unknown): unknown {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (code) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

// Reads the body chunk by chunk so a feed that never ends costs maxBytes, not memory.
async function readAtMost(
  response: Awaited<ReturnType<typeof undiciFetch>>,
  maxBytes: number,
): Promise<Uint8Array | null> {
  if (response.body === null) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
