import type { IncomingMessage, ServerResponse } from 'node:http';
import type { UseCases } from '../app/useCases.js';
import { errorForLog, type Logger } from '../logger.js';
import { readPullRequestEvent } from './pullRequestEvent.js';
import { verifyGithubWebhook } from './verifyWebhook.js';

export const GITHUB_WEBHOOK_PATH = '/github/webhook';

// GitHub caps payloads at 25 MB; pull request events are tens of kilobytes.
const MAX_BODY_BYTES = 5 * 1024 * 1024;

export interface GithubWebhookProps {
  secret: string;
  useCases: Pick<UseCases, 'costs'>;
  logger: Logger;
}

/**
 * POST /github/webhook: pull request and review events, verified against the webhook's secret
 * (X-Hub-Signature-256) before anything is read or stored, handled once per X-GitHub-Delivery.
 */
export function githubWebhookHandler({ secret, useCases, logger }: GithubWebhookProps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const answer = (status: number, body: Record<string, unknown>) => {
      if (!res.headersSent) res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (req.method !== 'POST') return answer(405, { error: 'method_not_allowed' });
    let rawBody: string;
    try {
      rawBody = await readBody(req);
    } catch {
      return answer(413, { error: 'payload_too_large' });
    }
    const signature = header(req, 'x-hub-signature-256');
    if (!(await verifyGithubWebhook({ secret, rawBody, signatureHeader: signature }))) {
      logger.warn(
        { delivery: header(req, 'x-github-delivery') },
        'refused a GitHub webhook with a missing or wrong signature',
      );
      return answer(401, { error: 'invalid_signature' });
    }
    const event = header(req, 'x-github-event');
    const deliveryId = header(req, 'x-github-delivery');
    if (event === 'ping') return answer(200, { ok: true, pong: true });
    if (!deliveryId) return answer(400, { error: 'missing_delivery_id' });
    let payload: unknown;
    try {
      payload = JSON.parse(rawBody);
    } catch {
      return answer(400, { error: 'invalid_json', hint: 'set the webhook content type to application/json' });
    }
    const reading = readPullRequestEvent(event, payload);
    if (reading.kind === 'invalid') return answer(400, { error: 'invalid_payload', problem: reading.problem });
    if (reading.kind === 'ignored') return answer(202, { ignored: reading.reason });
    try {
      const outcome = await useCases.costs.recordGithubActivity({ deliveryId, activity: reading.event });
      logger.info(
        { delivery: deliveryId, event, action: reading.event.action, outcome: outcome.kind },
        'GitHub webhook handled',
      );
      return answer(200, { ok: true, outcome: outcome.kind });
    } catch (error) {
      logger.error({ err: errorForLog(error), delivery: deliveryId }, 'handling a GitHub webhook failed');
      // A 5xx shows in the webhook's delivery log, where it can be redelivered once we are back.
      return answer(503, { error: 'temporarily_unavailable' });
    }
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('payload too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
