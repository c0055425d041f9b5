// Error hygiene: in production no stack trace, subgraph name or URL, SQL or internal message
// reaches a client; the codes clients need stay; every answer names its request, and the same
// id is in the log and the audit trail. Introspection per scope in production.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL, startSystem, type RunningSystem } from '../../support/start-system';
import { startExtraGateway, type ExtraGateway } from './support/extra-gateway';
import { startSubgraphProxy, type SubgraphProxy } from './support/subgraph-proxy';

const VULNERABILITIES = 'query Vulnerabilities { vulnerabilities(first: 2) { nodes { id title } } }';
const INTERNAL = {
  status: 200,
  body: JSON.stringify({
    data: { vulnerabilities: null },
    errors: [
      {
        message: 'SQLITE_ERROR: no such table: vulnerability (select * from vulnerability where id = ?)',
        path: ['vulnerabilities'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['Error: SQLITE_ERROR', '    at Statement.run (/srv/cyber/node_modules/libsql/index.js:1:1)'] },
      },
    ],
  }),
};

/** Everything in a response a client could read, as one string. */
const visible = (body: unknown) => JSON.stringify(body);

describe('error hygiene', () => {
  let system: RunningSystem;
  let proxy: SubgraphProxy;
  let production: ExtraGateway;
  let development: ExtraGateway;
  let analyst: string;

  beforeAll(async () => {
    system = await startSystem({ seed: { scale: 1 } });
    proxy = await startSubgraphProxy(system.subgraphs.cyber.url);
    const subgraphUrls = { cyber: proxy.url };
    production = await startExtraGateway(system, { production: true, subgraphUrls, flags: { 'persisted-queries': 'apq' }, captureLogs: true });
    development = await startExtraGateway(system, { subgraphUrls });
    analyst = await system.token('cyber-analyst');
  });

  afterAll(async () => {
    await production?.running.close();
    await development?.running.close();
    await proxy?.close();
    await system?.close();
  });

  function ask(gateway: ExtraGateway, query: string, token = analyst, requestId?: string) {
    return postGraphQL(gateway.running.url, { query }, { authorization: `Bearer ${token}`, ...(requestId ? { 'x-request-id': requestId } : {}) });
  }

  it('masks a subgraph\'s internal error in production: no SQL, no stack trace, no subgraph name', async () => {
    proxy.answer = INTERNAL;
    try {
      const response = await ask(production, VULNERABILITIES);
      expect(response.body.errors).toEqual([{ message: 'Internal server error', path: ['vulnerabilities'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
      expect(visible(response.body)).not.toMatch(/SQLITE|select|stacktrace|cyber|node_modules/i);
      // Development shows the subgraph's message, for whoever is debugging.
      const dev = await ask(development, VULNERABILITIES);
      expect(visible(dev.body)).toContain('SQLITE_ERROR');
    } finally {
      proxy.answer = null;
    }
  });

  it('keeps SUBGRAPH_UNAVAILABLE in production, without the subgraph\'s name or URL', async () => {
    proxy.answer = { status: 502, body: 'Bad Gateway from 10.0.0.7' };
    try {
      const response = await ask(production, VULNERABILITIES);
      const codes = response.body.errors?.map((e) => e.extensions?.code);
      expect(codes?.every((code) => code === 'SUBGRAPH_BAD_RESPONSE' || code === 'SUBGRAPH_UNAVAILABLE')).toBe(true);
      expect(visible(response.body)).not.toMatch(/cyber|127\.0\.0\.1|10\.0\.0\.7|serviceName|stacktrace/i);
      const dev = await ask(development, VULNERABILITIES);
      expect(visible(dev.body)).toContain('cyber');
    } finally {
      proxy.answer = null;
    }
  });

  it('keeps the codes and messages clients act on, and the authorization details', async () => {
    const invalid = await ask(production, '{ noSuchField }');
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(invalid.body.errors?.[0]?.message).toContain('noSuchField');
    const denied = await ask(production, 'query Partner { partner(id: "partner-gridline-energy") { id } }');
    expect(denied.body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHORIZED_FIELD_OR_TYPE', coordinate: 'Query.partner' });
    const badInput = await ask(production, '{ vulnerabilities(first: 1000) { nodes { id } } }');
    expect(badInput.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(visible(badInput.body)).not.toMatch(/stacktrace|serviceName|cyber/);
  });

  it('sends no "Did you mean" hints in production', async () => {
    const response = await ask(production, '{ sector(code: "ENERGY") { nam } }');
    expect(response.body.errors?.[0]?.message).not.toContain('Did you mean');
    expect((await ask(development, '{ sector(code: "ENERGY") { nam } }')).body.errors?.[0]?.message).toContain('Did you mean');
  });

  it('sends no stack trace for expected errors in development either', async () => {
    const response = await ask(development, '{ noSuchField }');
    expect(response.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.body.errors?.[0]?.extensions).not.toHaveProperty('stacktrace');
  });

  it('names the request in the answer, the log line and the audit record', async () => {
    const response = await ask(production, VULNERABILITIES, analyst, 'hygiene-request-0001');
    expect(response.headers.get('x-request-id')).toBe('hygiene-request-0001');
    const generated = await ask(production, '{ noSuchField }');
    const id = generated.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const audit = (await readFile(production.config.audit.file, 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l) as { requestId: string });
    expect(audit.map((r) => r.requestId)).toEqual(expect.arrayContaining(['hygiene-request-0001', id]));
    const logged = production.logs.filter((line) => line.msg === 'request').map((line) => line.requestId);
    expect(logged).toEqual(expect.arrayContaining(['hygiene-request-0001', id]));
  });
});

describe('introspection', () => {
  let system: RunningSystem;
  let production: ExtraGateway;

  beforeAll(async () => {
    system = await startSystem();
    production = await startExtraGateway(system, { production: true, flags: { 'persisted-queries': 'apq' } });
  });

  afterAll(async () => {
    await production?.running.close();
    await system?.close();
  });

  const INTROSPECT = 'query Types { __schema { queryType { name } } }';

  it('is on for everybody in development', async () => {
    const response = await system.query(INTROSPECT, { token: await system.token('cyber-analyst') });
    expect(response.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('needs the schema:read scope in production, and __typename needs nothing', async () => {
    const without = await postGraphQL(production.running.url, { query: INTROSPECT }, { authorization: `Bearer ${await system.token('cyber-analyst')}` });
    expect(without.status).toBe(403);
    expect(without.body.errors?.[0]?.extensions?.code).toBe('INTROSPECTION_DISABLED');
    const scoped = await system.token({ sub: 'dev:schema-reader', scope: 'schema:read' });
    const withScope = await postGraphQL(production.running.url, { query: INTROSPECT }, { authorization: `Bearer ${scoped}` });
    expect(withScope.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const typename = await postGraphQL(production.running.url, { query: '{ __typename }' }, { authorization: `Bearer ${scoped}` });
    expect(typename.body.data).toEqual({ __typename: 'Query' });
  });
});
