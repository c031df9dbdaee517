import type { Metrics } from '../metrics/metrics.js';
import { metricsText } from '../metrics/metrics.js';
import type { Database } from '../storage/database.js';
import type { Route } from './appServer.js';

export interface OperationsRoutesProps {
  database: Database;
  metrics: Metrics;
  /** True once shutdown has begun. */
  isDraining: () => boolean;
}

const READY_PING_MS = 1000;

/**
 * What an orchestrator and Prometheus ask:
 * - /healthz — liveness: the process serves HTTP. A database outage must not get every replica
 *   restarted at once, so it does not fail this;
 * - /readyz — readiness: the database answers and the app is not shutting down; a load balancer
 *   stops sending requests while it fails;
 * - /metrics — Prometheus text format.
 */
export function operationsRoutes({ database, metrics, isDraining }: OperationsRoutesProps): Route[] {
  return [
    {
      method: 'GET',
      path: '/healthz',
      handler: (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      },
    },
    {
      method: 'GET',
      path: '/readyz',
      handler: async (_req, res) => {
        if (isDraining()) {
          res.writeHead(503, { 'content-type': 'application/json' }).end('{"status":"shutting down"}');
          return;
        }
        try {
          await database.ping(READY_PING_MS);
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ready"}');
        } catch {
          res.writeHead(503, { 'content-type': 'application/json' }).end('{"status":"database unavailable"}');
        }
      },
    },
    {
      method: 'GET',
      path: '/metrics',
      handler: async (_req, res) => {
        const { contentType, body } = await metricsText(metrics);
        res.writeHead(200, { 'content-type': contentType }).end(body);
      },
    },
  ];
}
