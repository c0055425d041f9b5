// GET /ready's report: each subgraph probed where and as the gateway calls it, probes shared for
// a short while, a subgraph down (refused, hung, failing) named with its reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPolicyEngine } from '../../../gateway/authorization';
import { createReadiness } from '../../../gateway/health/readiness';
import { loadSupergraph, type LoadedSupergraph } from '../../../gateway/supergraph/loaded-supergraph';
import { deadUrl, startMisbehavingSubgraph, type MisbehavingSubgraph } from '../execution/support/misbehaving-subgraph';
import { startGatedSubgraph, type GatedSubgraph } from '../supergraph/support/gated-subgraph';

const policies = createPolicyEngine({ agreements: [] });
const headers = async () => ({ 'accord-gateway-token': 'probe-token' });

describe('gateway readiness', () => {
  let subgraph: GatedSubgraph;
  let hanging: MisbehavingSubgraph;
  let failing: MisbehavingSubgraph;
  const loaded: LoadedSupergraph[] = [];

  function supergraphAt(url?: string): LoadedSupergraph {
    const supergraph = loadSupergraph(subgraph.supergraphWithout(), { policies, subgraphUrls: url ? { gated: url } : {} });
    loaded.push(supergraph);
    return supergraph;
  }

  beforeAll(async () => {
    subgraph = await startGatedSubgraph();
    hanging = await startMisbehavingSubgraph('hang');
    failing = await startMisbehavingSubgraph('status-503');
  });

  afterAll(async () => {
    for (const supergraph of loaded) supergraph.close();
    await subgraph?.close();
    await hanging?.close();
    await failing?.close();
  });

  it('reports each subgraph up and probes once for reports close together', async () => {
    const supergraph = supergraphAt();
    const report = createReadiness({ supergraph: () => supergraph, headers, cacheMs: 60_000 });
    const before = subgraph.requests();
    const [first, second] = await Promise.all([report(), report()]);
    const third = await report();
    expect(subgraph.requests() - before).toBe(1);
    expect(first).toEqual({
      ready: true,
      details: { supergraph: supergraph.id, degraded: false, subgraphs: { gated: { url: subgraph.url, state: 'up' } } },
    });
    expect(second).toEqual(first);
    expect(third).toEqual(first);
  });

  it('probes again once the cached round is older than cacheMs', async () => {
    const supergraph = supergraphAt();
    const report = createReadiness({ supergraph: () => supergraph, headers, cacheMs: 0 });
    const before = subgraph.requests();
    await report();
    await report();
    expect(subgraph.requests() - before).toBe(2);
  });

  it.each([
    ['refuses connections', () => deadUrl(), /^ECONNREFUSED$/],
    ['does not answer in time', async () => hanging.url, /^no answer within 200 ms$/],
    ['answers with an error status', async () => failing.url, /^HTTP 503$/],
  ])('stays ready but degraded, naming the subgraph that %s', async (_case, url, reason) => {
    const supergraph = supergraphAt(await url());
    const report = await createReadiness({ supergraph: () => supergraph, headers, probeTimeoutMs: 200 })();
    expect(report.ready).toBe(true);
    expect(report.details.degraded).toBe(true);
    expect(report.details.subgraphs).toEqual({ gated: { url: expect.any(String), state: 'down', reason: expect.stringMatching(reason) } });
  });

  it('is not ready without a supergraph', async () => {
    expect(await createReadiness({ supergraph: () => null, headers })()).toEqual({ ready: false, details: { supergraph: null } });
  });
});
