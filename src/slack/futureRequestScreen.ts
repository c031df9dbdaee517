import type { IncomingMessage, ServerResponse } from 'node:http';

/** How far ahead of this server's clock a Slack request's timestamp may be (Slack's own window is five minutes). */
const FUTURE_SKEW_SECONDS = 5 * 60;

/**
 * Bolt refuses a signed request whose timestamp is more than five minutes old, but not one dated
 * in the future: a request signed with tomorrow's timestamp could be replayed all day. Such a
 * request is answered 401 here, before Bolt sees it.
 */
export function withFutureRequestsRefused(
  listener: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>,
  nowMs: () => number = Date.now,
): (req: IncomingMessage, res: ServerResponse) => void | Promise<void> {
  return (req, res) => {
    const header = req.headers['x-slack-request-timestamp'];
    const timestamp = Number(Array.isArray(header) ? header[0] : header);
    if (Number.isFinite(timestamp) && timestamp > nowMs() / 1000 + FUTURE_SKEW_SECONDS) {
      res.writeHead(401, { 'content-type': 'text/plain' }).end('request timestamp is in the future');
      return;
    }
    return listener(req, res);
  };
}
