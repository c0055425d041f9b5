// The agency workload: the queries a dashboard sends (agency-workload/dashboard-queries.ts), to
// the three agency subgraphs (one process each, on the subgraph CPU) over seed data at bench scale
// in a temporary folder, with a distinct token (a distinct subject) per virtual user. Accord
// serves the checked-in supergraph; the stock gateway serves it with the authorization directives
// removed (it cannot load them), and forwards a gateway token the benchmark signed for each
// virtual user, since the subgraphs answer nobody else.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readAuthorizationRules } from '../../gateway/authorization';
import { callerFromClaims } from '../../gateway/identity/caller';
import { signDevToken } from '../../gateway/identity/dev-identity';
import { createGatewayTokenSigner, GATEWAY_TOKEN_HEADER } from '../../gateway/identity/gateway-token';
import { findPersona } from '../../gateway/identity/personas';
import { AGENCIES } from '../../subgraphs/agencies';
import { REPO_ROOT } from '../../gateway/config/data-dir';
import { seedAll } from '../seed/seed-all';
import { DASHBOARD_PERSONAS, dashboardRequests, type DashboardTargets } from './agency-workload/dashboard-queries';
import type { Contestant } from './contestants';
import { accordLaunch, stockLaunch, type BenchEnvironment } from './environment';
import type { BenchOptions } from './options';
import { answers, startPinned, waitUntilReady, type PinnedProcess } from './pinned-process';
import { postChecked, type SubgraphCounters, type Workload } from './workload';

const STOCK_TOKEN_TTL_SECONDS = 3600;
// Environment that would point the subgraphs at other databases than the benchmark's own.
const DATABASE_ENV = /^(ACCORD_POSTGRES_URL|ACCORD_DATABASE_PREFIX|[A-Z]+_DATABASE_URL)$/;

interface RunningAgency {
  readonly name: string;
  readonly url: string;
  readonly process: PinnedProcess;
}

function claimsOf(connection: number, run: string, oneCaller: boolean): Record<string, unknown> {
  const user = oneCaller ? 0 : connection;
  const persona = DASHBOARD_PERSONAS[user % DASHBOARD_PERSONAS.length]!;
  return { ...findPersona(persona)!.claims, sub: `bench:${persona}:${run}:${user}` };
}

/** Sum of a Prometheus counter over the subgraphs' /metrics. */
function counterValue(metrics: string, name: string): number {
  let sum = 0;
  for (const line of metrics.split('\n')) {
    if (line.startsWith(`${name}{`) || line.startsWith(`${name} `)) sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

export async function startAgencyWorkload(env: BenchEnvironment, options: BenchOptions): Promise<Workload> {
  const dataDir = path.join(env.dir, 'agency-data');
  const sqliteOnly = Object.fromEntries(Object.entries(process.env).filter(([key]) => !DATABASE_ENV.test(key)));
  await seedAll({ scale: options.scale, anchor: new Date(), mode: 'reset', env: sqliteOnly, dataDir, quiet: true });

  const agencies: RunningAgency[] = [];
  // One profile per subgraph over the whole workload (every contestant's rounds): where a subgraph's time goes.
  const profileDir = path.resolve(options.outDir, 'profiles', `agency-subgraphs-${Date.now()}`);
  if (options.profileSubgraphs) {
    for (const agency of Object.values(AGENCIES)) await mkdir(path.join(profileDir, agency.name), { recursive: true });
  }
  try {
    for (const agency of Object.values(AGENCIES)) {
      const port = await env.freePort();
      const process = startPinned({
        name: `${agency.name} subgraph`,
        cpus: env.subgraphCpus,
        entry: 'scripts/subgraph.ts',
        args: [agency.name],
        // Node names each thread's profile CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile; the main thread is thread 0.
        nodeOptions: options.profileSubgraphs ? ['--cpu-prof', '--cpu-prof-dir', path.join(profileDir, agency.name)] : [],
        // Replaces the parent's environment entries that name other databases.
        env: {
          ...Object.fromEntries(Object.keys(globalThis.process.env).filter((key) => DATABASE_ENV.test(key)).map((key) => [key, ''])),
          NODE_ENV: 'production',
          ACCORD_DATA_DIR: dataDir,
          [`${agency.name.toUpperCase()}_PORT`]: String(port),
          ACCORD_GATEWAY_JWKS: env.gatewayKeys.jwksPath,
        },
      });
      agencies.push({ name: agency.name, url: `http://127.0.0.1:${port}/graphql`, process });
    }
    for (const agency of agencies) await waitUntilReady(agency.process, () => answers(agency.url.replace(/\/graphql$/, '/ready')));
  } catch (error) {
    for (const agency of agencies) await agency.process.stop();
    throw error;
  }

  // The checked-in supergraph, pointed at this run's subgraphs.
  let supergraph = await readFile(path.join(REPO_ROOT, 'schema', 'supergraph.graphql'), 'utf8');
  const routing = JSON.parse(await readFile(path.join(REPO_ROOT, 'schema', 'subgraphs.json'), 'utf8')) as { subgraphs: Array<{ name: string; routingUrl: string }> };
  for (const { name, routingUrl } of routing.subgraphs) supergraph = supergraph.replaceAll(`"${routingUrl}"`, `"${agencies.find((a) => a.name === name)!.url}"`);
  const accordFile = path.join(env.dir, 'agency-supergraph.graphql');
  const stockFile = path.join(env.dir, 'agency-supergraph-stock.graphql');
  await writeFile(accordFile, supergraph);
  await writeFile(stockFile, readAuthorizationRules(supergraph).sanitizedSupergraphSdl);

  // What the dashboard shows: a model in review and a sector, found through the subgraphs themselves.
  const signer = createGatewayTokenSigner({ privateKey: env.gatewayKeys.privateKey, keyId: env.gatewayKeys.keyId, ttlSeconds: STOCK_TOKEN_TTL_SECONDS });
  const lookupToken = signer.sign(callerFromClaims(claimsOf(0, 'setup', true)));
  const asGateway = { [GATEWAY_TOKEN_HEADER]: lookupToken };
  const treasury = agencies.find((a) => a.name === 'treasury')!;
  const cyber = agencies.find((a) => a.name === 'cyber')!;
  const models = (await postChecked(treasury.url, JSON.stringify({ query: '{ models(first: 1, filter: { participation: IN_REVIEW }) { nodes { id } } }' }), asGateway)) as { models: { nodes: Array<{ id: string }> } };
  const sectors = (await postChecked(cyber.url, JSON.stringify({ query: '{ sectors { code } }' }), asGateway)) as { sectors: Array<{ code: string }> };
  if (!models.models.nodes[0] || !sectors.sectors[0]) throw new Error('the seed data has no model in review or no sector');
  const targets: DashboardTargets = { modelId: models.models.nodes[0].id, sectorCode: sectors.sectors[0].code };
  const loadPageSize = options.pageSizes[options.pageSizes.length - 1]!;
  let runs = 0;

  async function counters(): Promise<SubgraphCounters> {
    let requests = 0;
    let sqlStatements = 0;
    for (const agency of agencies) {
      const metrics = await (await fetch(agency.url.replace(/\/graphql$/, '/metrics'))).text();
      requests += counterValue(metrics, 'accord_subgraph_requests_total');
      sqlStatements += counterValue(metrics, 'accord_subgraph_sql_statements_total');
    }
    return { requests, sqlStatements };
  }

  /** The header and value a virtual user sends: its own client token to Accord, a gateway token for it to the stock gateway. */
  async function credentialsFor(contestant: Contestant, connection: number, run: string): Promise<string> {
    const claims = claimsOf(connection, run, options.oneCaller);
    if (contestant.kind === 'stock') return signer.sign(callerFromClaims(claims));
    return signDevToken(env.identity, claims, STOCK_TOKEN_TTL_SECONDS);
  }

  return {
    name: 'agency',
    description: `dashboard queries (models in review, a model in full, a sector with its vulnerabilities) at page size ${loadPageSize}, seed scale ${options.scale}, ${options.oneCaller ? 'one caller (one token) for every virtual user' : 'a distinct token per virtual user'}`,
    launch: (contestant, port) =>
      contestant.kind === 'stock' ? stockLaunch(port, stockFile, { FORWARD_HEADER: GATEWAY_TOKEN_HEADER }) : accordLaunch(env, contestant, port, accordFile),
    async prepareLoad(contestant) {
      const run = `${contestant.name}-${runs++}`;
      const tokens = await Promise.all(Array.from({ length: options.connections }, (_, i) => credentialsFor(contestant, i, run)));
      return {
        requests: dashboardRequests(targets, loadPageSize).map((request) => ({ body: JSON.stringify(request.body) })),
        tokens: { per: 'connection', forConnection: (index) => tokens[index % tokens.length]! },
        tokenHeader: contestant.kind === 'stock' ? GATEWAY_TOKEN_HEADER : 'authorization',
        tokensReused: () => 0,
      };
    },
    async measureCosts(contestant, url) {
      const costs = [];
      for (const pageSize of options.pageSizes) {
        const requests = dashboardRequests(targets, pageSize);
        const credentials = await credentialsFor(contestant, 0, `${contestant.name}-costs`);
        const headers: Record<string, string> = contestant.kind === 'stock' ? { [GATEWAY_TOKEN_HEADER]: credentials } : { authorization: `Bearer ${credentials}` };
        const before = await counters();
        const data: unknown[] = [];
        for (const request of requests) data.push(await postChecked(url, JSON.stringify(request.body), headers));
        const after = await counters();
        costs.push({
          pageSize,
          subgraphRequests: (after.requests - before.requests) / requests.length,
          sqlStatements: (after.sqlStatements! - before.sqlStatements!) / requests.length,
          answers: JSON.stringify(data),
        });
      }
      return costs;
    },
    counters,
    subgraphCpuSeconds: () => agencies.reduce((sum, agency) => sum + agency.process.cpuSeconds(), 0),
    async close() {
      for (const agency of agencies) await agency.process.stop();
    },
  };
}
