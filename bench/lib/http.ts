import { type Agent, request } from 'node:http';

export interface HttpResult {
  status: number;
  body: string;
}

export const REQUEST_TIMEOUT_MS = 10_000;

export class RequestTimeout extends Error {
  constructor() {
    super(`request timed out after ${REQUEST_TIMEOUT_MS / 1000} s`);
  }
}

/** One request over `agent`, failing with RequestTimeout after REQUEST_TIMEOUT_MS. */
export function httpRequest(
  agent: Agent,
  url: string,
  method: string,
  body: string,
  headers: Record<string, string>,
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method, agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new RequestTimeout()));
    req.on('error', reject);
    req.end(body);
  });
}
