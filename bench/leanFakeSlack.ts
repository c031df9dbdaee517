import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A lean loopback stand-in for Slack's Web API and for response_url, for the benchmark only.
 * Unlike test/support/fakeSlack.ts it records nothing but a per-method call count, and it does not
 * parse request bodies, so it costs the bench process (which shares its CPU with the load
 * generator) as little as possible over tens of thousands of calls.
 */
export class LeanFakeSlack {
  /** Calls per method ("response_url" for posts to a command's response_url). */
  readonly counts = new Map<string, number>();
  private server?: Server;
  private nextTs = 1_700_000_000;
  baseUrl = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      // Drain the body; its content is not needed for the answers below.
      req.resume();
      req.on('end', () => {
        const path = req.url ?? '/';
        const method = path.startsWith('/respond/') ? 'response_url' : path.replace(/^\/api\//, '').replace(/\?.*$/, '');
        this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
        const body = JSON.stringify(this.answer(method));
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      });
    });
    this.server.keepAliveTimeout = 30_000;
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

  private answer(method: string): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://acme.slack.com/', team: 'Acme', user: 'decision-ledger', team_id: 'T0001', user_id: 'UBOT', bot_id: 'BBOT' };
      case 'chat.postMessage': {
        const ts = `${this.nextTs++}.000100`;
        return { ok: true, channel: 'C0BENCH', ts, message: { ts } };
      }
      case 'chat.getPermalink':
        return { ok: true, channel: 'C0BENCH', permalink: `https://acme.slack.com/archives/C0BENCH/p${this.nextTs}000100` };
      case 'conversations.info':
        return { ok: true, channel: { id: 'C0BENCH', is_private: false, is_im: false, is_mpim: false, is_group: false } };
      default:
        return { ok: true };
    }
  }
}
