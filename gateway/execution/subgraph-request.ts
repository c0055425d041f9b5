// Sends one request for a fetch and turns the answer into a GraphQL response, or records the
// one error that says why there is none.
import type { CompiledFetch } from './compiled-plan';
import { subgraphFailure, type SubgraphErrorBody } from './errors';
import type { FetchContext } from './fetch-context';
import { decodeSubgraphResponse } from './subgraph-response';

export interface SubgraphAnswer {
  readonly data: Record<string, unknown> | null;
  readonly errors: readonly SubgraphErrorBody[] | null;
}

/** The variables a fetch uses, as JSON text, among those the client gave. */
export function variablesJson(fetch: CompiledFetch, given: Readonly<Record<string, unknown>>): string {
  if (fetch.variableUsages.length === 0) return '{}';
  const picked: Record<string, unknown> = {};
  for (const name of fetch.variableUsages) {
    if (Object.prototype.hasOwnProperty.call(given, name) && given[name] !== undefined) picked[name] = given[name];
  }
  return JSON.stringify(picked);
}

/** Null when the request failed; the failure is then in `context.errors`. */
export async function sendFetch(context: FetchContext, fetch: CompiledFetch, variables: string): Promise<SubgraphAnswer | null> {
  const client = context.clients.get(fetch.serviceName);
  if (!client) {
    context.errors.push(subgraphFailure('SUBGRAPH_UNAVAILABLE', fetch.serviceName, `Unknown subgraph "${fetch.serviceName}"`));
    return null;
  }
  if (context.stats) context.stats.subgraphRequests++;
  const answer = await client.post(`${fetch.bodyHead}${variables}}`, {
    headers: context.headersFor?.(fetch.serviceName),
    timeoutMs: context.timeoutMs,
    signal: context.signal,
    retryStaleConnection: fetch.repeatable,
  });
  if (!answer.ok) {
    context.errors.push(subgraphFailure(answer.code, fetch.serviceName, answer.message));
    return null;
  }
  const decoded = decodeSubgraphResponse(fetch.serviceName, answer.status, answer.body);
  if (!decoded.ok) {
    context.errors.push(subgraphFailure('SUBGRAPH_BAD_RESPONSE', fetch.serviceName, decoded.message));
    return null;
  }
  if (decoded.classification) context.markings.add(decoded.classification);
  return decoded;
}
