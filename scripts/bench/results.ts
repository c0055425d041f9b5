// What a benchmark run measures: per round, per contestant (medians) and as ratios to the stock
// gateway; written to the results JSON as they are.
import type { LoadResult } from './load';
import type { OperationCosts } from './workload';

export interface RoundResult {
  readonly round: number;
  readonly contestant: string;
  readonly load: LoadResult;
  readonly peakRssBytes: number;
  readonly gatewayCpuSeconds: number;
  /** CPU time of all subgraph processes together during the round. */
  readonly subgraphCpuSeconds: number;
  readonly subgraphRequestsPerOperation: number;
  readonly sqlStatementsPerOperation: number | null;
  readonly tokensReused: number;
  /** 1, 5 and 15 minute load averages at the end of the round. */
  readonly loadAverage: string;
}

export interface SoakSample {
  readonly seconds: number;
  readonly rss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
}

export interface WorkloadResult {
  readonly workload: string;
  readonly description: string;
  readonly costs: ReadonlyArray<OperationCosts & { contestant: string }>;
  /** Contestants whose answers differ from the first contestant's (should be empty). */
  readonly differingAnswers: readonly string[];
  readonly rounds: readonly RoundResult[];
  readonly summary: readonly ContestantSummary[];
  readonly ratios: readonly Ratio[];
  readonly soak: { readonly load: LoadResult; readonly samples: readonly SoakSample[] } | null;
}

export interface ContestantSummary {
  readonly name: string;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly peakRssMb: number;
  /** Requests served per second of the gateway's own CPU time. */
  readonly requestsPerCpuSecond: number;
}

export interface Ratio {
  readonly name: string;
  /** contestant / stock, per round, then the median. */
  readonly requestsPerSecond: readonly number[];
  readonly p99: readonly number[];
  readonly medianRequestsPerSecond: number;
  readonly medianP99: number;
}
