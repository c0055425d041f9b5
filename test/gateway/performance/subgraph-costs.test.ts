// Regression guard for the gateway's efficiency, in counts rather than timings: what one operation
// costs the subgraphs, through the whole gateway (HTTP, identity, Apollo Server, authorization,
// planning, execution, audit). A change that sends more requests, more entity representations or
// more SQL statements fails here, however fast the machine.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../../gateway/server';
import { BENCH_SCOPE } from '../../../scripts/bench/public-workload/authorized-sdl';
import { composeAuthorizedPublicWorkloadSupergraph, composePublicWorkloadSupergraph } from '../../../scripts/bench/public-workload/compose';
import { StockExecutor } from '../../../scripts/bench/public-workload/stock-executor';
import { startPublicWorkloadSubgraphs } from '../../../scripts/bench/public-workload/subgraphs';
import type { RunningSubgraphServer } from '../../../scripts/bench/public-workload/subgraph-server';
import { dashboardRequests, DASHBOARD_PERSONAS } from '../../../scripts/bench/agency-workload/dashboard-queries';
import { REPO_ROOT } from '../../../gateway/config/data-dir';
import { parse } from 'graphql';
import { postGraphQL, startSystem, type RunningSystem } from '../../support/start-system';
import { gatewayStarter, type GatewayStarter } from '../../support/gateway-starter';
import { databaseKinds } from '../../support/test-database';

const TEST_QUERY = readFileSync(path.join(REPO_ROOT, 'scripts/bench/public-workload/test-query.graphql'), 'utf8');
const AGENCIES = ['treasury', 'defense', 'cyber'] as const;

describe('the public benchmark query through the whole gateway, authorization on', () => {
  let subgraphs: RunningSubgraphServer;
  let starter: GatewayStarter;
  let gateway: RunningGateway;

  beforeAll(async () => {
    subgraphs = await startPublicWorkloadSubgraphs({ port: 0 });
    starter = await gatewayStarter('costs');
    gateway = await starter.start({
      supergraphSdl: composeAuthorizedPublicWorkloadSupergraph(subgraphs.url),
      flags: {
        'require-authentication': true,
        // The benchmark query's estimated cost is far above the default limit.
        'max-cost': '1000000000',
      },
    });
  });

  afterAll(async () => {
    await starter?.close();
    await subgraphs?.close();
  });

  async function send(subject: string, scope = BENCH_SCOPE) {
    const token = await starter.token({ sub: subject, scope }, 600);
    return postGraphQL(gateway.url, { query: TEST_QUERY }, { authorization: `Bearer ${token}` });
  }

  it('costs 13 subgraph requests and 24 entity representations, for every caller, with the stock answer', async () => {
    const stock = new StockExecutor(composePublicWorkloadSupergraph(subgraphs.url));
    const expected = JSON.stringify(await stock.execute(stock.prepare(parse(TEST_QUERY))).then((r) => r.data));
    for (const subject of ['bench:1', 'bench:2', 'bench:3']) {
      subgraphs.resetStats();
      const { status, body } = await send(subject);
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(JSON.stringify(body.data)).toBe(expected);
      const { requests, representations } = subgraphs.stats();
      expect(requests).toEqual({ accounts: 3, products: 3, reviews: 2, inventory: 5 });
      expect(representations).toEqual({ accounts: 2, products: 2, reviews: 11, inventory: 9 });
    }
  });

  it('asks the subgraphs for nothing a caller without the scope may not read', async () => {
    subgraphs.resetStats();
    const { status, body } = await send('bench:unscoped', '');
    expect(status).toBe(200);
    expect(body.errors!.length).toBeGreaterThan(0);
    expect(body.errors!.every((error) => error.extensions?.code === 'UNAUTHORIZED_FIELD_OR_TYPE')).toBe(true);
    // User.name, Product.name and Review.body are removed before planning: the accounts subgraph
    // is asked only for the users, never for their names.
    expect(subgraphs.stats().requests).toEqual({ accounts: 1, products: 3, reviews: 2, inventory: 5 });
    expect(subgraphs.stats().representations).toEqual({ accounts: 0, products: 2, reviews: 11, inventory: 9 });
  });
});

describe.each(databaseKinds())('the agency dashboard queries (%s)', (database) => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem({ database, seed: { scale: 2 } });
  }, 120_000);

  afterAll(async () => {
    await system?.close();
  });

  const statements = () => AGENCIES.reduce((sum, agency) => sum + system.statements(agency), 0);

  it('cost the same SQL statements per operation whatever the page size', async () => {
    const token = await system.token(DASHBOARD_PERSONAS[0]);
    const lookup = await system.query('{ models(first: 1, filter: { participation: IN_REVIEW }) { nodes { id } } sectors { code } }', { token });
    const data = lookup.body.data as { models: { nodes: Array<{ id: string }> }; sectors: Array<{ code: string }> };
    const targets = { modelId: data.models.nodes[0]!.id, sectorCode: data.sectors[0]!.code };
    const costs: Record<string, number[]> = {};
    for (const persona of DASHBOARD_PERSONAS) {
      const personaToken = await system.token(persona);
      for (const pageSize of [5, 20]) {
        for (const request of dashboardRequests(targets, pageSize)) {
          const before = statements();
          const { status, body } = await system.query(request.body.query, { token: personaToken, variables: request.body.variables });
          expect(status).toBe(200);
          expect(body.errors).toBeUndefined();
          (costs[request.name] ??= []).push(statements() - before);
        }
      }
    }
    expect(costs).toEqual({
      ModelsInReview: [11, 11, 11, 11],
      ModelInFull: [13, 13, 13, 13],
      SectorWithVulnerabilities: [5, 5, 5, 5],
    });
  });
});
