import { createHmac } from 'node:crypto';

/** Signs a body exactly as Slack does: v0=HMAC-SHA256(secret, `v0:${timestamp}:${body}`). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedPostOptions {
  timestamp?: number;
  /** Overrides the computed signature (forgery tests). */
  signature?: string;
  headers?: Record<string, string>;
}

/** A body for POST /slack/events with the headers Slack would send. */
export interface SignedRequest {
  body: string;
  headers: Record<string, string>;
}

/** `body` with Slack's headers, signed with `secret` now (or as `options` say). */
export function signedRequest(
  secret: string,
  body: string,
  // Exactly these content-types: Bolt refuses "…; charset=UTF-8" form posts.
  contentType: 'application/x-www-form-urlencoded' | 'application/json',
  options: SignedPostOptions = {},
): SignedRequest {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return {
    body,
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? slackSignature(secret, timestamp, body),
      ...options.headers,
    },
  };
}

export async function signedPost(
  url: string,
  secret: string,
  body: string,
  contentType: 'application/x-www-form-urlencoded' | 'application/json',
  options: SignedPostOptions = {},
): Promise<Response> {
  // The body goes as a string: fetch would add "; charset=UTF-8" to a URLSearchParams body's type.
  return fetch(url, { method: 'POST', ...signedRequest(secret, body, contentType, options) });
}

export function formBody(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
}
