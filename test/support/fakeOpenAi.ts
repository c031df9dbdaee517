import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback server speaking OpenAI's chat completions API, answering what the test tells it to. */
export class FakeOpenAi {
  readonly requests: any[] = [];
  /**
   * The assistant message content to return (or a function of the request, answered once it
   * resolves); 'hang' never answers; a number fails with that status.
   */
  reply: string | 'hang' | number | ((body: any) => string | Promise<string>) = '{}';
  /** Same for /embeddings: 'ok' answers bag-of-words vectors. */
  embeddings: 'ok' | 'hang' | number = 'ok';
  private server?: Server;
  baseUrl = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        this.requests.push({ path: req.url, body, authorization: req.headers.authorization });
        if (req.url?.endsWith('/embeddings')) return this.answerEmbeddings(body, res);
        if (this.reply === 'hang') return; // the client's own timeout must end this
        if (typeof this.reply === 'number') {
          res
            .writeHead(this.reply, { 'content-type': 'application/json' })
            .end(JSON.stringify({ error: { message: 'fake failure', type: 'server_error' } }));
          return;
        }
        const content = typeof this.reply === 'function' ? await this.reply(body) : this.reply;
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            id: 'chatcmpl-fake',
            object: 'chat.completion',
            created: Math.floor(Date.now() / 1000),
            model: body.model,
            choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }],
            usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
          }),
        );
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
    return this;
  }

  private answerEmbeddings(body: any, res: import('node:http').ServerResponse): void {
    if (this.embeddings === 'hang') return;
    if (typeof this.embeddings === 'number') {
      res
        .writeHead(this.embeddings, { 'content-type': 'application/json' })
        .end('{"error":{"message":"fake failure"}}');
      return;
    }
    const inputs: string[] = Array.isArray(body.input) ? body.input : [body.input];
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        object: 'list',
        model: body.model,
        data: inputs.map((text, index) => ({ object: 'embedding', index, embedding: bagOfWords(text) })),
        usage: { prompt_tokens: 1, total_tokens: 1 },
      }),
    );
  }

  embeddingRequests(): any[] {
    return this.requests.filter((r) => r.path.endsWith('/embeddings'));
  }

  chatRequests(): any[] {
    return this.requests.filter((r) => r.path.endsWith('/chat/completions'));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

/** A deterministic stand-in for an embedding: words hashed into 64 buckets. */
function bagOfWords(text: string): number[] {
  const vector = new Array<number>(64).fill(0);
  for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    let hash = 0;
    for (const ch of word) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
    vector[hash % 64]! += 1;
  }
  return vector;
}
