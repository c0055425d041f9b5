// Structured logs (one JSON line per request) and Prometheus metrics (requests, latencies, error
// codes, subgraph call timings), on the GraphQL port or on a port of their own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL, startSystem, type RunningSystem } from '../../support/start-system';
import { startExtraGateway, type ExtraGateway } from './support/extra-gateway';

describe('logs and metrics', () => {
  let system: RunningSystem;
  let gateway: ExtraGateway;
  let token: string;

  beforeAll(async () => {
    system = await startSystem({ seed: { scale: 1 } });
    gateway = await startExtraGateway(system, { captureLogs: true });
    token = await system.token('cyber-analyst');
  });

  afterAll(async () => {
    await gateway?.running.close();
    await system?.close();
  });

  const send = (query: string, requestId: string, bearer: string = token) =>
    postGraphQL(gateway.running.url, { query }, { authorization: `Bearer ${bearer}`, 'x-request-id': requestId });

  function logLine(requestId: string): Record<string, unknown> {
    const lines = gateway.logs.filter((line) => line.requestId === requestId && line.msg === 'request');
    expect(lines).toHaveLength(1);
    return lines[0]!;
  }

  it('logs one JSON line per request: id, subject, operation, outcome, status and duration', async () => {
    await send('query Vulnerabilities { vulnerabilities(first: 3) { nodes { id } } }', 'log-served-00001');
    expect(logLine('log-served-00001')).toMatchObject({
      level: 30,
      requestId: 'log-served-00001',
      subject: 'dev:cyber-analyst',
      agency: 'cyber',
      operationName: 'Vulnerabilities',
      operationType: 'query',
      outcome: 'ok',
      status: 200,
      errorCodes: [],
      durationMs: expect.any(Number),
    });
    await send('query Broken { noSuchField }', 'log-invalid-0001');
    expect(logLine('log-invalid-0001')).toMatchObject({ operationName: 'Broken', outcome: 'refused', status: 400, errorCodes: ['GRAPHQL_VALIDATION_FAILED'] });
    await send('{ __typename }', 'log-bad-token-01', 'not-a-token');
    expect(logLine('log-bad-token-01')).toMatchObject({ subject: null, outcome: 'refused', status: 401, errorCodes: ['INVALID_TOKEN'] });
  });

  it('serves request counts, latencies, error codes and subgraph call timings at /metrics', async () => {
    await send('{ sectors { code } }', 'metrics-sectors-1');
    await send('{ vulnerabilities(first: 1000) { nodes { id } } }', 'metrics-bad-input');
    const response = await fetch(gateway.running.metricsUrl!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toMatch(/accord_gateway_requests_total\{outcome="ok",status="200"\} \d+/);
    expect(text).toMatch(/accord_gateway_requests_total\{outcome="refused",status="401"\} 1/);
    expect(text).toMatch(/accord_gateway_request_duration_seconds_count\{outcome="ok"\} \d+/);
    expect(text).toMatch(/accord_gateway_errors_total\{code="GRAPHQL_VALIDATION_FAILED"\} 1/);
    expect(text).toMatch(/accord_gateway_errors_total\{code="BAD_USER_INPUT"\} 1/);
    const cyberCalls = /accord_gateway_subgraph_request_duration_seconds_count\{subgraph="cyber",outcome="ok"\} (\d+)/.exec(text);
    expect(Number(cyberCalls?.[1])).toBeGreaterThanOrEqual(3);
  });

  it('serves /metrics only on its own port when one is configured', async () => {
    const separate = await startExtraGateway(system, { flags: { 'metrics-port': '0' } });
    try {
      expect(separate.running.metricsUrl).not.toContain(`:${separate.running.port}/`);
      expect((await fetch(separate.running.metricsUrl!)).status).toBe(200);
      expect((await fetch(separate.running.url.replace('/graphql', '/metrics'))).status).toBe(404);
    } finally {
      await separate.running.close();
    }
  });
});
