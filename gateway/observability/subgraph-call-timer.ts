// Times the gateway's calls to its subgraphs from outside the executor, through the diagnostics
// channels of its HTTP client (undici): a request to a known subgraph URL starts a clock, the end
// of its response (or its error) stops it. Requests to other addresses are ignored.
import diagnostics from 'node:diagnostics_channel';

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

/** What the timer reads of undici's request object. */
interface UndiciRequest {
  readonly origin: string | URL;
  readonly path: string;
}

function requestKey(request: UndiciRequest): string {
  return `${String(request.origin)}${request.path}`;
}

const CHANNELS = {
  start: 'undici:request:create',
  headers: 'undici:request:headers',
  end: 'undici:request:trailers',
  error: 'undici:request:error',
} as const;

/** Starts timing; returns the function that stops it. */
export function timeSubgraphCalls(subgraphOf: SubgraphOfUrl, observe: SubgraphCallObserver): () => void {
  const started = new WeakMap<UndiciRequest, { subgraph: string; at: bigint; status: number }>();
  const onStart = (message: unknown) => {
    const { request } = message as { request: UndiciRequest };
    const subgraph = subgraphOf(requestKey(request));
    if (subgraph) started.set(request, { subgraph, at: process.hrtime.bigint(), status: 0 });
  };
  const onHeaders = (message: unknown) => {
    const { request, response } = message as { request: UndiciRequest; response: { statusCode: number } };
    const call = started.get(request);
    if (call) call.status = response.statusCode;
  };
  const stop = (request: UndiciRequest, failed: boolean) => {
    const call = started.get(request);
    if (!call) return;
    started.delete(request);
    const outcome = !failed && call.status > 0 && call.status < 400 ? 'ok' : 'error';
    observe(call.subgraph, outcome, Number(process.hrtime.bigint() - call.at) / 1e9);
  };
  const onEnd = (message: unknown) => stop((message as { request: UndiciRequest }).request, false);
  const onError = (message: unknown) => stop((message as { request: UndiciRequest }).request, true);
  diagnostics.subscribe(CHANNELS.start, onStart);
  diagnostics.subscribe(CHANNELS.headers, onHeaders);
  diagnostics.subscribe(CHANNELS.end, onEnd);
  diagnostics.subscribe(CHANNELS.error, onError);
  return () => {
    diagnostics.unsubscribe(CHANNELS.start, onStart);
    diagnostics.unsubscribe(CHANNELS.headers, onHeaders);
    diagnostics.unsubscribe(CHANNELS.end, onEnd);
    diagnostics.unsubscribe(CHANNELS.error, onError);
  };
}
