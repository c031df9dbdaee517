import type { IncomingMessage } from 'node:http';

/** How the fake Slack (fakeSlack.ts) reads what the app's WebClient sends it. */

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * The file in an upload: Slack takes the raw bytes or a multipart form. WebClient's filesUploadV2
 * sends a multipart form whose one part (named `body`) carries the file with a filename.
 */
export function fileBytes(raw: Buffer, contentType: string): Buffer | undefined {
  const boundary = /^multipart\/form-data;.*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!boundary) return raw;
  const delimiter = Buffer.from(`\r\n--${boundary[1] ?? boundary[2]}`);
  // Prefixing CRLF makes the first delimiter look like the others: each part then sits between two.
  const body = Buffer.concat([Buffer.from('\r\n'), raw]);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = body.subarray(start + delimiter.length + 2, next); // + 2 skips the CRLF after the delimiter
    const headersEnd = part.indexOf('\r\n\r\n');
    if (headersEnd !== -1 && /filename=/i.test(part.subarray(0, headersEnd).toString('utf8')))
      return part.subarray(headersEnd + 4);
    start = next;
  }
  return undefined;
}

/** WebClient sends form bodies with JSON-encoded non-scalar arguments (blocks, view); response_url gets JSON. */
export function parseParams(raw: string, contentType: string): Record<string, any> {
  if (raw === '') return {};
  if (contentType.includes('application/json')) return JSON.parse(raw);
  const params: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    params[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return params;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
