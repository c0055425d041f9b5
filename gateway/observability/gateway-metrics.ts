// The gateway's Prometheus metrics: requests by outcome and status, their latency, error codes,
// requests refused by the rate limits, and the time each subgraph took to answer.
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { RequestSummary } from './request-summary';

export interface GatewayMetrics {
  readonly registry: Registry;
  /** Counts and times one answered request. */
  observeRequest(summary: RequestSummary): void;
  observeSubgraphCall(subgraph: string, outcome: 'ok' | 'error', seconds: number): void;
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export function createGatewayMetrics(): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'accord_gateway_requests_total',
    help: 'Requests answered, by outcome (ok, partial, denied, error, refused) and HTTP status.',
    labelNames: ['outcome', 'status'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'accord_gateway_request_duration_seconds',
    help: 'Time from receiving a request to answering it, by outcome.',
    labelNames: ['outcome'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'accord_gateway_errors_total',
    help: 'Errors in responses, by code (one per code and request).',
    labelNames: ['code'],
    registers: [registry],
  });
  const subgraphCalls = new Histogram({
    name: 'accord_gateway_subgraph_request_duration_seconds',
    help: 'Time from sending a request to a subgraph to its answer (or failure), by subgraph and outcome.',
    labelNames: ['subgraph', 'outcome'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  return {
    registry,
    observeRequest(summary) {
      requests.inc({ outcome: summary.outcome, status: String(summary.status) });
      duration.observe({ outcome: summary.outcome }, summary.durationMs / 1000);
      for (const code of summary.errorCodes) errors.inc({ code });
    },
    observeSubgraphCall(subgraph, outcome, seconds) {
      subgraphCalls.observe({ subgraph, outcome }, seconds);
    },
  };
}
