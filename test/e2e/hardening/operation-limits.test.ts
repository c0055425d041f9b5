// Operation limits: measured before planning, each with its own code, the measured value and the
// limit; a refused operation reaches no subgraph. Fragments count by expansion.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getIntrospectionQuery, getOperationAST, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureOperation } from '../../../gateway/limits/measure-operation';
import { apiSchemaOf } from '../../../gateway/persisted/api-schema';
import { REPO_ROOT } from '../../../gateway/config/data-dir';
import { databaseKinds } from '../../support/test-database';
import { startSystem, type RunningSystem } from '../../support/start-system';

const schema = apiSchemaOf(readFileSync(path.join(REPO_ROOT, 'schema', 'supergraph.graphql'), 'utf8'));
const MODEL = { defaultListSize: 10, listSizes: { 'Query.sectors': 16 }, fieldCosts: {} };

function measure(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  return measureOperation(schema, document, getOperationAST(document)!, variables, MODEL);
}

/** Fragment F0 selects two aliases; each F(i+1) spreads F(i) twice: 2^(n+1) aliases once expanded. */
function doublingFragments(levels: number): string {
  let text = 'query Doubling { ...F' + levels + ' }\nfragment F0 on Query { a: sectors { code } b: sectors { code } }\n';
  for (let i = 1; i <= levels; i++) text += `fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }\n`;
  return text;
}

describe('measuring an operation', () => {
  it('multiplies a connection\'s lists by the requested page size, and counts its other fields once', () => {
    // vulnerabilities 1 + pageInfo 1 + 100 nodes x (1 + sector 1)
    expect(measure('{ vulnerabilities(first: 100) { pageInfo { hasNextPage } nodes { id sector { code } } } }').cost).toBe(202);
    expect(measure('query($n: Int!) { vulnerabilities(first: $n) { nodes { id } } }', { n: 7 }).cost).toBe(1 + 7);
  });

  it('takes the argument default (20) when the page size is not given, and the declared size of a plain list', () => {
    expect(measure('{ vulnerabilities { nodes { id } } }').cost).toBe(1 + 20);
    // Query.sectors is declared at 16 items; each sector's vulnerabilities default to 20.
    expect(measure('{ sectors { code vulnerabilities { nodes { id } } } }').cost).toBe(16 * (1 + 1 + 20));
  });

  it('counts depth, aliases, root fields and directives through fragments and inline fragments', () => {
    const measured = measure(`
      query Q($yes: Boolean!) { ...Roots one: sector(code: "ENERGY") @include(if: $yes) { ... on Sector { code } } }
      fragment Roots on Query { a: sectors { code } b: sectors { vulnerabilities { nodes { sector { name } } } } }`);
    expect(measured).toMatchObject({ depth: 5, aliases: 3, rootFields: 3, directives: 1 });
  });

  it('counts fragment spreads by expansion without expanding them (2^41 aliases measured from 42 fragments)', () => {
    const measured = measure(doublingFragments(40));
    expect(measured.aliases).toBe(2 ** 41);
    expect(measured.rootFields).toBe(2 ** 41);
  });

  it('stays within the default depth and cost limits for the standard introspection query', () => {
    const measured = measure(getIntrospectionQuery());
    expect(measured.depth).toBeLessThanOrEqual(20);
    expect(measured.cost).toBeLessThanOrEqual(25_000);
  });
});

describe.each(databaseKinds())('operation limits through the gateway (%s)', (database) => {
  let system: RunningSystem;
  let token: string;

  beforeAll(async () => {
    system = await startSystem({
      database,
      seed: { scale: 1 },
      gatewayFlags: {
        'max-depth': '5',
        'max-aliases': '3',
        'max-root-fields': '3',
        'max-directives': '3',
        'max-cost': '150',
        'max-document-bytes': '2000',
      },
    });
    token = await system.token('cyber-analyst');
  });

  afterAll(async () => {
    await system?.close();
  });

  /** Sends the query and checks it was refused with `code` before any subgraph ran a statement. */
  async function refused(query: string, code: string, variables?: Record<string, unknown>) {
    const before = system.statements('cyber');
    const response = await system.query(query, { token, variables });
    expect(response.status).toBe(400);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors).toHaveLength(1);
    const error = response.body.errors![0]!;
    expect(error.extensions?.code).toBe(code);
    expect(system.statements('cyber')).toBe(before);
    // The client was at fault: the audit trail records a refusal, not an error.
    const requestId = response.headers.get('x-request-id');
    const audit = readFileSync(path.join(system.dataDir, 'audit.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(audit.find((record) => record.requestId === requestId)).toMatchObject({ outcome: 'refused', errorCodes: [code] });
    return error;
  }

  it('serves an operation within every limit', async () => {
    const response = await system.query('{ vulnerabilities(first: 10) { nodes { id sector { code } } } }', { token });
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect((response.body.data!.vulnerabilities as { nodes: unknown[] }).nodes).toHaveLength(10);
  });

  it('refuses a deep operation with OPERATION_TOO_DEEP, the measured depth and the limit', async () => {
    const error = await refused('{ vulnerabilities { nodes { sector { vulnerabilities { nodes { sector { code } } } } } } }', 'OPERATION_TOO_DEEP');
    expect(error.extensions).toMatchObject({ measured: 7, limit: 5 });
    expect(error.message).toContain('at most 5');
  });

  it('refuses aliases multiplied by fragment spreads with OPERATION_TOO_MANY_ALIASES', async () => {
    const query = 'query Twice { ...Pair ...Pair }\nfragment Pair on Query { a: sectors { code } b: sectors { name } }';
    const error = await refused(query, 'OPERATION_TOO_MANY_ALIASES');
    expect(error.extensions).toMatchObject({ measured: 4, limit: 3 });
  });

  it('refuses an operation whose fragments double forty times without hanging', async () => {
    const error = await refused(doublingFragments(40), 'OPERATION_TOO_MANY_ALIASES');
    expect(error.extensions?.measured).toBe(2 ** 41);
  });

  it('refuses too many root fields and too many directives', async () => {
    const roots = await refused('{ sectors { code } b: sector(code: "ENERGY") { code } c: sector(code: "WATER") { code } d: sector(code: "HEALTH") { code } }', 'OPERATION_TOO_MANY_ROOT_FIELDS');
    expect(roots.extensions).toMatchObject({ measured: 4, limit: 3 });
    const directives = await refused('{ sectors { code @include(if: true) name @include(if: true) leadAgencyName @skip(if: false) leadAgency @skip(if: false) } }', 'OPERATION_TOO_MANY_DIRECTIVES');
    expect(directives.extensions).toMatchObject({ measured: 4, limit: 3 });
  });

  it('refuses a costly page size with OPERATION_TOO_COSTLY, from a literal or a variable', async () => {
    const literal = await refused('{ vulnerabilities(first: 100) { nodes { id sector { code } } } }', 'OPERATION_TOO_COSTLY');
    expect(literal.extensions).toMatchObject({ measured: 201, limit: 150 });
    const variable = await refused('query Page($n: Int!) { vulnerabilities(first: $n) { nodes { id sector { code } } } }', 'OPERATION_TOO_COSTLY', { n: 100 });
    expect(variable.extensions).toMatchObject({ measured: 201, limit: 150 });
  });

  it('refuses a document larger than allowed before parsing it, with OPERATION_TOO_LARGE and its size in bytes', async () => {
    const query = `{ sectors { code } }\n# ${'x'.repeat(2100)}`;
    const error = await refused(query, 'OPERATION_TOO_LARGE');
    expect(error.extensions).toMatchObject({ measured: Buffer.byteLength(query), limit: 2000 });
  });

  it('refuses variables of the wrong type with BAD_USER_INPUT before any subgraph sees them', async () => {
    const error = await refused('query Page($n: Int!) { vulnerabilities(first: $n) { nodes { id } } }', 'BAD_USER_INPUT', { n: 'ten' });
    expect(error.message).toContain('$n');
    await refused('query Page($n: Int!) { vulnerabilities(first: $n) { nodes { id } } }', 'BAD_USER_INPUT', {});
  });

  it('refuses an operation name the document does not hold with OPERATION_RESOLUTION_FAILURE', async () => {
    const before = system.statements('cyber');
    const response = await system.query('query A { sectors { code } } query B { sectors { name } }', { token, operationName: 'C' });
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('OPERATION_RESOLUTION_FAILURE');
    const unnamed = await system.query('query A { sectors { code } } query B { sectors { name } }', { token });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.errors?.[0]?.extensions?.code).toBe('OPERATION_RESOLUTION_FAILURE');
    expect(system.statements('cyber')).toBe(before);
  });
});
