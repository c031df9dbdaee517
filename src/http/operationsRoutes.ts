import type { Metrics } from '../metrics/metrics.js';
import { metricsText } from '../metrics/metrics.js';
import type { Database } from '../storage/database.js';
import type { RequestHandler, Route } from './appServer.js';
import { bearerMatches } from './bearerToken.js';

export interface OperationsRoutesProps {
  /** Null while the app starts (migrations, Slack's auth.test): not ready yet. */
  database: Database | null;
  metrics: Metrics;
  /** True once shutdown has begun. */
  isDraining: () => boolean;
  /** The bearer token GET /metrics asks for; without one, /metrics is not served. */
  metricsToken: string | null;
}

const READY_PING_MS = 1000;

/**
 * What an orchestrator and Prometheus ask:
 * - /healthz — liveness: the process serves HTTP, from its first second. A database outage must
 *   not get every replica restarted at once, so it does not fail this;
 * - /readyz — readiness: started (migrated, connected), the database answers and the app is not
 *   shutting down; a load balancer stops sending requests while it fails;
 * - /metrics — Prometheus text format, to holders of METRICS_TOKEN only: counts of requests,
 *   workspaces and failures are not for the public internet the Slack endpoint faces.
 */
export function operationsRoutes({ database, metrics, isDraining, metricsToken }: OperationsRoutesProps): Route[] {
  const json = (status: number, body: string): RequestHandler => {
    return (_req, res) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(body);
    };
  };
  return [
    { method: 'GET', path: '/healthz', handler: json(200, '{"status":"ok"}') },
    {
      method: 'GET',
      path: '/readyz',
      handler: async (req, res) => {
        if (isDraining()) return json(503, '{"status":"shutting down"}')(req, res);
        if (!database) return json(503, '{"status":"starting"}')(req, res);
        try {
          await database.ping(READY_PING_MS);
          json(200, '{"status":"ready"}')(req, res);
        } catch {
          json(503, '{"status":"database unavailable"}')(req, res);
        }
      },
    },
    {
      method: 'GET',
      path: '/metrics',
      handler: async (req, res) => {
        if (!metricsToken) return json(404, '{"error":"metrics_need_METRICS_TOKEN"}')(req, res);
        if (!bearerMatches(req.headers.authorization, metricsToken)) {
          res
            .writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer' })
            .end('{"error":"unauthorized"}');
          return;
        }
        const { contentType, body } = await metricsText(metrics);
        res.writeHead(200, { 'content-type': contentType }).end(body);
      },
    },
  ];
}
