// Requests per second of the plan executor alone (no HTTP server in front), Accord's against
// Apollo Gateway's executeQueryPlan, on the benchmark query, against the memoized benchmark
// subgraphs running in a child process.
//
//   taskset -c 1 npx tsx scripts/bench/public-workload/measure-executor.ts
// env: ROUNDS (3), SECONDS (5), CONCURRENCY (50), WARMUP_SECONDS (3),
//      SUBGRAPH_CPUS (e.g. "0": run the subgraphs under `taskset -c 0`), ONLY (accord | stock)
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import { Executor } from '../../../gateway/execution/executor';
import { emptyStats } from '../../../gateway/execution/stats';
import { createPlanner } from '../../../gateway/planning/planner';
import { composePublicWorkloadSupergraph } from './compose';
import { StockExecutor } from './stock-executor';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const SECONDS = Number(process.env.SECONDS ?? 5);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 50);
const WARMUP_SECONDS = Number(process.env.WARMUP_SECONDS ?? 3);

type Run = () => Promise<unknown>;

function startSubgraphs(): Promise<{ url: string; stop: () => void }> {
  const serve = fileURLToPath(new URL('./serve.ts', import.meta.url));
  const command = [process.execPath, '--import', 'tsx', serve];
  const cpus = process.env.SUBGRAPH_CPUS;
  const [file, ...args] = cpus ? ['taskset', '-c', cpus, ...command] : command;
  const child = spawn(file, args, { env: { ...process.env, PORT: '0', MEMO: '1' }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`subgraphs exited with ${code}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      const url = /(http:\/\/[^/\s]+)\//.exec(chunk.toString())?.[1];
      if (url) resolve({ url, stop: () => child.kill() });
    });
  });
}

/** Keeps `CONCURRENCY` executions in flight for `seconds`; returns completions per second. */
async function load(run: Run, seconds: number): Promise<number> {
  const deadline = performance.now() + seconds * 1000;
  let completed = 0;
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline) {
      await run();
      completed++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return completed / ((performance.now() - started) / 1000);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const subgraphs = await startSubgraphs();
const supergraphSdl = composePublicWorkloadSupergraph(subgraphs.url);
const document = parse(readFileSync(new URL('./test-query.graphql', import.meta.url), 'utf8'));

const planner = createPlanner(supergraphSdl);
const executor = new Executor({
  subgraphs: planner.subgraphs,
  apiSchema: planner.apiGraphQLSchema,
  supergraphSchema: planner.supergraphGraphQLSchema,
});
const prepared = executor.prepare(planner.planOperation(document, null), document, null);
const stock = new StockExecutor(supergraphSdl);
const stockPrepared = stock.prepare(document);

const runs: Record<string, Run> = {
  accord: () => executor.execute(prepared),
  stock: () => stock.execute(stockPrepared),
};

const stats = emptyStats();
const accordOnce = JSON.stringify((await executor.execute(prepared, { stats })).response);
const stockOnce = JSON.stringify(await stock.execute(stockPrepared));
console.log(`responses identical: ${accordOnce === stockOnce} (${accordOnce.length} bytes)`);
console.log(
  `per request: ${stats.subgraphRequests} subgraph requests, ${stats.representations} representations ` +
    `(${stats.representationsBeforeDedupe} before deduplication)`,
);

const names = process.env.ONLY ? [process.env.ONLY] : Object.keys(runs);
for (const name of names) await load(runs[name], WARMUP_SECONDS);
const results: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const name of names) {
    const rate = await load(runs[name], SECONDS);
    results[name].push(rate);
    console.log(`round ${round + 1} ${name}: ${rate.toFixed(1)} req/s`);
  }
}
for (const name of names) console.log(`median ${name}: ${median(results[name]).toFixed(1)} req/s`);
if (results.accord?.length && results.stock?.length) {
  console.log(`ratio accord/stock: ${(median(results.accord) / median(results.stock)).toFixed(2)}x`);
}
executor.close();
subgraphs.stop();
process.exit(0);
