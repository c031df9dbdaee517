import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Text that starts every relitigation warning the app posts (src/slack/blocks/relitigationWarning.ts). */
const WARNING_PREFIX = 'This reopens';

/** A relitigation warning as the app posted it (with `watchWarnings`); `blocks` as sent: a JSON string in a form post. */
export interface WarningPost {
  channel: string;
  threadTs: string;
  text: string;
  blocks: unknown;
}

/**
 * A lean loopback stand-in for Slack's Web API and for response_url, for the benchmark only.
 * Unlike test/support/fakeSlack.ts it records nothing but a per-method call count, and it does not
 * parse request bodies, so it costs the bench process (which shares its CPU with the load
 * generator) as little as possible over tens of thousands of calls. With `watchWarnings`, it reads
 * chat.postMessage bodies (only those) to count relitigation warnings and the threads they went to,
 * and hands each warning to `onWarning` (the soak clicks its buttons).
 */
export class LeanFakeSlack {
  /** Calls per method ("response_url" for posts to a command's response_url). */
  readonly counts = new Map<string, number>();
  /** Relitigation warnings posted (with `watchWarnings`). */
  warnings = 0;
  /** `channel thread_ts` of every thread that got a warning → the text of its (last) warning (with `watchWarnings`). */
  readonly warnedThreads = new Map<string, string>();
  private server?: Server;
  private nextTs = 1_700_000_000;
  baseUrl = '';

  constructor(private readonly options: { watchWarnings?: boolean; onWarning?: (warning: WarningPost) => void } = {}) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const path = req.url ?? '/';
      const method = path.startsWith('/respond/') ? 'response_url' : path.replace(/^\/api\//, '').replace(/\?.*$/, '');
      const chunks: Buffer[] | null = this.options.watchWarnings && method === 'chat.postMessage' ? [] : null;
      // Drain the body; only a watched post's content is needed.
      if (chunks) req.on('data', (chunk: Buffer) => chunks.push(chunk));
      else req.resume();
      req.on('end', () => {
        this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
        if (chunks) this.watchPost(Buffer.concat(chunks).toString('utf8'), req.headers['content-type'] ?? '');
        const body = JSON.stringify(this.answer(method));
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      });
    });
    // Longer than any run: an app whose event loop is held for seconds would otherwise write to a
    // connection this server closed meanwhile, and lose that call ("other side closed").
    this.server.keepAliveTimeout = 10 * 60_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.baseUrl}/respond/${id}`;
  }

  count(method: string): number {
    return this.counts.get(method) ?? 0;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private watchPost(body: string, contentType: string): void {
    let params: { text?: unknown; channel?: unknown; thread_ts?: unknown; blocks?: unknown };
    try {
      // WebClient posts forms; JSON is accepted too.
      params = contentType.includes('json') ? JSON.parse(body) : Object.fromEntries(new URLSearchParams(body));
    } catch {
      return;
    }
    if (typeof params.text !== 'string' || !params.text.startsWith(WARNING_PREFIX)) return;
    this.warnings += 1;
    this.warnedThreads.set(`${String(params.channel)} ${String(params.thread_ts)}`, params.text);
    this.options.onWarning?.({
      channel: String(params.channel),
      threadTs: String(params.thread_ts),
      text: params.text,
      blocks: params.blocks,
    });
  }

  private answer(method: string): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://acme.slack.com/',
          team: 'Acme',
          user: 'decision-ledger',
          team_id: 'T0001',
          user_id: 'UBOT',
          bot_id: 'BBOT',
        };
      case 'chat.postMessage': {
        const ts = `${this.nextTs++}.000100`;
        return { ok: true, channel: 'C0BENCH', ts, message: { ts } };
      }
      case 'chat.getPermalink':
        return {
          ok: true,
          channel: 'C0BENCH',
          permalink: `https://acme.slack.com/archives/C0BENCH/p${this.nextTs}000100`,
        };
      case 'conversations.info':
        return {
          ok: true,
          channel: { id: 'C0BENCH', is_private: false, is_im: false, is_mpim: false, is_group: false },
        };
      default:
        return { ok: true };
    }
  }
}
