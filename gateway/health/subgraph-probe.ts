// Is a subgraph answering? The probe is the smallest GraphQL request (`{ __typename }`) sent
// where and as the gateway sends its fetches (same URL, the gateway's token), so it also fails
// when the subgraph refuses the gateway's token, and it works for any federation subgraph.
import type { SubgraphEndpoint } from '../planning/subgraph-list';

export type SubgraphState = 'up' | 'down';

export interface SubgraphStatus {
  readonly name: string;
  readonly url: string;
  readonly state: SubgraphState;
  /** Why it counts as down. */
  readonly reason?: string;
}

const PROBE_BODY = JSON.stringify({ query: '{ __typename }' });

function down(endpoint: SubgraphEndpoint, reason: string): SubgraphStatus {
  return { name: endpoint.name, url: endpoint.url, state: 'down', reason };
}

export async function probeSubgraph(
  endpoint: SubgraphEndpoint,
  headers: Readonly<Record<string, string>>,
  timeoutMs: number,
): Promise<SubgraphStatus> {
  let response: Response;
  let body: unknown;
  try {
    response = await fetch(endpoint.url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', accept: 'application/json' },
      body: PROBE_BODY,
      signal: AbortSignal.timeout(timeoutMs),
    });
    body = await response.json().catch(() => null);
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError') return down(endpoint, `no answer within ${timeoutMs} ms`);
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return down(endpoint, cause?.code ?? cause?.message ?? (error as Error).message);
  }
  const typename = (body as { data?: { __typename?: unknown } } | null)?.data?.__typename;
  if (response.ok && typeof typename === 'string') return { name: endpoint.name, url: endpoint.url, state: 'up' };
  const code = (body as { errors?: Array<{ extensions?: { code?: unknown } }> } | null)?.errors?.[0]?.extensions?.code;
  return down(endpoint, `HTTP ${response.status}${typeof code === 'string' ? ` ${code}` : ''}`);
}
