import { describe, expect, it } from 'vitest';
import { createMetrics, metricsText } from '../../src/metrics/metrics.js';

const APP_METRICS = [
  'slack_requests_total',
  'slack_ack_seconds',
  'relitigation_checks_total',
  'relitigation_warnings_total',
  'digests_posted_total',
  'slack_api_calls_total',
  'slack_api_errors_total',
  'slack_api_rate_limited_total',
  'slack_app_rate_limited_total',
  'slack_events_deduplicated_total',
  'slack_events_dropped_total',
  'slack_events_retried_total',
  'db_queries_total',
  'db_query_seconds',
  'db_queries_in_flight',
  'db_pool_max_connections',
  'http_requests_total',
].map((name) => `decision_ledger_${name}`);

describe('the metrics registry', () => {
  it('declares every app metric under the decision_ledger_ prefix, in Prometheus text format', async () => {
    const { contentType, body } = await metricsText(createMetrics());

    expect(contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
    for (const name of APP_METRICS) expect(body).toContain(`# TYPE ${name} `);
  });

  it('carries the process metrics: CPU, resident memory, event-loop lag and GC', async () => {
    const { body } = await metricsText(createMetrics());

    for (const name of [
      'process_cpu_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
      'nodejs_gc_duration_seconds',
    ]) {
      expect(body).toContain(`# TYPE ${name} `);
    }
  });

  it('keeps the counts of two apps in one process apart', async () => {
    const first = createMetrics();
    const second = createMetrics();

    first.slackRequests.inc({ surface: 'command:/decide', outcome: 'ok' });
    first.digestsPosted.inc();

    expect((await first.slackRequests.get()).values).toEqual([
      { labels: { surface: 'command:/decide', outcome: 'ok' }, value: 1 },
    ]);
    expect((await second.slackRequests.get()).values).toEqual([]);
    expect((await metricsText(second)).body).toContain('decision_ledger_digests_posted_total 0');
  });

  it('starts the closed label sets at zero, so a series exists before the first event', async () => {
    const { body } = await metricsText(createMetrics());

    for (const result of ['quiet', 'warned', 'failed']) {
      expect(body).toContain(`decision_ledger_relitigation_checks_total{result="${result}"} 0`);
    }
    expect(body).toContain('decision_ledger_db_queries_total{outcome="error"} 0');
  });

  it('buckets ack latency up to Slack’s 3-second deadline', async () => {
    const metrics = createMetrics();
    metrics.slackAckSeconds.observe({ surface: 'action' }, 2.5);

    const { body } = await metricsText(metrics);

    expect(body).toContain('decision_ledger_slack_ack_seconds_bucket{le="0.005",surface="action"} 0');
    expect(body).toContain('decision_ledger_slack_ack_seconds_bucket{le="2",surface="action"} 0');
    expect(body).toContain('decision_ledger_slack_ack_seconds_bucket{le="3",surface="action"} 1');
  });
});
