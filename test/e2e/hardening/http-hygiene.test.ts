// HTTP hygiene: body size limit, CSRF prevention, CORS allow-list, batches off by default and
// bounded when on, the request deadline, draining shutdown, no client header reaching a subgraph,
// and concurrent writes to one record (one wins, the others get CONFLICT, nothing is lost).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GATEWAY_TOKEN_HEADER } from '../../../gateway/identity/gateway-token';
import { postGraphQL, startSystem, type RunningSystem } from '../../support/start-system';
import { startExtraGateway, type ExtraGateway } from './support/extra-gateway';
import { startSubgraphProxy, type SubgraphProxy } from './support/subgraph-proxy';

const SECTORS = 'query Sectors { sectors { code } }';

describe('HTTP hygiene', () => {
  let system: RunningSystem;
  let proxy: SubgraphProxy;
  let gateway: ExtraGateway;
  let analyst: string;
  let auth: Record<string, string>;

  beforeAll(async () => {
    system = await startSystem({ seed: { scale: 1 } });
    proxy = await startSubgraphProxy(system.subgraphs.cyber.url);
    gateway = await startExtraGateway(system, {
      subgraphUrls: { cyber: proxy.url },
      flags: { 'max-body-bytes': '4096', 'cors-origins': 'https://dashboard.example', batching: 'on', 'max-batch-size': '3', 'request-timeout-ms': '1500' },
    });
    analyst = await system.token('cyber-analyst');
    auth = { authorization: `Bearer ${analyst}` };
  });

  afterAll(async () => {
    await gateway?.running.close();
    await proxy?.close();
    await system?.close();
  });

  it('refuses a body over the configured size with 413 BODY_TOO_LARGE', async () => {
    const response = await postGraphQL(gateway.running.url, { query: SECTORS, variables: { padding: 'x'.repeat(5000) } }, auth);
    expect(response.status).toBe(413);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BODY_TOO_LARGE', limit: 4096 });
  });

  it('refuses a request a browser could send cross-site without a preflight (CSRF prevention)', async () => {
    const response = await fetch(gateway.running.url, { method: 'POST', headers: { 'content-type': 'text/plain', ...auth }, body: JSON.stringify({ query: SECTORS }) });
    expect(response.status).toBe(400);
    const search = new URLSearchParams({ query: SECTORS });
    expect((await fetch(`${gateway.running.url}?${search}`, { headers: auth })).status).toBe(400);
  });

  it('answers CORS for allowed origins only, and sends no CORS headers by default', async () => {
    const preflight = (url: string, origin: string) =>
      fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });
    const allowed = await preflight(gateway.running.url, 'https://dashboard.example');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://dashboard.example');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
    const other = await preflight(gateway.running.url, 'https://elsewhere.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const actual = await postGraphQL(gateway.running.url, { query: SECTORS }, { ...auth, origin: 'https://dashboard.example' });
    expect(actual.headers.get('access-control-allow-origin')).toBe('https://dashboard.example');
    expect(actual.headers.get('access-control-expose-headers')).toContain('x-request-id');
    const byDefault = await preflight(system.gateway.url, 'https://dashboard.example');
    expect(byDefault.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses batches by default, and serves bounded batches when they are on', async () => {
    const batch = (n: number) => Array.from({ length: n }, () => ({ query: SECTORS }));
    const off = await fetch(system.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify(batch(2)) });
    expect(off.status).toBe(400);
    const on = await fetch(gateway.running.url, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify(batch(3)) });
    expect(on.status).toBe(200);
    expect((await on.json()) as unknown[]).toHaveLength(3);
    const tooMany = await fetch(gateway.running.url, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify(batch(4)) });
    expect(tooMany.status).toBe(400);
    expect(((await tooMany.json()) as { errors: Array<{ extensions: unknown }> }).errors[0]!.extensions).toMatchObject({ code: 'BATCH_TOO_LARGE', measured: 4, limit: 3 });
  });

  it('passes no client header toward a subgraph: only the gateway\'s own token and request id', async () => {
    proxy.received.length = 0;
    const forged = {
      ...auth,
      [GATEWAY_TOKEN_HEADER]: 'forged-gateway-token',
      'x-forwarded-for': '10.9.9.9',
      'x-forwarded-user': 'admin',
      'x-accord-agency': 'defense',
      cookie: 'session=stolen',
    };
    const response = await postGraphQL(gateway.running.url, { query: SECTORS }, forged);
    expect(response.status).toBe(200);
    expect(proxy.received.length).toBeGreaterThan(0);
    for (const headers of proxy.received) {
      expect(headers[GATEWAY_TOKEN_HEADER]).not.toBe('forged-gateway-token');
      expect(headers[GATEWAY_TOKEN_HEADER]).toMatch(/^ey/);
      expect(headers.authorization).toBeUndefined();
      expect(headers.cookie).toBeUndefined();
      expect(Object.keys(headers).filter((name) => name.startsWith('x-forwarded') || name === 'x-accord-agency')).toEqual([]);
    }
  });

  it('stops a request past its deadline with 504 REQUEST_TIMEOUT', async () => {
    proxy.delayMs = 4000;
    try {
      // The subgraph would answer 200 after 4 s: a 504 means the deadline ended the request first.
      const response = await postGraphQL(gateway.running.url, { query: SECTORS }, auth);
      expect(response.status).toBe(504);
      expect(response.body.errors?.map((e) => e.extensions?.code)).toContain('REQUEST_TIMEOUT');
    } finally {
      proxy.delayMs = 0;
    }
  });

  it('drains on shutdown: a request in flight is answered, a new connection is refused', async () => {
    const draining = await startExtraGateway(system, { subgraphUrls: { cyber: proxy.url } });
    proxy.delayMs = 400;
    try {
      const inFlight = postGraphQL(draining.running.url, { query: SECTORS }, auth);
      await new Promise((resolve) => setTimeout(resolve, 150));
      const closed = draining.running.close();
      const answer = await inFlight;
      expect(answer.status).toBe(200);
      expect(answer.body.data?.sectors).not.toHaveLength(0);
      await closed;
      await expect(fetch(draining.running.url.replace('/graphql', '/health'))).rejects.toThrow();
    } finally {
      proxy.delayMs = 0;
    }
  });

  it('lets exactly one of several concurrent completions of one assessment win; the others get CONFLICT', async () => {
    const list = await system.query('{ infrastructureImpactAssessments(first: 1, filter: { status: IN_PROGRESS }) { nodes { id } } }', { token: analyst });
    const id = (list.body.data!.infrastructureImpactAssessments as { nodes: Array<{ id: string }> }).nodes[0]!.id;
    const mutation = 'mutation Complete($input: CompleteAssessmentInput!) { completeInfrastructureImpactAssessment(input: $input) { id status summary } }';
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => system.query(mutation, { token: analyst, variables: { input: { id, riskLevel: 'HIGH', summary: `conclusion ${i}` } } })),
    );
    const won = answers.filter((a) => (a.body.data?.completeInfrastructureImpactAssessment as { status?: string } | null)?.status === 'COMPLETED');
    const lost = answers.filter((a) => a.body.errors?.[0]?.extensions?.code === 'CONFLICT');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(5);
    // The acknowledged write is the one that is kept.
    const winner = (won[0]!.body.data!.completeInfrastructureImpactAssessment as { summary: string }).summary;
    const read = await system.query(`{ infrastructureImpactAssessment(id: "${id}") { status summary riskLevel } }`, { token: analyst });
    expect(read.body.data?.infrastructureImpactAssessment).toEqual({ status: 'COMPLETED', summary: winner, riskLevel: 'HIGH' });
  });
});
