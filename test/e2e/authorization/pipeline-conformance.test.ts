// Every `pipeline` case of the reference fixture (test/fixtures/authorization/router-cases.json),
// end to end: a real gateway (startGateway, config from loadGatewayConfig) in front of small real
// subgraphs built from the case's schema and serving fixed data, callers with tokens carrying the
// case's claims, and a policy engine granting the case's policies. Each run checks the response
// (data with nulls where removed, null propagation, one error per denied path, where the errors
// go), and what the subgraphs were asked: never a removed field, never the client's token.
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../../gateway/server';
import { casesAt, type RouterCase } from '../../gateway/authorization/support/router-cases';
import { postGraphQL, type GraphQLResponse } from '../../support/start-system';
import { gatewayStarter, type GatewayStarter } from '../../support/gateway-starter';
import { claimPolicyEngine } from './support/claim-policy-engine';
import { startCaseEnvironment, type CaseEnvironment } from './support/case-environment';
import { pipelineRuns, tokenClaims, type PipelineRun } from './support/pipeline-runs';
import { coordinatesAtPath, selectedCoordinates } from './support/selected-coordinates';

type ResponsePath = ReadonlyArray<string | number>;

interface AccordExpectation {
  readonly status: number;
  readonly data: unknown;
  /** Where the authorization errors point (response keys; list indices where per object). */
  readonly denialPaths: readonly ResponsePath[];
  /** Why this differs from the reference's own answer, when it does. */
  readonly differs?: string;
}

interface ErrorBody {
  readonly message: string;
  readonly path?: ResponsePath;
  readonly extensions?: Record<string, unknown>;
}

const UNAUTHORIZED = 'UNAUTHORIZED_FIELD_OR_TYPE';

const WHOLE_OPERATION =
  'a caller who may read nothing of the operation gets each requested root field as null, and no subgraph is asked ' +
  '(Apollo Router since PR #9911); this reference snapshot predates it and answers data: null';

/** Runs whose reference states the outcome in words, or where Accord answers differently on purpose. */
const ACCORD_READING: Readonly<Record<string, AccordExpectation>> = {
  'router-integration-policy_coprocessor_grant_deny #2': { status: 200, data: { private: null }, denialPaths: [['private']], differs: WHOLE_OPERATION },
  'router-integration-policy_interfaces #2': { status: 200, data: { secure: null }, denialPaths: [['secure']], differs: WHOLE_OPERATION },
  'router-integration-policy_all_unauthorized_error_modes #1': { status: 200, data: { secure: null }, denialPaths: [['secure']], differs: WHOLE_OPERATION },
  'router-integration-policy_all_unauthorized_error_modes #2': { status: 200, data: { secure: null }, denialPaths: [['secure']], differs: WHOLE_OPERATION },
  'router-integration-policy_all_unauthorized_error_modes #3': { status: 200, data: { secure: null }, denialPaths: [['secure']], differs: WHOLE_OPERATION },
  // The Router's docs: "id resolves to null; id is ID! so product becomes null (null propagation) + error at product.id".
  'doc-key-fields #2': { status: 200, data: { product: null }, denialPaths: [['product', 'id']] },
  // Router semantics: posts goes whole (implementor PrivateBlog is @authenticated); it is [Post!]!, so data is null.
  'hive-generic-auth-interface-divergence': { status: 200, data: null, denialPaths: [['posts']] },
};

/** Runs with a test of their own below. */
const OWN_TESTS = new Set(['router-authenticated-e2e-defer', 'router-authenticated-introspection_unaffected', 'router-e2e-require_authentication #1']);

/** The case the fixture leaves without a schema ("any supergraph without authorization directives serves") runs on the orga one. */
const SCHEMA_OF: Readonly<Record<string, string>> = { 'router-e2e-require_authentication': 'router-e2e-authenticated_directive' };

/** The reference's mock subgraphs answer ids as JSON numbers; graphql-js serializes ID as a string. */
function stringIds(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null), (key, item: unknown) => (key === 'id' && typeof item === 'number' ? String(item) : item));
}

function referenceExpectation(run: PipelineRun): AccordExpectation {
  type Reference = { data?: unknown; errors?: ErrorBody[]; extensions?: { authorizationErrors?: ErrorBody[] } };
  const response = (run.expected.response ?? run.expected.response_per_router_formatting) as Reference | undefined;
  if (response) {
    const errors = [...(response.errors ?? []), ...(response.extensions?.authorizationErrors ?? [])];
    return { status: 200, data: stringIds(response.data), denialPaths: errors.map((error) => error.path ?? []) };
  }
  if ('response_data' in run.expected && !('first_error_code' in run.expected)) {
    return { status: 200, data: stringIds(run.expected.response_data), denialPaths: [] };
  }
  throw new Error(`${run.name}: no expectation this test can read`);
}

function sortedPaths(paths: readonly ResponsePath[]): string[] {
  return paths.map((path) => JSON.stringify(path)).sort();
}

function modeOf(run: PipelineRun): string {
  return String(run.flags['authorization-mode'] ?? 'filter');
}

function placementOf(run: PipelineRun): string {
  return String(run.flags['authorization-errors'] ?? 'errors');
}

function title(run: PipelineRun, expected: AccordExpectation): string {
  const count = expected.denialPaths.length;
  const where = placementOf(run) === 'errors' ? '' : ` (errors: ${placementOf(run)})`;
  if (count === 0) return `${run.name}: returns all the data, with no error`;
  switch (modeOf(run)) {
    case 'reject':
      return `${run.name}: refuses the operation with one error per denied path, asking no subgraph${where}`;
    case 'dry-run':
      return `${run.name}: returns everything and reports the ${count} denied path(s)${where}`;
    default:
      return `${run.name}: nulls ${count} denied path(s), one error each, never asking a subgraph for them${where}`;
  }
}

describe('the reference pipeline cases through a real gateway and real subgraphs', () => {
  let starter: GatewayStarter;
  const environments = new Map<string, Promise<CaseEnvironment>>();
  const gateways = new Map<string, Promise<RunningGateway>>();

  beforeAll(async () => {
    starter = await gatewayStarter('e2e-authorization');
  });

  afterAll(async () => {
    await starter?.close();
    for (const environment of environments.values()) await (await environment).subgraphs.close();
  });

  function environmentOf(routerCase: RouterCase): Promise<CaseEnvironment> {
    const schemaCaseId = SCHEMA_OF[routerCase.id];
    const schemaCase = schemaCaseId ? casesAt('pipeline').find((c) => c.id === schemaCaseId)! : routerCase;
    const dataKey = schemaCase.subgraphs ? schemaCase.id : schemaCase.supergraph!;
    let environment = environments.get(dataKey);
    if (!environment) environments.set(dataKey, (environment = startCaseEnvironment(schemaCase, dataKey)));
    return environment;
  }

  async function gatewayOf(run: PipelineRun): Promise<{ environment: CaseEnvironment; gateway: RunningGateway }> {
    const environment = await environmentOf(run.routerCase);
    const key = `${environment.supergraphSdl}\u0000${JSON.stringify(run.flags)}`;
    let gateway = gateways.get(key);
    if (!gateway) {
      const { supergraphSdl, subgraphUrls, policyNames } = environment;
      gateway = starter.start({ supergraphSdl, subgraphUrls, flags: run.flags, policies: claimPolicyEngine(policyNames) });
      gateways.set(key, gateway);
    }
    return { environment, gateway: await gateway };
  }

  async function send(run: PipelineRun, headers: Record<string, string> = run.requestHeaders): Promise<{ response: GraphQLResponse; environment: CaseEnvironment; gateway: RunningGateway }> {
    const { environment, gateway } = await gatewayOf(run);
    environment.subgraphs.clear();
    const claims = tokenClaims(run.claims);
    const authorization: Record<string, string> = claims ? { authorization: `Bearer ${await starter.token(claims)}` } : {};
    const response = await postGraphQL(gateway.url, { query: run.operation }, { ...headers, ...authorization });
    return { response, environment, gateway };
  }

  function expectGatewayTokenOnly(environment: CaseEnvironment): void {
    for (const request of environment.subgraphs.requests) {
      expect(request.headers.authorization, 'the client token is never forwarded').toBeUndefined();
      expect(request.headers['accord-gateway-token']).toEqual(expect.any(String));
    }
  }

  const runs = casesAt('pipeline').flatMap(pipelineRuns);

  it('covers every pipeline case of the fixture', () => {
    expect(new Set(runs.map((run) => run.routerCase.id)).size).toBe(casesAt('pipeline').length);
    expect(casesAt('pipeline').length).toBeGreaterThanOrEqual(19);
  });

  for (const run of runs.filter((candidate) => !OWN_TESTS.has(candidate.name))) {
    const expected = ACCORD_READING[run.name] ?? referenceExpectation(run);
    it(title(run, expected), async () => {
      const { response, environment, gateway } = await send(run);
      const { body } = response;
      expect(response.status).toBe(expected.status);
      expect(body.data).toEqual(expected.data);
      expect(body.extensions?.classification).toBe('UNCLASSIFIED');

      // Where the errors go, and that each denial is one error with its coordinate and rule.
      const inErrors = (body.errors ?? []) as ErrorBody[];
      const inExtensions = body.extensions?.authorizationErrors as ErrorBody[] | undefined;
      const placement = placementOf(run);
      if (placement !== 'extensions') expect(inExtensions).toBeUndefined();
      if (placement !== 'errors') expect(body.errors).toBeUndefined();
      const reported = placement === 'errors' ? inErrors : placement === 'extensions' ? inExtensions! : [];
      for (const error of reported) {
        expect(error.message).toBe('Unauthorized field or type');
        expect(error.extensions).toMatchObject({ code: UNAUTHORIZED, coordinate: expect.any(String), rule: expect.any(String) });
      }
      // A refused operation has no data to point into: each error names its path in extensions.responsePath.
      const pathOf = (error: ErrorBody): ResponsePath =>
        modeOf(run) === 'reject' ? String(error.extensions?.responsePath).split('.') : (error.path ?? []);
      if (modeOf(run) === 'reject') for (const error of reported) expect(error.path).toBeUndefined();
      expect(sortedPaths(reported.map(pathOf))).toEqual(sortedPaths(placement === 'disabled' ? [] : expected.denialPaths));

      // What the subgraphs were asked.
      expectGatewayTokenOnly(environment);
      const document = parse(run.operation);
      const schema = gateway.gateway.supergraph.apiSchema;
      const denied = new Set(
        expected.denialPaths.flatMap((path) => [...coordinatesAtPath(schema, document, path.filter((key): key is string => typeof key === 'string'))]),
      );
      // Every denied path names a field of the operation: the checks below are never vacuous.
      if (expected.denialPaths.length > 0) expect(denied.size).toBeGreaterThan(0);
      const requested = new Set(
        environment.subgraphs.requests.flatMap((request) => [...selectedCoordinates(environment.schemas[request.subgraph]!, request.query)]),
      );
      if (modeOf(run) === 'dry-run') {
        for (const coordinate of denied) expect(requested, `dry run still fetches ${coordinate}`).toContain(coordinate);
      } else {
        for (const coordinate of denied) expect(requested, `no subgraph is asked for ${coordinate}`).not.toContain(coordinate);
      }
      if (modeOf(run) === 'reject' || expected.differs === WHOLE_OPERATION) expect(environment.subgraphs.requests).toHaveLength(0);
      if (expected.denialPaths.length === 0) expect(environment.subgraphs.requests.length).toBeGreaterThan(0);
    });
  }

  it('router-authenticated-e2e-defer: refuses @defer, which Accord does not serve, before any subgraph is asked', async () => {
    const run = runs.find((candidate) => candidate.name === 'router-authenticated-e2e-defer')!;
    // With the reference's Accept header (multipart only) the server cannot answer in a form the client takes.
    const multipart = await send(run);
    expect(multipart.response.status).toBe(406);
    // With an ordinary Accept header, @defer is not part of Accord's API schema.
    const plain = await send(run, { accept: 'application/json' });
    expect(plain.response.status).toBe(400);
    expect(plain.response.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(plain.response.body.errors?.[0]?.message).toContain('@defer');
    expect(plain.environment.subgraphs.requests).toHaveLength(0);
  });

  it('router-authenticated-introspection_unaffected: answers introspection to an anonymous caller although Query is @authenticated', async () => {
    const run = runs.find((candidate) => candidate.name === 'router-authenticated-introspection_unaffected')!;
    const { response, environment } = await send(run);
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    const names = (response.body.data as { __schema: { types: Array<{ name: string }> } }).__schema.types.map((type) => type.name);
    const reference = (run.expected.response as { data: { __schema: { types: Array<{ name: string }> } } }).data.__schema.types;
    // graphql-js lists the types in another order than the Router.
    expect([...names].sort()).toEqual(reference.map((type) => type.name).sort());
    expect(environment.subgraphs.requests).toHaveLength(0);
  });

  it('router-e2e-require_authentication #1: refuses a request without a token with 401 AUTHENTICATION_REQUIRED and a Bearer challenge', async () => {
    const run = runs.find((candidate) => candidate.name === 'router-e2e-require_authentication #1')!;
    const { response, environment } = await send(run);
    expect(run.expected.http_status).toBe(401);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="accord"');
    // Accord's code for the reference's AUTH_ERROR.
    expect(response.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'AUTHENTICATION_REQUIRED' } })]);
    expect(response.body.data).toBeUndefined();
    expect(environment.subgraphs.requests).toHaveLength(0);
  });
});
