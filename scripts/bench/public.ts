// The public federation gateway benchmark workload: the four benchmark subgraphs (memoized, in one
// process on the subgraph CPU) and its nested test query, with a distinct token (a distinct
// subject) per request. Accord serves the supergraph with authorization rules every token
// satisfies; the stock gateway serves the plain one over the same subgraphs.
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DevIdentity } from '../../gateway/identity/dev-identity';
import { signDevToken } from '../../gateway/identity/dev-identity';
import { BENCH_SCOPE } from './public-workload/authorized-sdl';
import { composeAuthorizedPublicWorkloadSupergraph, composePublicWorkloadSupergraph } from './public-workload/compose';
import type { SubgraphServerStats } from './public-workload/subgraph-server';
import type { Contestant } from './contestants';
import type { BenchOptions } from './options';
import { accordLaunch, stockLaunch, type BenchEnvironment } from './environment';
import { answers, startPinned, waitUntilReady } from './pinned-process';
import { MAX_REQUESTS_PER_SECOND, signTokens, tokenPerRequest } from './tokens';
import { postChecked, type Workload } from './workload';

const TEST_QUERY = readFileSync(new URL('./public-workload/test-query.graphql', import.meta.url), 'utf8');
const BODY = JSON.stringify({ query: TEST_QUERY });
const COST_SAMPLES = 5;

function claimsFor(prefix: string) {
  return (index: number) => ({ sub: `bench:${prefix}:${index}`, scope: BENCH_SCOPE });
}

function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

export async function startPublicWorkload(env: BenchEnvironment, options: BenchOptions): Promise<Workload> {
  const port = await env.freePort();
  const subgraphs = startPinned({
    name: 'benchmark subgraphs',
    cpus: env.subgraphCpus,
    entry: 'scripts/bench/public-workload/serve.ts',
    env: { PORT: String(port), MEMO: '1' },
  });
  const base = `http://127.0.0.1:${port}`;
  await waitUntilReady(subgraphs, () => answers(`${base}/health`));
  const plainFile = path.join(env.dir, 'public-supergraph.graphql');
  const authorizedFile = path.join(env.dir, 'public-supergraph-authorized.graphql');
  await writeFile(plainFile, composePublicWorkloadSupergraph(base));
  await writeFile(authorizedFile, composeAuthorizedPublicWorkloadSupergraph(base));
  const identity: DevIdentity = env.identity;
  let runs = 0;

  const stats = async (): Promise<SubgraphServerStats> => (await fetch(`${base}/stats`)).json() as Promise<SubgraphServerStats>;

  return {
    name: 'public',
    description: `the public gateway benchmark test query (about 87 KB of response), ${options.oneCaller ? 'one caller (one token) for every request' : 'a distinct token per request'}`,
    launch: (contestant: Contestant, gatewayPort: number) =>
      contestant.kind === 'stock' ? stockLaunch(gatewayPort, plainFile, {}) : accordLaunch(env, contestant, gatewayPort, authorizedFile),
    async prepareLoad(contestant, seconds) {
      if (options.oneCaller) {
        const [token] = await signTokens(identity, 1, claimsFor(`${contestant.name}-one-caller-${runs++}`));
        return { requests: [{ body: BODY }], tokens: { per: 'connection', forConnection: () => token! }, tokensReused: () => 0 };
      }
      // A fresh pool per run: no gateway ever sees a token twice.
      const pool = await signTokens(identity, Math.ceil(seconds * MAX_REQUESTS_PER_SECOND), claimsFor(`${contestant.name}-${runs++}`));
      const supply = tokenPerRequest(pool);
      return { requests: [{ body: BODY }], tokens: supply.choice, tokensReused: supply.reused };
    },
    async measureCosts(contestant, url) {
      const before = await stats();
      let first: string | null = null;
      for (let i = 0; i < COST_SAMPLES; i++) {
        const token = await signDevToken(identity, claimsFor(`${contestant.name}-costs`)(i), 600);
        const data = JSON.stringify(await postChecked(url, BODY, { authorization: `Bearer ${token}` }));
        first ??= data;
        if (data !== first) throw new Error(`${contestant.name} answered the same query differently`);
      }
      const after = await stats();
      const subgraphRequests = (total(after.requests) - total(before.requests)) / COST_SAMPLES;
      return [{ pageSize: null, subgraphRequests, sqlStatements: null, answers: first! }];
    },
    async counters() {
      return { requests: total((await stats()).requests), sqlStatements: null };
    },
    subgraphCpuSeconds: () => subgraphs.cpuSeconds(),
    close: () => subgraphs.stop(),
  };
}
