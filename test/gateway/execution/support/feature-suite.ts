// The set-up the execution suites share: the feature subgraphs running for the whole suite, and
// both gateways over their supergraph.
import { afterAll, beforeAll } from 'vitest';
import type { RunningSubgraphServer } from '../../../../scripts/bench/public-workload/subgraph-server';
import { composeFeatureSupergraph, startFeatureSubgraphs } from './feature-subgraphs';
import { startGateways, type Gateways } from './gateways';

export interface FeatureSuite {
  readonly subgraphs: RunningSubgraphServer;
  readonly gateways: Gateways;
}

/** Registers the suite's beforeAll/afterAll; read the fields inside tests, once they have run. */
export function useFeatureGateways(): FeatureSuite {
  let subgraphs: RunningSubgraphServer | undefined;
  let gateways: Gateways | undefined;
  beforeAll(async () => {
    subgraphs = await startFeatureSubgraphs();
    gateways = startGateways(composeFeatureSupergraph(subgraphs.url));
  });
  afterAll(async () => {
    gateways?.close();
    await subgraphs?.close();
  });
  return {
    get subgraphs() {
      if (!subgraphs) throw new Error('the feature subgraphs are not running yet');
      return subgraphs;
    },
    get gateways() {
      if (!gateways) throw new Error('the gateways are not started yet');
      return gateways;
    },
  };
}
