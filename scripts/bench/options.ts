// Command-line options of `npm run bench`.
import { parseArgs } from 'node:util';
import { ACCORD, parseVariant, STOCK, type Contestant } from './contestants';

export const WORKLOADS = ['public', 'agency'] as const;
export type WorkloadName = (typeof WORKLOADS)[number];

export interface BenchOptions {
  readonly workloads: readonly WorkloadName[];
  readonly contestants: readonly Contestant[];
  readonly compare: boolean;
  readonly rounds: number;
  readonly seconds: number;
  readonly warmupSeconds: number;
  readonly connections: number;
  /** Seed scale of the agency workload. */
  readonly scale: number;
  /** Agency workload page sizes (`first`): SQL statements per operation must not depend on it. */
  readonly pageSizes: readonly number[];
  /** Seconds of one long run of Accord alone, sampling its memory; 0: no such run. */
  readonly soakSeconds: number;
  /** Write a CPU profile of each Accord gateway (node --cpu-prof) into the results folder. */
  readonly profile: boolean;
  /** Write a CPU profile of each agency subgraph process, over all of a workload's rounds. */
  readonly profileSubgraphs: boolean;
  /**
   * Every virtual user is the same caller, with one token: shows what the optional response cache
   * and request sharing do. Not for the targets, which need distinct callers.
   */
  readonly oneCaller: boolean;
  readonly subgraphCpus: string;
  readonly gatewayCpus: string;
  readonly outDir: string;
}

export const USAGE = `usage: npm run bench -- [--compare] [--workload public|agency|all] [--rounds N] [--seconds S]
  [--warmup S] [--connections C] [--scale N] [--page-sizes 5,20] [--variant name:KEY=VALUE,...|name@/checkout]
  [--soak S] [--profile] [--profile-subgraphs] [--one-caller] [--subgraph-cpus 0] [--gateway-cpus 1] [--out bench-results]

  default: Accord alone on both workloads, one round.
  --compare   the stock Apollo Gateway and Accord, alternating rounds (default 5), with ratios.
  --variant   another Accord contestant: with other settings, or from another checkout.
  --soak S    after the rounds, Accord alone for S seconds, sampling RSS and heap every 10 s.
  --profile   a V8 CPU profile of each Accord gateway; --profile-subgraphs: of each agency subgraph.
  --one-caller  every virtual user sends the same token (for the optional cache and request sharing;
              the targets are measured with distinct callers).`;

export class UsageError extends Error {}

function positiveInteger(value: string | undefined, name: string, fallback: number, allowZero = false): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < (allowZero ? 0 : 1)) throw new UsageError(`--${name} must be a ${allowZero ? 'non-negative' : 'positive'} integer (got ${value})`);
  return n;
}

export function parseBenchOptions(argv: readonly string[]): BenchOptions | 'help' {
  let values;
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        compare: { type: 'boolean' },
        workload: { type: 'string' },
        rounds: { type: 'string' },
        seconds: { type: 'string' },
        warmup: { type: 'string' },
        connections: { type: 'string' },
        scale: { type: 'string' },
        'page-sizes': { type: 'string' },
        variant: { type: 'string', multiple: true },
        soak: { type: 'string' },
        profile: { type: 'boolean' },
        'profile-subgraphs': { type: 'boolean' },
        'one-caller': { type: 'boolean' },
        'subgraph-cpus': { type: 'string' },
        'gateway-cpus': { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean' },
      },
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return 'help';
  const workload = values.workload ?? 'all';
  if (workload !== 'all' && !(WORKLOADS as readonly string[]).includes(workload)) {
    throw new UsageError(`--workload must be public, agency or all (got ${workload})`);
  }
  const compare = values.compare ?? false;
  let variants: Contestant[];
  try {
    variants = (values.variant ?? []).map(parseVariant);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const pageSizes = (values['page-sizes'] ?? '5,20').split(',').map((size) => positiveInteger(size, 'page-sizes', 0));
  return {
    workloads: workload === 'all' ? WORKLOADS : [workload as WorkloadName],
    contestants: [...(compare ? [STOCK] : []), ACCORD, ...variants],
    compare,
    rounds: positiveInteger(values.rounds, 'rounds', compare ? 5 : 1),
    seconds: positiveInteger(values.seconds, 'seconds', 15),
    warmupSeconds: positiveInteger(values.warmup, 'warmup', 5, true),
    connections: positiveInteger(values.connections, 'connections', 50),
    scale: positiveInteger(values.scale, 'scale', 5),
    pageSizes,
    soakSeconds: positiveInteger(values.soak, 'soak', 0, true),
    profile: values.profile ?? false,
    profileSubgraphs: values['profile-subgraphs'] ?? false,
    oneCaller: values['one-caller'] ?? false,
    subgraphCpus: values['subgraph-cpus'] ?? '0',
    gatewayCpus: values['gateway-cpus'] ?? '1',
    outDir: values.out ?? 'bench-results',
  };
}
