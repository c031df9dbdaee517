import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FeedAnswer = { status: number; body: string; contentType?: string } | 'hang';

/** A loopback calendar server: each path answers what the test set, and every fetch is counted. */
export class FeedServer {
  private server!: Server;
  private answers = new Map<string, FeedAnswer>();
  readonly fetches: string[] = [];

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.fetches.push(req.url ?? '');
      const answer = this.answers.get(req.url ?? '') ?? { status: 404, body: 'not found' };
      if (answer === 'hang') return;
      res.writeHead(answer.status, { 'content-type': answer.contentType ?? 'text/calendar' }).end(answer.body);
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  serve(path: string, answer: FeedAnswer): void {
    this.answers.set(path, answer);
  }

  serveFixture(path: string, fixture: string): void {
    this.serve(path, {
      status: 200,
      body: readFileSync(new URL(`../fixtures/ics/${fixture}`, import.meta.url), 'utf8'),
    });
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
