// npm run bench -- [--compare] [--workload public|agency|all] ...  (see scripts/bench/options.ts)
// Starts the subgraphs on one CPU and each gateway alone on the other, drives load with
// autocannon from the subgraphs' CPU, prints requests/s, latency, peak memory and what each
// operation costs the subgraphs, and writes the figures to bench-results/<timestamp>.json.
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createBenchEnvironment } from './bench/environment';
import { parseBenchOptions, UsageError, USAGE, type BenchOptions, type WorkloadName } from './bench/options';
import { startPublicWorkload } from './bench/public';
import { startAgencyWorkload } from './bench/agency';
import type { WorkloadResult } from './bench/results';
import { runWorkload } from './bench/run-workload';
import { printWorkload } from './bench/summary';
import { loadAverage } from './bench/pinned-process';
import type { BenchEnvironment } from './bench/environment';
import type { Workload } from './bench/workload';

function startWorkload(name: WorkloadName, env: BenchEnvironment, options: BenchOptions): Promise<Workload> {
  return name === 'public' ? startPublicWorkload(env, options) : startAgencyWorkload(env, options);
}

async function main(): Promise<number> {
  let options;
  try {
    options = parseBenchOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  // The load generator shares the subgraphs' CPU; the gateway CPU is the gateway's alone.
  execFileSync('taskset', ['-cp', options.subgraphCpus, String(process.pid)], { stdio: 'ignore' });
  const machine = { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version };
  console.log(
    `bench: ${options.contestants.map((c) => c.name).join(' vs ')}, ${options.rounds} round(s) of ${options.seconds} s, ` +
      `${options.connections} connections; subgraphs and load on CPU ${options.subgraphCpus}, each gateway alone on CPU ${options.gatewayCpus}; ` +
      `${machine.cpus} x ${machine.model}; load avg ${loadAverage()}`,
  );
  const env = await createBenchEnvironment({ subgraphCpus: options.subgraphCpus, gatewayCpus: options.gatewayCpus });
  const results: WorkloadResult[] = [];
  try {
    for (const name of options.workloads) {
      const workload = await startWorkload(name, env, options);
      try {
        console.log(`\n${name} workload: ${workload.description}`);
        const result = await runWorkload(workload, env, options);
        results.push(result);
        printWorkload(result);
      } finally {
        await workload.close();
      }
    }
  } finally {
    await env.close();
  }
  await mkdir(options.outDir, { recursive: true });
  const file = path.join(options.outDir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const { contestants, ...settings } = options;
  await writeFile(file, `${JSON.stringify({ machine, settings, contestants, results }, null, 2)}\n`);
  console.log(`\nfigures written to ${file}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
