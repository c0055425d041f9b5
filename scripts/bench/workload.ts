// What a benchmark workload provides to the runner: how to start each gateway against its
// subgraphs, what the virtual users send, and the subgraphs' counters.
import type { Contestant } from './contestants';
import type { LoadRequest, TokenChoice } from './load';

export interface GatewayLaunch {
  /** Entry point, relative to the contestant's checkout. */
  readonly entry: string;
  /** Options for node itself. */
  readonly nodeOptions: readonly string[];
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  /** The GraphQL endpoint. */
  readonly url: string;
}

export interface LoadPlan {
  readonly requests: readonly LoadRequest[];
  readonly tokens: TokenChoice;
  /** The header the token goes in (default: Authorization, as a Bearer token). */
  readonly tokenHeader?: string;
  /** Tokens handed out twice so far (a pool that ran out): 0 in a valid run. */
  tokensReused(): number;
}

export interface SubgraphCounters {
  readonly requests: number;
  /** SQL statements, where the subgraphs have a database. */
  readonly sqlStatements: number | null;
}

export interface OperationCosts {
  /** The page size (`first`) of the operations measured, where the workload has one. */
  readonly pageSize: number | null;
  /** Per operation, measured one operation at a time (exact). */
  readonly subgraphRequests: number;
  readonly sqlStatements: number | null;
  /** The data of the answers, for comparing gateways with each other. */
  readonly answers: string;
}

export interface Workload {
  readonly name: string;
  /** One line: what is sent, to what. */
  readonly description: string;
  /** How to start `contestant` on `port`. */
  launch(contestant: Contestant, port: number): GatewayLaunch;
  /** What the virtual users send to `contestant` in the next run of `seconds` (fresh tokens each run). */
  prepareLoad(contestant: Contestant, seconds: number): Promise<LoadPlan>;
  /** Sends operations one at a time through the gateway at `url`, checks the answers, and returns the cost per operation. */
  measureCosts(contestant: Contestant, url: string): Promise<OperationCosts[]>;
  counters(): Promise<SubgraphCounters>;
  /** CPU time the subgraph processes used so far, in seconds (to tell when they, not the gateway, are the bottleneck). */
  subgraphCpuSeconds(): number;
  close(): Promise<void>;
}

/** POSTs one GraphQL request; throws unless it is answered 200 without errors. */
export async function postChecked(url: string, body: string, headers: Record<string, string>): Promise<Record<string, unknown>> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  let parsed: { data?: Record<string, unknown>; errors?: unknown[] };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    throw new Error(`${url} answered ${response.status} with something that is not JSON: ${text.slice(0, 300)}`);
  }
  if (response.status !== 200 || parsed.errors?.length || !parsed.data) {
    throw new Error(`${url} answered ${response.status}: ${text.slice(0, 600)}`);
  }
  return parsed.data;
}
