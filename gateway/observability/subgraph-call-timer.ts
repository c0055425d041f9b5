// Times the gateway's calls to its subgraphs from outside the executor, through Node's HTTP
// client diagnostics channels: a request to a known subgraph URL starts a clock, its response
// (or its error) stops it. Requests to other addresses are ignored.
import diagnostics from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';

/** The subgraph a URL (protocol, host, port, path) belongs to, or undefined. */
export type SubgraphOfUrl = (url: string) => string | undefined;

export type SubgraphCallObserver = (subgraph: string, outcome: 'ok' | 'error', seconds: number) => void;

function endpointKey(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}${parsed.search}`;
}

type SubgraphList = ReadonlyArray<{ readonly name: string; readonly url: string }>;

/**
 * Looks the subgraph up by URL in whichever list is current (it changes with the supergraph);
 * each list's URLs are parsed once, not on every call.
 */
export function subgraphOfUrlIn(currentSubgraphs: () => SubgraphList): SubgraphOfUrl {
  const byList = new WeakMap<SubgraphList, Map<string, string>>();
  return (url) => {
    const subgraphs = currentSubgraphs();
    let byKey = byList.get(subgraphs);
    if (!byKey) {
      byKey = new Map(subgraphs.map((subgraph) => [endpointKey(subgraph.url), subgraph.name]));
      byList.set(subgraphs, byKey);
    }
    return byKey.get(url);
  };
}

function requestKey(request: ClientRequest): string {
  return `${request.protocol}//${String(request.getHeader('host'))}${request.path}`;
}

/** Starts timing; returns the function that stops it. */
export function timeSubgraphCalls(subgraphOf: SubgraphOfUrl, observe: SubgraphCallObserver): () => void {
  const started = new WeakMap<ClientRequest, { subgraph: string; at: bigint }>();
  const onStart = (message: unknown) => {
    const { request } = message as { request: ClientRequest };
    const subgraph = subgraphOf(requestKey(request));
    if (subgraph) started.set(request, { subgraph, at: process.hrtime.bigint() });
  };
  const stop = (request: ClientRequest, outcome: 'ok' | 'error') => {
    const call = started.get(request);
    if (!call) return;
    started.delete(request);
    observe(call.subgraph, outcome, Number(process.hrtime.bigint() - call.at) / 1e9);
  };
  const onResponse = (message: unknown) => {
    const { request, response } = message as { request: ClientRequest; response: IncomingMessage };
    stop(request, (response.statusCode ?? 500) < 400 ? 'ok' : 'error');
  };
  const onError = (message: unknown) => stop((message as { request: ClientRequest }).request, 'error');
  diagnostics.subscribe('http.client.request.start', onStart);
  diagnostics.subscribe('http.client.response.finish', onResponse);
  diagnostics.subscribe('http.client.request.error', onError);
  return () => {
    diagnostics.unsubscribe('http.client.request.start', onStart);
    diagnostics.unsubscribe('http.client.response.finish', onResponse);
    diagnostics.unsubscribe('http.client.request.error', onError);
  };
}
