// The public benchmark's query through Accord and through Apollo Gateway, against the same
// benchmark subgraphs: same response, byte for byte, with far fewer representations sent.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyStats } from '../../../gateway/execution/stats';
import { composePublicWorkloadSupergraph } from '../../../scripts/bench/public-workload/compose';
import { startPublicWorkloadSubgraphs } from '../../../scripts/bench/public-workload/subgraphs';
import type { RunningSubgraphServer } from '../../../scripts/bench/public-workload/subgraph-server';
import { startGateways, type Gateways } from './support/gateways';

const TEST_QUERY = readFileSync(new URL('../../../scripts/bench/public-workload/test-query.graphql', import.meta.url), 'utf8');

const sum = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);

describe('the public benchmark workload', () => {
  let subgraphs: RunningSubgraphServer;
  let gateways: Gateways;

  beforeAll(async () => {
    subgraphs = await startPublicWorkloadSubgraphs({ port: 0 });
    gateways = startGateways(composePublicWorkloadSupergraph(subgraphs.url));
  });
  afterAll(async () => {
    gateways.close();
    await subgraphs.close();
  });

  it('answers the test query exactly as Apollo Gateway does', async () => {
    const stock = await gateways.stock(TEST_QUERY);
    const accord = await gateways.accord(TEST_QUERY);
    const text = JSON.stringify(accord.response);
    expect(text).toBe(JSON.stringify(stock));
    expect(text.length).toBeGreaterThan(80_000);
    expect(accord.response.errors).toBeUndefined();
  });

  it('sends each distinct representation once, and identical fetches that are ready together as one request', async () => {
    subgraphs.resetStats();
    await gateways.stock(TEST_QUERY);
    const stock = subgraphs.stats();
    expect(stock.requests).toEqual({ accounts: 3, products: 4, reviews: 2, inventory: 7 });
    expect(stock.representations).toEqual({ accounts: 59, products: 130, reviews: 11, inventory: 265 });

    subgraphs.resetStats();
    const stats = emptyStats();
    await gateways.accord(TEST_QUERY, { stats });
    const accord = subgraphs.stats();
    // Two pairs of parallel branches ask products and inventory the same thing at different
    // paths: three requests fewer.
    expect(accord.requests).toEqual({ accounts: 3, products: 3, reviews: 2, inventory: 5 });
    expect(accord.representations).toEqual({ accounts: 2, products: 2, reviews: 11, inventory: 9 });
    expect(stats).toEqual({
      subgraphRequests: sum(accord.requests),
      representations: sum(accord.representations),
      representationsBeforeDedupe: sum(stock.representations),
    });
  });

  it('serves repeated subgraph requests from the memo when it is on, and executes them when it is off', async () => {
    const unmemoized = await startPublicWorkloadSubgraphs({ port: 0, memo: false });
    const direct = startGateways(composePublicWorkloadSupergraph(unmemoized.url));
    try {
      await gateways.accord(TEST_QUERY);
      subgraphs.resetStats();
      await gateways.accord(TEST_QUERY);
      expect(sum(subgraphs.stats().memoHits)).toBe(sum(subgraphs.stats().requests));

      await direct.accord(TEST_QUERY);
      const second = await direct.accord(TEST_QUERY);
      expect(unmemoized.stats().memoHits).toEqual({});
      expect(JSON.stringify(second.response)).toBe(JSON.stringify(await gateways.accord(TEST_QUERY).then((o) => o.response)));
    } finally {
      direct.close();
      await unmemoized.close();
    }
  });
});
