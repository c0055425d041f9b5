// GET /ready: whether the gateway can serve, and the state of each subgraph of its supergraph.
// Not ready (503) only without a supergraph. A subgraph that is down does not make the gateway
// unready: it still answers with the other subgraphs' data, and a load balancer that took every
// gateway out of rotation because one agency's subgraph is down would cost every agency. The
// report says `degraded` and which subgraph is down. Probes are shared and cached briefly, so
// that /ready stays cheap however often it is asked.
import type { LoadedSupergraph } from '../supergraph/loaded-supergraph';
import { probeSubgraph, type SubgraphStatus } from './subgraph-probe';

export interface ReadinessOptions {
  /** The supergraph being served; null when there is none. */
  readonly supergraph: () => LoadedSupergraph | null;
  /** Headers for the probes (the gateway's token). */
  readonly headers: () => Promise<Record<string, string>>;
  /** Limit for one probe (default 1000 ms). */
  readonly probeTimeoutMs?: number;
  /** How long a round of probes is reused (default 1500 ms). */
  readonly cacheMs?: number;
}

export interface ReadinessReport {
  readonly ready: boolean;
  readonly details: Record<string, unknown>;
}

interface ProbeRound {
  readonly supergraph: string;
  readonly at: number;
  readonly statuses: Promise<SubgraphStatus[]>;
}

export function createReadiness(options: ReadinessOptions): () => Promise<ReadinessReport> {
  const timeoutMs = options.probeTimeoutMs ?? 1000;
  const cacheMs = options.cacheMs ?? 1500;
  let last: ProbeRound | null = null;

  async function probeAll(loaded: LoadedSupergraph): Promise<SubgraphStatus[]> {
    let headers: Record<string, string>;
    try {
      headers = await options.headers();
    } catch (error) {
      const reason = `the probe could not be signed: ${(error as Error).message}`;
      return loaded.planner.subgraphs.map(({ name, url }) => ({ name, url, state: 'down' as const, reason }));
    }
    return Promise.all(loaded.planner.subgraphs.map((endpoint) => probeSubgraph(endpoint, headers, timeoutMs)));
  }

  return async () => {
    const loaded = options.supergraph();
    if (!loaded) return { ready: false, details: { supergraph: null } };
    const now = Date.now();
    if (!last || last.supergraph !== loaded.id || now - last.at >= cacheMs) {
      last = { supergraph: loaded.id, at: now, statuses: probeAll(loaded) };
    }
    const statuses = await last.statuses;
    const subgraphs = Object.fromEntries(statuses.map(({ name, ...status }) => [name, status]));
    return {
      ready: true,
      details: { supergraph: loaded.id, degraded: statuses.some((s) => s.state === 'down'), subgraphs },
    };
  };
}
