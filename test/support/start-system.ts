// The whole system for an end-to-end suite: the three agency subgraphs (real HTTP servers, real
// databases) and the gateway (real HTTP server, real tokens), all on free ports in this process.
import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AGENCIES } from '../../subgraphs/agencies';
import type { AgencyName } from '../../subgraphs/kit/agency-subgraph';
import { databaseConfigFor } from '../../subgraphs/kit/config/database-config';
import { gatewayAuthentication } from '../../subgraphs/kit/identity/gateway-authentication';
import { startSubgraph, type RunningSubgraph } from '../../subgraphs/kit/server/start-subgraph';
import { treasuryModelRegister } from '../../subgraphs/kit/domain/model-register';
import { ensureGatewayKeys } from '../../gateway/identity/gateway-keys';
import { ensureDevIdentity, signDevToken, type DevIdentity } from '../../gateway/identity/dev-identity';
import { findPersona } from '../../gateway/identity/personas';
import { DEFAULT_AGREEMENTS_FILE, type GatewayConfig } from '../../gateway/config/gateway-config';
import { createPolicyEngine, readAgreementsFile } from '../../gateway/authorization';
import { startGateway, type RunningGateway } from '../../gateway/server';
import { testGatewayConfig } from './gateway-starter';
import { testDatabase, type DatabaseKind, type TestDatabase } from './test-database';

export interface SystemOptions {
  /** SQLite unless told otherwise. */
  readonly database?: DatabaseKind;
  /** Fill the databases before starting (scale 1 unless told otherwise). */
  readonly seed?: false | { readonly scale?: number; readonly anchor?: Date };
  /** Gateway settings to change, as `loadGatewayConfig` flags (e.g. `{ 'authorization-mode': 'reject' }`). */
  readonly gatewayFlags?: Readonly<Record<string, string | boolean>>;
  /** Gateway environment besides the subgraph URLs (e.g. `{ NODE_ENV: 'production' }`). */
  readonly gatewayEnv?: Readonly<Record<string, string>>;
}

export interface GraphQLResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }>;
    extensions?: Record<string, unknown>;
  };
}

export interface RunningSystem {
  readonly dataDir: string;
  readonly database: TestDatabase;
  readonly gateway: RunningGateway;
  readonly gatewayConfig: GatewayConfig;
  readonly subgraphs: Readonly<Record<AgencyName, RunningSubgraph>>;
  /** A token for a named persona (see gateway/identity/personas.ts) or for exactly these claims. */
  token(persona: string | Record<string, unknown>): Promise<string>;
  /** POSTs an operation to the gateway, as `token` (or anonymously). */
  query(query: string, options?: { token?: string; variables?: Record<string, unknown>; operationName?: string }): Promise<GraphQLResponse>;
  /** Statements the agency's ORM has sent so far. */
  statements(agency: AgencyName): number;
  close(): Promise<void>;
}

export async function postGraphQL(
  url: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: GraphQLResponse['body'];
  try {
    parsed = JSON.parse(text) as GraphQLResponse['body'];
  } catch {
    throw new Error(`response ${response.status} is not JSON: ${text.slice(0, 200)}`);
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

async function tokenFor(identity: DevIdentity, persona: string | Record<string, unknown>): Promise<string> {
  if (typeof persona !== 'string') return signDevToken(identity, persona, 3600);
  const found = findPersona(persona);
  if (!found) throw new Error(`unknown persona ${persona}`);
  return signDevToken(identity, found.claims, 3600);
}

export async function startSystem(options: SystemOptions = {}): Promise<RunningSystem> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'accord-test-'));
  const database = testDatabase(options.database);
  const env = { ...database.env };
  const gatewayKeys = await ensureGatewayKeys(dataDir);
  const identity = await ensureDevIdentity(dataDir);

  if (options.seed) {
    const { seedAll } = await import('../../scripts/seed/seed-all');
    await seedAll({ scale: options.seed.scale ?? 1, anchor: options.seed.anchor ?? new Date(), mode: 'reset', env, dataDir, quiet: true });
  }

  const policies = createPolicyEngine({ agreements: readAgreementsFile(DEFAULT_AGREEMENTS_FILE) });
  const subgraphs = {} as Record<AgencyName, RunningSubgraph>;
  // Treasury starts first: the others check models with its intake.
  for (const agency of Object.values(AGENCIES)) {
    subgraphs[agency.name] = await startSubgraph(agency, {
      port: 0,
      database: databaseConfigFor(agency.name, env, dataDir),
      authenticate: gatewayAuthentication({ gatewayJwks: gatewayKeys.jwksPath, allowDirectAccess: false }),
      policies,
      models: subgraphs.treasury ? treasuryModelRegister(subgraphs.treasury.url) : undefined,
    });
  }

  const gatewayConfig = testGatewayConfig({
    dataDir,
    identity,
    gatewayKeys,
    auditFile: path.join(dataDir, 'audit.jsonl'),
    subgraphUrls: Object.fromEntries(Object.values(subgraphs).map((s) => [s.name, s.url])),
    flags: options.gatewayFlags,
    env: options.gatewayEnv,
  });
  const gateway = await startGateway(gatewayConfig);

  return {
    dataDir,
    database,
    gateway,
    gatewayConfig,
    subgraphs,
    token: (persona) => tokenFor(identity, persona),
    query: (query, { token, variables, operationName } = {}) =>
      postGraphQL(gateway.url, { query, variables, operationName }, token ? { authorization: `Bearer ${token}` } : {}),
    statements: (agency) => subgraphs[agency].database.statements.total,
    close: async () => {
      await gateway.close();
      for (const subgraph of Object.values(subgraphs)) await subgraph.close();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
