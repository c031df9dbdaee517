import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Metrics } from '../metrics/metrics.js';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface Route {
  method: 'GET' | 'POST';
  path: string;
  handler: RequestHandler;
}

export interface Handlers {
  routes: Route[];
  /** Everything the routes do not match: Bolt's receiver (Slack requests, OAuth pages), which throws for what it does not serve. */
  fallback: RequestHandler | null;
}

export interface AppServerProps extends Handlers {
  metrics: Metrics;
  onError: (error: unknown, path: string) => void;
}

export interface AppServer {
  /**
   * Answers with these handlers from now on: the server listens while the app starts (health
   * checks answered, Slack told to retry), and the started app's handlers take over.
   */
  serve(handlers: Handlers): void;
  /** Listens on `host` (every interface when not given) and returns the port. */
  listen(port: number, host?: string): Promise<number>;
  /**
   * Stops accepting connections and waits (at most `timeoutMs`) for the requests already in to be
   * answered; keep-alive connections are closed as soon as they are idle. Returns how many
   * requests were still open when the time ran out.
   */
  drain(timeoutMs: number): Promise<number>;
}

/**
 * The one HTTP server of the app: operations routes (/healthz, /readyz, /metrics), the GitHub
 * webhook, and Bolt's receiver for everything Slack sends. Owning the server (instead of letting
 * Bolt start its own) is what lets shutdown wait for requests in flight and lets every answer be
 * counted. No request can crash the process or go unanswered: a handler that throws gets a 500,
 * an unknown path a 404.
 */
export function createAppServer({ metrics, onError, ...initial }: AppServerProps): AppServer {
  let open = 0;
  let handlers: Handlers = initial;
  const server: Server = createServer((req, res) => {
    open += 1;
    const path = pathOf(req);
    const { routes, fallback } = handlers;
    const route = routes.find((r) => r.path === path && r.method === req.method);
    res.once('close', () => {
      open -= 1;
      metrics.httpRequests.inc({ route: route?.path ?? routeLabel(path), status: String(res.statusCode) });
    });
    const fail = (error: unknown) => {
      onError(error, path);
      if (!res.headersSent)
        res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"internal_error"}');
      else res.end();
    };
    const notFound = () => {
      if (!res.headersSent) res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not_found"}');
    };
    try {
      const handled = route ? route.handler(req, res) : fallback ? fallback(req, res) : notFound();
      if (handled instanceof Promise) handled.catch(fail);
    } catch (error) {
      // Bolt's receiver throws for paths it does not serve; that is a 404, not a failure.
      if ((error as { code?: string }).code === 'slack_bolt_http_receiver_deferred_request_error') notFound();
      else fail(error);
    }
  });
  // Slack gives a request 3 s; a client that holds a socket open without sending must not pin it forever.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;

  return {
    serve(next) {
      handlers = next;
    },
    async listen(port, host) {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      return (server.address() as AddressInfo).port;
    },
    async drain(timeoutMs) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const deadline = Date.now() + timeoutMs;
      while (open > 0 && Date.now() < deadline) {
        server.closeIdleConnections();
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const left = open;
      server.closeAllConnections();
      await closed;
      return left;
    },
  };
}

function pathOf(req: IncomingMessage): string {
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

const KNOWN_PATHS = new Set(['/slack/events', '/slack/install', '/slack/oauth_redirect']);

/** Bounded label values: a scanner probing random paths must not grow the metrics without end. */
function routeLabel(path: string): string {
  return KNOWN_PATHS.has(path) ? path : 'other';
}
