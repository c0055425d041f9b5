// The audit trail through the real system: three agency subgraphs and the gateway over HTTP,
// real tokens, the audit file the gateway writes.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AUDIT_UNAVAILABLE, isAuditRecord, readDatabaseRecords, type AuditRecord } from '../../../gateway/audit';
import { postGraphQL, startSystem, type GraphQLResponse, type RunningSystem } from '../../support/start-system';
import { scratchDatabase, TEST_POSTGRES_URL, type ScratchDatabase } from './support/postgres-database';

const ALLOWED = 'query Vulnerabilities { vulnerabilities(first: 5) { nodes { id } } }';
// The cyber office may read sectors, not Treasury's partners.
const PARTIAL = 'query SectorsAndPartner { sectors { code name } partner(id: "partner-gridline-energy") { id } }';
const INVALID = 'query NoSuchField { noSuchField }';

async function auditRecords(system: RunningSystem): Promise<AuditRecord[]> {
  const text = await readFile(system.gatewayConfig.audit.file, 'utf8');
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const record: unknown = JSON.parse(line);
      if (!isAuditRecord(record)) throw new Error(`not an audit record: ${line}`);
      return record;
    });
}

/** POSTs a GraphQL body under a request id of the test's choosing. */
function send(system: RunningSystem, requestId: string, body: Record<string, unknown>, token?: string): Promise<GraphQLResponse> {
  const headers: Record<string, string> = { 'x-request-id': requestId };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  return postGraphQL(system.gateway.url, body, headers);
}

describe('audit records of requests through the gateway', () => {
  let system: RunningSystem;
  let analyst: string;
  const sent: string[] = [];

  async function recordOf(requestId: string): Promise<AuditRecord> {
    const records = (await auditRecords(system)).filter((r) => r.requestId === requestId);
    expect(records).toHaveLength(1);
    return records[0]!;
  }

  async function request(requestId: string, body: Record<string, unknown>, token?: string): Promise<GraphQLResponse> {
    sent.push(requestId);
    return send(system, requestId, body, token);
  }

  beforeAll(async () => {
    system = await startSystem({ seed: { scale: 1 } });
    analyst = await system.token('cyber-analyst');
  });

  afterAll(async () => {
    await system?.close();
  });

  it('records an allowed query: caller, operation, supergraph and the sensitive fields it returned', async () => {
    const response = await request('audit-allowed-query', { query: ALLOWED }, analyst);
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();

    const record = await recordOf('audit-allowed-query');
    expect(record).toMatchObject({
      subject: 'dev:cyber-analyst',
      agency: 'cyber',
      operationName: 'Vulnerabilities',
      operationType: 'query',
      supergraph: system.gateway.gateway.supergraph.id,
      outcome: 'ok',
      status: 200,
      classification: 'UNCLASSIFIED',
      denied: [],
      errorCodes: [],
    });
    expect(record.operationHash).toMatch(/^[0-9a-f]{64}$/);
    expect(record.returned).toContain('Query.vulnerabilities');
    expect(Date.parse(record.time)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('records a partially denied query with the denied field, its response path and the rule that denied it', async () => {
    const response = await request('audit-partial-query', { query: PARTIAL }, analyst);
    expect(response.status).toBe(200);
    expect(response.body.data?.sectors).not.toHaveLength(0);
    expect(response.body.data?.partner).toBeNull();
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHORIZED_FIELD_OR_TYPE');

    const record = await recordOf('audit-partial-query');
    expect(record).toMatchObject({
      subject: 'dev:cyber-analyst',
      operationName: 'SectorsAndPartner',
      operationType: 'query',
      outcome: 'partial',
      denied: [
        {
          coordinate: 'Query.partner',
          responsePath: 'partner',
          rule: '@requiresScopes(scopes: [["treasury:read"], ["partner:read"]])',
        },
      ],
      errorCodes: [],
    });
  });

  it('records the classification marking of the most classified data returned', async () => {
    const query = 'query ClassifiedFindings { sectors { code securityFindings(first: 3) { nodes { id title } } } }';
    const response = await request('audit-classified-query', { query }, await system.token('defense-analyst'));
    expect(response.body.extensions?.classification).toBe('SECRET');

    const record = await recordOf('audit-classified-query');
    expect(record).toMatchObject({ subject: 'dev:defense-analyst', agency: 'defense', outcome: 'ok', classification: 'SECRET', denied: [] });
    expect(record.returned).toEqual(expect.arrayContaining(['Sector.securityFindings', 'SecurityFinding.title']));
  });

  it('records an invalid query that Apollo Server refused before the pipeline', async () => {
    const response = await request('audit-invalid-query', { query: INVALID }, analyst);
    expect(response.status).toBe(400);

    const record = await recordOf('audit-invalid-query');
    expect(record).toMatchObject({
      subject: 'dev:cyber-analyst',
      agency: 'cyber',
      operationName: 'NoSuchField',
      operationType: 'query',
      supergraph: system.gateway.gateway.supergraph.id,
      outcome: 'refused',
      status: 400,
      returned: [],
      denied: [],
      errorCodes: ['GRAPHQL_VALIDATION_FAILED'],
    });
    expect(record.operationHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('records a request refused for its token, with no subject and the identity error code', async () => {
    const response = await request('audit-bad-token', { query: ALLOWED }, 'not-a-jwt');
    expect(response.status).toBe(401);

    const record = await recordOf('audit-bad-token');
    expect(record).toMatchObject({
      subject: null,
      agency: null,
      operationName: null,
      operationHash: null,
      operationType: null,
      outcome: 'refused',
      status: 401,
      errorCodes: ['INVALID_TOKEN'],
    });
  });

  it('records an anonymous caller denied the whole operation', async () => {
    const response = await request('audit-anonymous', { query: ALLOWED });
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHORIZED_FIELD_OR_TYPE');

    const record = await recordOf('audit-anonymous');
    expect(record).toMatchObject({
      subject: null,
      agency: null,
      operationName: 'Vulnerabilities',
      // The pipeline's verdict: nothing left at all, or the root fields nulled.
      outcome: response.body.data == null ? 'denied' : 'partial',
      returned: [],
      denied: [{ coordinate: 'Query', responsePath: '', rule: '@authenticated' }],
    });
  });

  it('records a persisted-query miss under the hash the client sent', async () => {
    const hash = 'ab'.repeat(32);
    const response = await request('audit-persisted-miss', { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }, analyst);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');

    expect(await recordOf('audit-persisted-miss')).toMatchObject({
      subject: 'dev:cyber-analyst',
      operationHash: hash,
      outcome: 'refused',
      errorCodes: ['PERSISTED_QUERY_NOT_FOUND'],
    });
  });

  it('records a request whose body is not JSON, and one that Apollo Server refused at the HTTP level', async () => {
    sent.push('audit-not-json', 'audit-csrf');
    const notJson = await fetch(system.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'audit-not-json', authorization: `Bearer ${analyst}` },
      body: '{"query":',
    });
    expect(notJson.status).toBe(400);
    // A "simple" content type without a preflight header: Apollo Server's CSRF check refuses it.
    const csrf = await fetch(system.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-request-id': 'audit-csrf', authorization: `Bearer ${analyst}` },
      body: JSON.stringify({ query: ALLOWED }),
    });
    expect(csrf.status).toBe(400);

    expect(await recordOf('audit-not-json')).toMatchObject({ subject: 'dev:cyber-analyst', outcome: 'refused', status: 400, errorCodes: ['BAD_REQUEST'] });
    expect(await recordOf('audit-csrf')).toMatchObject({ subject: 'dev:cyber-analyst', outcome: 'refused', status: 400, errorCodes: ['BAD_REQUEST'] });
  });

  it('leaves exactly one record per request and none for health checks', async () => {
    expect((await fetch(system.gateway.url.replace('/graphql', '/health'))).status).toBe(200);
    const records = await auditRecords(system);
    expect(records.map((r) => r.requestId).sort()).toEqual([...sent].sort());
  });
});

describe('a gateway that cannot write its audit trail', () => {
  let system: RunningSystem;
  const errors = vi.spyOn(console, 'error').mockImplementation(() => {});

  beforeAll(async () => {
    // Every write to /dev/full fails with ENOSPC: the disk is full.
    system = await startSystem({ gatewayFlags: { 'audit-file': '/dev/full' } });
  });

  afterAll(async () => {
    await system?.close();
    errors.mockRestore();
  });

  it('fails the request with AUDIT_UNAVAILABLE instead of answering without a record', async () => {
    const response = await send(system, 'audit-unwritable-query', { query: ALLOWED }, await system.token('cyber-analyst'));
    expect(response.status).toBe(503);
    expect(response.body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: AUDIT_UNAVAILABLE } }] });
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('"requestId":"audit-unwritable-query"'));
  });

  it('fails a refused token the same way', async () => {
    const response = await send(system, 'audit-unwritable-token', { query: ALLOWED }, 'not-a-jwt');
    expect(response.status).toBe(503);
    expect(response.body.errors?.[0]?.extensions?.code).toBe(AUDIT_UNAVAILABLE);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('"requestId":"audit-unwritable-token"'));
  });
});

describe.skipIf(!TEST_POSTGRES_URL)('a gateway writing its audit trail to PostgreSQL', () => {
  let system: RunningSystem;
  let database: ScratchDatabase;

  beforeAll(async () => {
    database = await scratchDatabase(TEST_POSTGRES_URL!);
    system = await startSystem({ gatewayFlags: { 'audit-database-url': database.url } });
  });

  afterAll(async () => {
    await system?.close();
    await database?.drop();
  });

  it('has the record in the accord_audit table when the response arrives', async () => {
    const response = await send(system, 'audit-postgres-query', { query: PARTIAL }, await system.token('cyber-analyst'));
    expect(response.status).toBe(200);

    const records: AuditRecord[] = [];
    for await (const record of readDatabaseRecords(database.url, { requestId: 'audit-postgres-query' })) records.push(record);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      subject: 'dev:cyber-analyst',
      operationName: 'SectorsAndPartner',
      outcome: 'partial',
      denied: [{ coordinate: 'Query.partner', responsePath: 'partner' }],
    });
  });
});
