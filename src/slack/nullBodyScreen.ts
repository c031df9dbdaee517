import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { parse } from 'node:querystring';
import { type BufferedIncomingMessage, defaultBodyLimit, HTTPModuleFunctions } from '@slack/bolt';

/** Where Bolt's HTTPReceiver takes Slack's requests (startApp's `endpoints`). */
const SLACK_EVENTS_PATH = '/slack/events';

// What JSON.parse turns into null: the literal, with JSON's own whitespace around it.
const JSON_NULL = /^[ \t\n\r]*null[ \t\n\r]*$/;

/**
 * Bolt's HTTPReceiver verifies and parses a request, then reads `body.ssl_check` in a promise
 * nobody awaits. A body that parses to `null` — JSON `null`, or a form whose `payload` is `null` —
 * makes that read throw: an unhandled rejection, which ends a Node process by default, and a
 * request left unanswered. Such a body is answered 400 here, as Bolt answers every body it cannot
 * use; the rest go on to Bolt untouched. Bolt reads a request's body only when it has not been
 * read yet (`rawBody`), so the bytes read here are the ones it verifies.
 */
export function withNullBodiesRefused(
  listener: RequestListener,
): (req: IncomingMessage, res: ServerResponse) => void | Promise<void> {
  return (req, res) => {
    if (req.method !== 'POST' || pathOf(req) !== SLACK_EVENTS_PATH) return listener(req, res);
    return HTTPModuleFunctions.bufferIncomingMessage(req, defaultBodyLimit).then(
      (buffered) => {
        if (parsesToNull(buffered)) HTTPModuleFunctions.buildNoBodyResponse(res, 400);
        else listener(buffered, res);
      },
      (error: unknown) => {
        // Bolt's own answers: too large is 413; a body that could not be read at all, 400.
        const tooLarge =
          HTTPModuleFunctions.isRawBodyError(error) && (error as { statusCode: number }).statusCode === 413;
        if (!res.headersSent) HTTPModuleFunctions.buildNoBodyResponse(res, tooLarge ? 413 : 400);
      },
    );
  };
}

/** Mirrors Bolt's parseHTTPRequestBody: forms carry JSON in `payload`, anything else is JSON. */
function parsesToNull(req: BufferedIncomingMessage): boolean {
  const text = req.rawBody.toString();
  if (req.headers['content-type'] === 'application/x-www-form-urlencoded') {
    const { payload } = parse(text);
    return typeof payload === 'string' && JSON_NULL.test(payload);
  }
  return JSON_NULL.test(text);
}

function pathOf(req: IncomingMessage): string {
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
