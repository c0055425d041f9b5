// `npm run gateway -- --supergraph FILE --port N` serves any valid supergraph, not only ours:
// here the public federation benchmark's four subgraphs, in a real gateway process.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPublicWorkloadSubgraphs } from '../../../scripts/bench/public-workload/subgraphs';
import { composePublicWorkloadSupergraph } from '../../../scripts/bench/public-workload/compose';
import type { RunningSubgraphServer } from '../../../scripts/bench/public-workload/subgraph-server';
import { freePort, startChild, waitFor, type ChildHandle } from '../../support/processes';
import { postGraphQL } from '../../support/start-system';
import { REPO_ROOT } from '../../../gateway/config/data-dir';

describe('gateway command', () => {
  let subgraphs: RunningSubgraphServer;
  let dir: string;
  let gateway: ChildHandle;
  let url: string;

  beforeAll(async () => {
    subgraphs = await startPublicWorkloadSubgraphs({ port: 0 });
    dir = await mkdtemp(path.join(tmpdir(), 'accord-any-supergraph-'));
    // The supergraph names a dead port for "reviews": the gateway is told the real one by config.
    const supergraph = composePublicWorkloadSupergraph(subgraphs.url).replace(`${subgraphs.url}/reviews`, 'http://127.0.0.1:9/reviews');
    await writeFile(path.join(dir, 'supergraph.graphql'), supergraph);
    const port = await freePort();
    gateway = startChild(['gateway/main.ts', '--supergraph', path.join(dir, 'supergraph.graphql'), '--port', String(port)], {
      ACCORD_DATA_DIR: dir,
      ACCORD_SUBGRAPH_URL_REVIEWS: `${subgraphs.url}/reviews`,
    });
    await waitFor(`http://127.0.0.1:${port}/health`, gateway);
    url = `http://127.0.0.1:${port}/graphql`;
  });

  afterAll(async () => {
    await gateway?.stop();
    await subgraphs?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers GET /health with 200 once ready', async () => {
    const response = await fetch(url.replace('/graphql', '/health'));
    expect(response.status).toBe(200);
  });

  it('serves the benchmark query across the four subgraphs, with a subgraph URL overridden by config', async () => {
    const query = await readFile(path.join(REPO_ROOT, 'scripts/bench/public-workload/test-query.graphql'), 'utf8');
    const { status, body } = await postGraphQL(url, { query });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const data = body.data as { users: Array<{ reviews: Array<{ product: { inStock: boolean } }> }>; topProducts: unknown[] };
    expect(data.users.length).toBeGreaterThan(0);
    expect(data.topProducts.length).toBeGreaterThan(0);
    // reviews (overridden URL) and inventory (@requires) both answered.
    expect(data.users[0]!.reviews[0]!.product.inStock).toEqual(expect.any(Boolean));
  });
});
