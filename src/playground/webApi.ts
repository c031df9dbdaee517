import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Handoffs } from './handoffs.js';
import { answerResponseUrl } from './responseUrl.js';
import { callMethod, type MethodContext, type Params } from './webApiMethods.js';
import type { PlaygroundWorkspace } from './workspace.js';

/**
 * The stand-in for Slack's Web API, on a loopback port the app's WebClient is pointed at
 * (SLACK_API_URL). Three kinds of request come in, as they would to Slack: Web API methods
 * (/api/<method>), answers to a response_url (/respond/<id>) and a file's bytes (/upload/<id>).
 * It never fetches anything itself: no URL the app or a message names is ever requested.
 */

export interface WebApiStandIn {
  /** SLACK_API_URL for the app. */
  apiUrl: string;
  responseUrl(id: string): string;
  stop(): Promise<void>;
}

export interface WebApiProps {
  workspace: PlaygroundWorkspace;
  handoffs: Handoffs;
  botToken: string;
  permalinkBase: () => string;
}

const MAX_BODY_BYTES = 20 * 1024 * 1024;

export async function startWebApi({
  workspace,
  handoffs,
  botToken,
  permalinkBase,
}: WebApiProps): Promise<WebApiStandIn> {
  let base = '';
  const ctx: MethodContext = {
    workspace,
    handoffs,
    permalinkBase,
    uploadUrl: (fileId) => `${base}/upload/${fileId}`,
    pendingFiles: new Map(),
  };
  const server: Server = createServer((req, res) => {
    const reply = (status: number, body: unknown, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type }).end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    readBody(req)
      .then((raw) => {
        const path = new URL(req.url ?? '/', 'http://localhost').pathname;
        const contentType = req.headers['content-type'] ?? '';
        const upload = /^\/upload\/([A-Z0-9]+)$/.exec(path);
        if (upload) {
          const pending = ctx.pendingFiles.get(upload[1]!);
          const bytes = fileBytes(raw, contentType);
          if (!pending || !bytes) return reply(404, 'unknown upload', 'text/plain');
          pending.bytes = bytes;
          // Slack's upload endpoint answers in plain text.
          return reply(200, `OK - ${bytes.length}`, 'text/plain');
        }
        const respond = /^\/respond\/([\w-]+)$/.exec(path);
        if (respond) {
          const answer = answerResponseUrl(workspace, handoffs, respond[1]!, parseParams(raw, contentType));
          return reply(answer.ok ? 200 : 404, answer);
        }
        const method = /^\/api\/([\w.]+)$/.exec(path);
        if (!method) return reply(404, { ok: false, error: 'unknown_method' });
        const params = parseParams(raw, contentType);
        const token = req.headers.authorization?.replace(/^Bearer /, '') ?? params.token;
        if (token !== botToken) return reply(200, { ok: false, error: 'invalid_auth' });
        return reply(200, callMethod(method[1]!, params, ctx));
      })
      .catch(() => reply(400, { ok: false, error: 'invalid_request' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/respond/${id}`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) req.destroy(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * WebClient sends form bodies whose non-scalar arguments (blocks, view, files) are JSON strings;
 * a response_url gets JSON.
 */
function parseParams(raw: Buffer, contentType: string): Params {
  const text = raw.toString('utf8');
  if (text === '') return {};
  if (contentType.includes('application/json')) {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Params) : {};
  }
  const params: Params = {};
  for (const [key, value] of new URLSearchParams(text)) {
    if (!/^[[{]/.test(value)) params[key] = value;
    else {
      try {
        params[key] = JSON.parse(value);
      } catch {
        params[key] = value;
      }
    }
  }
  return params;
}

/**
 * A file's bytes: the raw body, or the part of a multipart form that carries a filename
 * (WebClient's filesUploadV2 sends one part, named `body`).
 */
function fileBytes(raw: Buffer, contentType: string): Buffer | undefined {
  const boundary = /^multipart\/form-data;.*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!boundary) return raw.length > 0 ? raw : undefined;
  const delimiter = Buffer.from(`\r\n--${boundary[1] ?? boundary[2]}`);
  // With a CRLF in front, the first delimiter looks like the others: each part sits between two.
  const body = Buffer.concat([Buffer.from('\r\n'), raw]);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) return undefined;
    const part = body.subarray(start + delimiter.length + 2, next);
    const headersEnd = part.indexOf('\r\n\r\n');
    if (headersEnd !== -1 && /filename=/i.test(part.subarray(0, headersEnd).toString('utf8')))
      return part.subarray(headersEnd + 4);
    start = next;
  }
  return undefined;
}
