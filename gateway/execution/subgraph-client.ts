// A lean HTTP client for subgraph calls: node:http(s) with a keep-alive agent per subgraph, the
// body sent as one prepared string, and every outcome (answer, refused connection, timeout,
// abort) reported as a value rather than thrown.
import http from 'node:http';
import https from 'node:https';
import type { SubgraphFailureCode } from './errors';

export interface SubgraphCallOptions {
  /** Extra request headers (the gateway's own token, tracing). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Whole-exchange limit, from sending to the last byte of the answer. */
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /**
   * Send again once when a reused keep-alive connection turns out closed by the subgraph before
   * it answered (Node's documented race). Only for requests that are safe to repeat (queries).
   */
  readonly retryStaleConnection: boolean;
}

export type SubgraphCallResult =
  | { readonly ok: true; readonly status: number; readonly body: string }
  | { readonly ok: false; readonly code: Exclude<SubgraphFailureCode, 'SUBGRAPH_BAD_RESPONSE'>; readonly message: string };

export interface SubgraphClientOptions {
  /** Sockets per subgraph (default 256). */
  readonly maxSockets?: number;
}

const STALE_CONNECTION_CODES = new Set(['ECONNRESET', 'EPIPE']);

export class SubgraphClient {
  private readonly agent: http.Agent;
  private readonly request: typeof http.request;
  private readonly target: { hostname: string; port: string; path: string };

  constructor(
    readonly serviceName: string,
    readonly url: string,
    options: SubgraphClientOptions = {},
  ) {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new Error(`Subgraph "${serviceName}" has an unsupported URL: ${url}`);
    }
    const secure = parsed.protocol === 'https:';
    const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 256, scheduling: 'lifo' as const };
    this.agent = secure ? new https.Agent(agentOptions) : new http.Agent(agentOptions);
    this.request = secure ? https.request : http.request;
    this.target = {
      hostname: parsed.hostname.replace(/^\[|\]$/g, ''),
      port: parsed.port,
      path: `${parsed.pathname}${parsed.search}`,
    };
  }

  post(body: string, options: SubgraphCallOptions): Promise<SubgraphCallResult> {
    return new Promise((resolve) => {
      const { signal } = options;
      let settled = false;
      let current: http.ClientRequest | null = null;
      const finish = (result: SubgraphCallResult): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        current?.destroy();
        resolve(result);
      };
      const onAbort = (): void =>
        finish({ ok: false, code: 'SUBGRAPH_UNAVAILABLE', message: `Request to subgraph "${this.serviceName}" was aborted` });
      const timer = setTimeout(
        () =>
          finish({
            ok: false,
            code: 'SUBGRAPH_TIMEOUT',
            message: `Subgraph "${this.serviceName}" did not answer within ${options.timeoutMs} ms`,
          }),
        options.timeoutMs,
      );
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });

      const send = (retriesLeft: number): void => {
        let answered = false;
        const req = this.request({
          ...this.target,
          method: 'POST',
          agent: this.agent,
          headers: {
            ...options.headers,
            'content-type': 'application/json',
            accept: 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        });
        current = req;
        req.on('response', (res) => {
          answered = true;
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            if (settled) return;
            current = null;
            const data = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
            finish({ ok: true, status: res.statusCode ?? 0, body: data.toString('utf8') });
          });
          res.on('close', () => {
            if (!res.complete) this.unavailable(finish, 'the connection closed before the answer was complete');
          });
        });
        req.on('error', (error: NodeJS.ErrnoException) => {
          if (settled) return;
          const stale = req.reusedSocket && !answered && STALE_CONNECTION_CODES.has(error.code ?? '');
          if (stale && options.retryStaleConnection && retriesLeft > 0) return send(retriesLeft - 1);
          this.unavailable(finish, error.code ?? error.message);
        });
        req.end(body);
      };
      send(1);
    });
  }

  private unavailable(finish: (result: SubgraphCallResult) => void, reason: string): void {
    finish({ ok: false, code: 'SUBGRAPH_UNAVAILABLE', message: `Subgraph "${this.serviceName}" is unavailable (${reason})` });
  }

  /** Closes idle connections; requests in flight finish or fail on their own. */
  close(): void {
    this.agent.destroy();
  }
}
