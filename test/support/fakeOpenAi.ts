import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback server speaking OpenAI's chat completions API, answering what the test tells it to. */
export class FakeOpenAi {
  readonly requests: any[] = [];
  /** The assistant message content to return; or 'hang' to never answer; or a status code to fail with. */
  reply: string | 'hang' | number = '{}';
  private server?: Server;
  baseUrl = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        this.requests.push({ path: req.url, body, authorization: req.headers.authorization });
        if (this.reply === 'hang') return; // the client's own timeout must end this
        if (typeof this.reply === 'number') {
          res.writeHead(this.reply, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'fake failure', type: 'server_error' } }));
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            id: 'chatcmpl-fake',
            object: 'chat.completion',
            created: Math.floor(Date.now() / 1000),
            model: body.model,
            choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: this.reply } }],
            usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
          }),
        );
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
