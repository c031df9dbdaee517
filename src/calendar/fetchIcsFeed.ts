import { toFetchableUrl } from './feedUrl.js';
import { looksLikeIcs } from './icsScreen.js';

export type FeedProblem = 'invalid_url' | 'timeout' | 'http_error' | 'too_large' | 'network' | 'not_a_calendar';

export type FeedFetchResult = { ok: true; text: string } | { ok: false; problem: FeedProblem; status?: number };

export type FetchIcsFeedOptions = {
  /** For the whole exchange: connecting, headers and body. */
  timeoutMs: number;
  /** Decoded body size limit; undici has already undone any gzip, so a compressed bomb stops here too. */
  maxBytes: number;
  fetchImpl?: typeof fetch;
};

/**
 * Downloads an iCalendar feed (http, https, or webcal as https). Never throws.
 * Does not check for private hosts: subscribing goes through validateFeedUrl first.
 */
export async function fetchIcsFeed(url: string, options: FetchIcsFeedOptions): Promise<FeedFetchResult> {
  const target = toFetchableUrl(url);
  if (target === null) return { ok: false, problem: 'invalid_url' };

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);

  try {
    const response = await (options.fetchImpl ?? fetch)(target, {
      signal: controller.signal,
      headers: { accept: 'text/calendar, text/plain;q=0.5, */*;q=0.1' },
    });
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
  } catch {
    return { ok: false, problem: timedOut ? 'timeout' : 'network' };
  } finally {
    clearTimeout(timer);
  }
}

// Reads the body chunk by chunk so a feed that never ends costs maxBytes, not memory.
async function readAtMost(response: Response, maxBytes: number): Promise<Uint8Array | null> {
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
