/**
 * Open-loop load at a fixed rate: request i is due at `startAt + i / rate` by the clock and goes out
 * when due, whether or not earlier ones were answered, so a slow server cannot slow the sender.
 * Latency runs from when a request was due, not from when it went out: time spent behind a late
 * sender or a full connection pool counts against the server (no coordinated omission). A server
 * that falls far behind is not sent more than `maxInFlight` requests at once: those beyond are shed
 * (reported, not sent) so the sender's memory stays bounded.
 */
import type { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { SignedRequest } from '../../test/support/slackRequests.js';
import { httpRequest } from './http.js';

export interface Outcome {
  index: number;
  /** performance.now() when the request was due. */
  dueAt: number;
  /** How late the sender put it on the wire (its own event loop was busy). */
  sendLagMs: number;
  /** performance.now() when the answer was read or the request failed. */
  settledAt: number;
  /** Due → answer read; null without an answer. */
  latencyMs: number | null;
  status: number | null;
  body: string;
  /** Connection failure or time-out (bench/lib/http.ts's RequestTimeout). */
  error: unknown;
  /** Not sent: `maxInFlight` requests were waiting for answers when it came due. */
  shed: boolean;
}

export interface OpenLoopOptions<Tag> {
  url: string;
  agent: Agent;
  /** Requests per second. */
  rate: number;
  /** Requests in all. */
  count: number;
  /** Requests waiting for an answer at most; those due beyond it are shed. */
  maxInFlight: number;
  /** performance.now() at which request 0 is due. */
  startAt: number;
  /** Request i, built (and signed) when it is due. */
  next: (index: number) => { request: SignedRequest; tag: Tag };
  onOutcome: (outcome: Outcome, tag: Tag) => void;
  /** Checked before each request: true stops sending (requests already out still settle). */
  stopped: () => boolean;
}

/** Sends `count` requests at `rate` per second; resolves with how many went out once every one has settled. */
export function runOpenLoop<Tag>(options: OpenLoopOptions<Tag>): Promise<number> {
  const { url, agent, rate, count, maxInFlight, startAt, next, onOutcome, stopped } = options;
  const spacingMs = 1000 / rate;
  let sent = 0;
  let open = 0;
  let done = false;

  return new Promise((resolve) => {
    const finishIfIdle = () => {
      if (done && open === 0) resolve(sent);
    };
    const send = (index: number, dueAt: number) => {
      const { request, tag } = next(index);
      const sentAt = performance.now();
      if (open >= maxInFlight) {
        onOutcome(
          {
            index,
            dueAt,
            sendLagMs: sentAt - dueAt,
            settledAt: sentAt,
            latencyMs: null,
            status: null,
            body: '',
            error: null,
            shed: true,
          },
          tag,
        );
        return;
      }
      open += 1;
      httpRequest(agent, url, 'POST', request.body, request.headers)
        .then(
          (res) => {
            const settledAt = performance.now();
            onOutcome(
              {
                index,
                dueAt,
                sendLagMs: sentAt - dueAt,
                settledAt,
                latencyMs: settledAt - dueAt,
                status: res.status,
                body: res.body,
                error: null,
                shed: false,
              },
              tag,
            );
          },
          (error: unknown) => {
            onOutcome(
              {
                index,
                dueAt,
                sendLagMs: sentAt - dueAt,
                settledAt: performance.now(),
                latencyMs: null,
                status: null,
                body: '',
                error,
                shed: false,
              },
              tag,
            );
          },
        )
        .finally(() => {
          open -= 1;
          finishIfIdle();
        });
    };
    // Timers fire a millisecond or more late: each tick sends everything that has come due since.
    const tick = () => {
      const now = performance.now();
      while (sent < count && startAt + sent * spacingMs <= now) {
        if (stopped()) {
          done = true;
          return finishIfIdle();
        }
        send(sent, startAt + sent * spacingMs);
        sent += 1;
      }
      if (sent >= count) {
        done = true;
        return finishIfIdle();
      }
      setTimeout(tick, Math.max(0, startAt + sent * spacingMs - performance.now()));
    };
    setTimeout(tick, Math.max(0, startAt - performance.now()));
  });
}
