import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileBytes, parseParams, readBody } from './webClientBodies.js';
import { WAIT_MS } from './patience.js';

/**
 * A loopback stand-in for Slack's Web API (reached through SLACK_API_URL), for response_url and for
 * the upload URLs of the external file upload flow, shared by the tests and the benches. It answers
 * like Slack does, counts calls by method, records them (unless told to keep only the counts), and
 * can be told to fail (429, 5xx, Slack errors) or to answer slowly.
 */

export interface RecordedCall {
  method: string;
  params: Record<string, any>;
  token: string | null;
}

export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  body?: Record<string, unknown>;
}

export interface FakeSlackOptions {
  /**
   * What the fake keeps of each call: 'calls' (the default, for tests) records every call with its
   * parameters for callsOf and waitFor; 'counts' (for benches) keeps only the per-method counts,
   * because tens of thousands of calls kept with their bodies grow the heap, and the garbage
   * collector's work, in the process that also generates the bench's load. Either way observe()
   * sees every call.
   */
  keep?: 'calls' | 'counts';
}

type Handler = (params: Record<string, any>) => Record<string, unknown>;
type Observer = (call: RecordedCall) => void;

interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  text?: string;
}

export class FakeSlack {
  /** Every call, oldest first; stays empty when the fake keeps only counts. */
  readonly calls: RecordedCall[] = [];
  /** Calls by method ("response_url" and "upload_url" for posts to those URLs). */
  readonly counts = new Map<string, number>();
  readonly privateChannels = new Set<string>();
  /** Channels shared with another organisation (Slack Connect), as conversations.info reports them. */
  readonly externallyShared = new Set<string>();
  /** Users users.info reports as workspace admins; everyone else is a member. */
  readonly admins = new Set<string>();
  /** conversations.replies answers, by `${channel}:${thread_ts}`. */
  readonly threads = new Map<string, { user?: string; bot_id?: string; text: string; ts: string }[]>();
  private readonly keepsCalls: boolean;
  private readonly failures = new Map<
    string,
    { reply: FakeReply; when?: (params: Record<string, any>) => boolean }[]
  >();
  private readonly handlers = new Map<string, Handler>();
  private readonly observers = new Map<string, Observer[]>();
  private readonly delays = new Map<string, number>();
  private readonly hung = new Set<string>();
  /** Bytes received at each upload URL, by file id. */
  private readonly uploads = new Map<string, Buffer>();
  private server?: Server;
  private nextTs = 1_700_000_000;
  private nextFileId = 1000;
  baseUrl = '';

  constructor(options: FakeSlackOptions = {}) {
    this.keepsCalls = (options.keep ?? 'calls') === 'calls';
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, headers, body, text }) => {
        const payload = text ?? JSON.stringify(body);
        res.writeHead(status, {
          'content-type': text === undefined ? 'application/json' : 'text/plain',
          'content-length': Buffer.byteLength(payload),
          ...headers,
        });
        res.end(payload);
      });
    });
    // Longer than any bench run: an app whose event loop is held for seconds would otherwise write
    // to a connection this server closed meanwhile, and lose that call ("other side closed").
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

  /** Where files.getUploadURLExternal tells the client to POST a file's bytes (recorded as `upload_url`). */
  uploadUrl(fileId: string): string {
    return `${this.baseUrl}/upload/${fileId}`;
  }

  /** The bytes POSTed to a file's upload URL (the file part of a multipart body, or the raw body). */
  uploadedBytes(fileId: string): Buffer | undefined {
    return this.uploads.get(fileId);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /**
   * The next `times` calls of `method` (those whose parameters `when` accepts, if given) get `reply`
   * instead of the normal answer.
   */
  failNext(method: string, reply: FakeReply, times = 1, when?: (params: Record<string, any>) => boolean): void {
    const queue = this.failures.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push({ reply, when });
    this.failures.set(method, queue);
  }

  /** Every later call of `method` is answered only after `ms` (a slow Slack, for shutdown tests). */
  slow(method: string, ms: number): void {
    this.delays.set(method, ms);
  }

  /** Every later call of `method` is recorded and never answered, as a firewall that drops the answers. */
  hang(method: string): void {
    this.hung.add(method);
  }

  /** Every later call of `method` is answered with what `handler` returns instead of the normal answer. */
  on(method: string, handler: Handler): void {
    this.handlers.set(method, handler);
  }

  /** `observer` sees every later call of `method` as it arrives, whether or not the fake keeps calls. */
  observe(method: string, observer: Observer): void {
    this.observers.set(method, [...(this.observers.get(method) ?? []), observer]);
  }

  count(method: string): number {
    return this.counts.get(method) ?? 0;
  }

  callsOf(method: string): RecordedCall[] {
    // An empty list would pass a test that expects no calls, whatever the app did.
    if (!this.keepsCalls) throw new Error(`this FakeSlack keeps only counts; ask count('${method}') instead`);
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves once `count` calls of `method` have arrived (the app works after acking). */
  async waitFor(method: string, count = 1, timeoutMs = WAIT_MS): Promise<RecordedCall[]> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = this.callsOf(method);
      if (found.length >= count) return found;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(
      `expected ${count} call(s) of ${method}; got ${this.callsOf(method).length}: ${this.calls.map((c) => c.method).join(', ')}`,
    );
  }

  /** Forgets the calls, counts, scripted failures, delays and uploads so far (answers set with on() stay). */
  reset(): void {
    this.calls.length = 0;
    this.counts.clear();
    this.failures.clear();
    this.delays.clear();
    this.hung.clear();
    this.uploads.clear();
  }

  private async handle(req: IncomingMessage): Promise<Answer> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const contentType = req.headers['content-type'] ?? '';
    const respondMatch = /^\/respond\/(.+)$/.exec(url.pathname);
    const uploadMatch = /^\/upload\/(.+)$/.exec(url.pathname);
    const method = respondMatch ? 'response_url' : uploadMatch ? 'upload_url' : url.pathname.replace(/^\/api\//, '');
    // An upload's body is the file itself: binary, never parsed as parameters.
    const file = uploadMatch ? fileBytes(raw, contentType) : undefined;
    const params: Record<string, any> = uploadMatch
      ? { file_id: uploadMatch[1], length: file?.length ?? null, content_type: contentType }
      : parseParams(raw.toString('utf8'), contentType);
    if (respondMatch) params.response_url_id = respondMatch[1];
    const auth = req.headers.authorization;
    const call = { method, params, token: auth ? auth.replace(/^Bearer /, '') : (params.token ?? null) };
    this.counts.set(method, this.count(method) + 1);
    if (this.keepsCalls) this.calls.push(call);
    for (const observer of this.observers.get(method) ?? []) observer(call);
    // A promise that never settles holds no timer: stop() closes the connection it keeps open.
    if (this.hung.has(method)) await new Promise(() => {});
    const delay = this.delays.get(method);
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));

    const queue = this.failures.get(method) ?? [];
    const at = queue.findIndex((f) => !f.when || f.when(params));
    const failure = at >= 0 ? queue.splice(at, 1)[0]!.reply : undefined;
    if (failure)
      return {
        status: failure.status ?? 200,
        headers: failure.headers,
        body: failure.body ?? { ok: false, error: 'fake_error' },
      };
    if (uploadMatch) {
      if (!file) return { status: 400, text: 'multipart upload without a file part' };
      this.uploads.set(uploadMatch[1]!, file);
      // Slack's upload endpoint answers in plain text.
      return { status: 200, text: `OK - ${file.length}` };
    }
    const handler = this.handlers.get(method);
    if (handler) return { status: 200, body: handler(params) };
    return { status: 200, body: this.defaultAnswer(method, params) };
  }

  private defaultAnswer(method: string, params: Record<string, any>): Record<string, unknown> {
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
        return { ok: true, channel: params.channel, ts, message: { text: params.text, ts } };
      }
      case 'chat.getPermalink':
        return {
          ok: true,
          channel: params.channel,
          permalink: `https://acme.slack.com/archives/${params.channel}/p${String(params.message_ts).replace('.', '')}`,
        };
      case 'users.info':
        return {
          ok: true,
          user: { id: params.user, is_admin: this.admins.has(params.user), is_owner: false, is_primary_owner: false },
        };
      case 'conversations.info':
        return {
          ok: true,
          channel: {
            id: params.channel,
            is_private: this.privateChannels.has(params.channel),
            is_im: false,
            is_mpim: false,
            is_group: false,
            is_ext_shared: this.externallyShared.has(params.channel),
          },
        };
      case 'conversations.replies': {
        const messages = this.threads.get(`${params.channel}:${params.ts}`);
        return messages ? { ok: true, messages, has_more: false } : { ok: false, error: 'thread_not_found' };
      }
      case 'files.getUploadURLExternal': {
        const fileId = `F${this.nextFileId++}`;
        return { ok: true, upload_url: this.uploadUrl(fileId), file_id: fileId };
      }
      case 'files.completeUploadExternal': {
        // WebClient sends `files` as a JSON string, which parseParams has already decoded.
        const files = Array.isArray(params.files) ? (params.files as { id: string; title?: string }[]) : [];
        return { ok: true, files: files.map(({ id, title }) => ({ id, title: title ?? id })) };
      }
      case 'views.open':
      case 'views.publish':
      case 'views.update':
        return { ok: true, view: { id: `V${this.nextTs++}` } };
      default:
        return { ok: true };
    }
  }
}
