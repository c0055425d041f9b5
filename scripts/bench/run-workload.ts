// One workload of a benchmark run: starts each contestant's gateway alone on the gateway CPU,
// checks and measures what one operation costs the subgraphs, warms up, then runs alternating
// rounds (the starting contestant rotates each round) at a fixed concurrency.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from '../../gateway/config/data-dir';
import type { Contestant } from './contestants';
import type { BenchEnvironment } from './environment';
import { runLoad } from './load';
import type { BenchOptions } from './options';
import { answers, loadAverage, sampleRss, startPinned, waitUntilReady, type PinnedProcess } from './pinned-process';
import type { RoundResult, SoakSample, WorkloadResult } from './results';
import { ratiosToStock, summarize } from './summary';
import type { OperationCosts, Workload } from './workload';

interface RunningGateway {
  readonly contestant: Contestant;
  readonly process: PinnedProcess;
  readonly url: string;
}

async function startGateway(workload: Workload, env: BenchEnvironment, options: BenchOptions, contestant: Contestant, memoryFile?: string): Promise<RunningGateway> {
  const launch = workload.launch(contestant, await env.freePort());
  // Node names each thread's profile CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile; the main thread is thread 0.
  const profileDir = path.resolve(options.outDir, 'profiles', `${workload.name}-${contestant.name}-${Date.now()}`);
  if (options.profile) await mkdir(profileDir, { recursive: true });
  const nodeOptions = [
    ...launch.nodeOptions,
    ...(options.profile && contestant.kind === 'accord' ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []),
  ];
  const process = startPinned({
    name: `${contestant.name} gateway`,
    cpus: env.gatewayCpus,
    entry: path.join(contestant.root, launch.entry),
    args: launch.args,
    env: { ...launch.env, ...(memoryFile ? { BENCH_MEMORY_FILE: memoryFile } : {}) },
    nodeOptions,
    cwd: contestant.root,
    preload: memoryFile ? path.join(REPO_ROOT, 'scripts/bench/heap-sampler.ts') : undefined,
  });
  const probe = contestant.kind === 'stock' ? () => answers(launch.url, { query: '{ __typename }' }) : () => answers(launch.url.replace(/\/graphql$/, '/health'));
  await waitUntilReady(process, probe);
  return { contestant, process, url: launch.url };
}

async function runRound(workload: Workload, options: BenchOptions, gateway: RunningGateway, round: number, seconds: number): Promise<RoundResult> {
  const plan = await workload.prepareLoad(gateway.contestant, seconds);
  const countersBefore = await workload.counters();
  const cpuBefore = gateway.process.cpuSeconds();
  const subgraphCpuBefore = workload.subgraphCpuSeconds();
  const rss = sampleRss(gateway.process.pid);
  const load = await runLoad({ url: gateway.url, connections: options.connections, seconds, requests: plan.requests, tokens: plan.tokens, tokenHeader: plan.tokenHeader });
  const peakRssBytes = rss.stop();
  const gatewayCpuSeconds = gateway.process.cpuSeconds() - cpuBefore;
  const subgraphCpuSeconds = workload.subgraphCpuSeconds() - subgraphCpuBefore;
  const countersAfter = await workload.counters();
  const operations = Math.max(load.requests, 1);
  return {
    round,
    contestant: gateway.contestant.name,
    load,
    peakRssBytes,
    gatewayCpuSeconds,
    subgraphCpuSeconds,
    subgraphRequestsPerOperation: (countersAfter.requests - countersBefore.requests) / operations,
    sqlStatementsPerOperation:
      countersAfter.sqlStatements === null || countersBefore.sqlStatements === null ? null : (countersAfter.sqlStatements - countersBefore.sqlStatements) / operations,
    tokensReused: plan.tokensReused(),
    loadAverage: loadAverage(),
  };
}

async function soak(workload: Workload, env: BenchEnvironment, options: BenchOptions, contestant: Contestant): Promise<WorkloadResult['soak']> {
  const memoryFile = path.join(env.dir, `memory-${workload.name}.jsonl`);
  const gateway = await startGateway(workload, env, { ...options, profile: false }, contestant, memoryFile);
  try {
    console.log(`   soak: ${contestant.name} alone for ${options.soakSeconds} s, memory sampled every 10 s`);
    const result = await runRound(workload, options, gateway, 0, options.soakSeconds);
    const samples = (await readFile(memoryFile, 'utf8'))
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as SoakSample);
    return { load: result.load, samples };
  } finally {
    await gateway.process.stop();
  }
}

export async function runWorkload(workload: Workload, env: BenchEnvironment, options: BenchOptions): Promise<WorkloadResult> {
  const gateways: RunningGateway[] = [];
  try {
    for (const contestant of options.contestants) gateways.push(await startGateway(workload, env, options, contestant));
    const costs: Array<OperationCosts & { contestant: string }> = [];
    for (const gateway of gateways) {
      for (const cost of await workload.measureCosts(gateway.contestant, gateway.url)) costs.push({ ...cost, contestant: gateway.contestant.name });
    }
    const reference = costs[0]!;
    const differingAnswers = [...new Set(costs.filter((c) => c.pageSize === reference.pageSize && c.answers !== reference.answers).map((c) => c.contestant))];
    if (options.warmupSeconds > 0) {
      for (const gateway of gateways) await runRound(workload, options, gateway, 0, options.warmupSeconds);
    }
    const rounds: RoundResult[] = [];
    for (let round = 1; round <= options.rounds; round++) {
      for (let i = 0; i < gateways.length; i++) {
        const gateway = gateways[(i + round - 1) % gateways.length]!;
        const result = await runRound(workload, options, gateway, round, options.seconds);
        rounds.push(result);
        console.log(`   round ${round} ${gateway.contestant.name}: ${result.load.requestsPerSecond.toFixed(1)} req/s, p99 ${result.load.p99Ms.toFixed(1)} ms (load avg ${result.loadAverage})`);
      }
    }
    const names = options.contestants.map((c) => c.name);
    for (const gateway of gateways.splice(0)) await gateway.process.stop();
    const accord = options.contestants.find((c) => c.name === 'accord')!;
    return {
      workload: workload.name,
      description: workload.description,
      costs: costs.map(({ answers: _answers, ...rest }) => ({ ...rest, answers: `${_answers.length} bytes` })),
      differingAnswers,
      rounds,
      summary: summarize(rounds, names),
      ratios: ratiosToStock(rounds, names),
      soak: options.soakSeconds > 0 ? await soak(workload, env, options, accord) : null,
    };
  } finally {
    for (const gateway of gateways) await gateway.process.stop();
  }
}
