// The gateway's HTTP front: CORS, health, readiness and metrics, then for GraphQL requests a
// request id, the caller's identity (401 on a bad token), the body (size limit), the checks that
// need no parsing (batch size, document size, safelist), the rate limits (429), and Apollo Server
// under a deadline. Requests refused here, before Apollo Server's plugins see them, get their
// audit record here. Every request answered is logged (one JSON line) and counted.
import type { IncomingMessage, ServerResponse } from 'node:http';
import getRawBody from 'raw-body';
import { HeaderMap, type ApolloServer, type HTTPGraphQLRequest } from '@apollo/server';
import type { Caller } from '../identity/caller';
import { IdentityError } from '../identity/identity-error';
import { newRequestAudit, type GatewayContext } from '../gateway-context';
import type { RequestRefusal } from '../audit/build-record';
import { AUDIT_UNAVAILABLE, AUDIT_UNAVAILABLE_MESSAGE, AUDIT_UNAVAILABLE_STATUS } from '../audit/audit-unavailable';
import type { OperationLimits, RateLimitConfig } from '../config/hardening-config';
import { checkDocumentSize } from '../limits/check-limits';
import { bucketsFor, type RateLimiter } from '../limits/rate/rate-limiter';
import type { Safelist } from '../persisted/safelist';
import { NOT_IN_SAFELIST } from '../persisted/safelist';
import { safelistRefusal } from '../persisted/check-safelist';
import type { Logger } from '../observability/logger';
import type { GatewayMetrics } from '../observability/gateway-metrics';
import type { OperationSummaries } from '../observability/operation-summaries';
import { summarizeOperations } from '../observability/summarize-operations';
import type { OperationSummary, RequestSummary } from '../observability/request-summary';
import { requestIdFrom } from './request-id';
import { sendError, sendJson } from './json-response';
import { applyCors } from './cors';
import { clientAddress } from './client-address';
import { operationRequests } from './graphql-requests';
import { REQUEST_TIMEOUT, RequestTimedOut } from './request-timeout';

export interface GatewayHttpOptions {
  readonly apollo: ApolloServer<GatewayContext>;
  /** Verifies the Authorization header: the caller, null for anonymous; throws IdentityError. */
  readonly identify: (authorization: string | undefined) => Promise<Caller | null>;
  /** Readiness report for GET /ready: ready, plus details. */
  readonly readiness: () => Promise<{ ready: boolean; details: Record<string, unknown> }>;
  readonly maxBodyBytes: number;
  /** Writes the audit record of a refused request; resolves once it is durable, rejects if it cannot be written. */
  readonly recordRefusal: (refusal: RequestRefusal) => Promise<void>;
  /** The document size limit is checked here, on the text, before anything parses it. */
  readonly limits: OperationLimits;
  /** Batches (JSON arrays) pass to Apollo Server only when enabled, and only this long. */
  readonly batching: { readonly enabled: boolean; readonly maxBatchSize: number };
  readonly corsOrigins: readonly string[];
  /** Safelist mode: only the manifest's operations may run. */
  readonly safelist: Safelist | null;
  readonly rateLimit: { readonly limiter: RateLimiter; readonly settings: RateLimitConfig } | null;
  readonly trustProxy: boolean;
  readonly requestTimeoutMs: number;
  readonly logger: Logger;
  readonly operations: OperationSummaries;
  /** Counts requests; serves GET /metrics when `serveMetrics`. */
  readonly metrics: GatewayMetrics | null;
  readonly serveMetrics: boolean;
  /** True once shutdown began: answers then close their connection. */
  readonly draining: () => boolean;
}

const GRAPHQL_PATHS = new Set(['/', '/graphql']);
/** application/json and its +json variants: other bodies are not read as operations. */
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

/** The error codes of a JSON error response, for the audit record of a request Apollo Server refused. */
function errorCodesOf(body: string): string[] {
  try {
    const parsed = JSON.parse(body) as { errors?: Array<{ extensions?: { code?: unknown } }> };
    const errors = parsed.errors ?? [];
    return [...new Set(errors.map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : 'BAD_REQUEST')))];
  } catch {
    return ['BAD_REQUEST'];
  }
}

/** A refusal: status, code, message, and what the client needs besides (limits, Retry-After). */
interface Refusal {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly headers?: Record<string, string>;
  readonly extensions?: Record<string, unknown>;
}

/** What the log line and the metrics need of a GraphQL request once answered. */
type HandledRequest = OperationSummary & { readonly caller: Caller | null };

function refused(caller: Caller | null, code: string): HandledRequest {
  return { caller, operationName: null, operationType: null, outcome: 'refused', errorCodes: [code] };
}

export function createGatewayHttpHandler(options: GatewayHttpOptions) {
  const corsOrigins = new Set(options.corsOrigins);

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string): Promise<HandledRequest> {
    const method = req.method ?? 'GET';

    /** Records the refusal; true once it is durable. Otherwise answers AUDIT_UNAVAILABLE (fail closed) and returns false. */
    async function recorded(caller: Caller | null, status: number, errorCodes: readonly string[]): Promise<boolean> {
      try {
        await options.recordRefusal({ requestId, caller, status, errorCodes });
        return true;
      } catch {
        // The sink has reported the cause; the client learns only that the request was not served.
        sendError(res, AUDIT_UNAVAILABLE_STATUS, AUDIT_UNAVAILABLE, AUDIT_UNAVAILABLE_MESSAGE);
        return false;
      }
    }

    async function refuse(caller: Caller | null, refusal: Refusal): Promise<HandledRequest> {
      if (!(await recorded(caller, refusal.status, [refusal.code]))) return refused(caller, AUDIT_UNAVAILABLE);
      sendError(res, refusal.status, refusal.code, refusal.message, refusal.headers, refusal.extensions);
      return refused(caller, refusal.code);
    }

    /** Takes from the caller's buckets (the client address's for anyone unverified); the refusal if one is empty. */
    async function rateLimited(caller: Caller | null, cost: number): Promise<Refusal | null> {
      if (!options.rateLimit) return null;
      const { limiter, settings } = options.rateLimit;
      const decision = await limiter.take(bucketsFor(caller, clientAddress(req, options.trustProxy), settings), cost);
      if (decision.allowed) return null;
      return {
        status: 429,
        code: 'RATE_LIMITED',
        message: `Too many requests for this ${decision.bucket}; retry in ${decision.retryAfterSeconds} s`,
        headers: { 'retry-after': String(decision.retryAfterSeconds) },
        extensions: { retryAfterSeconds: decision.retryAfterSeconds },
      };
    }

    let caller: Caller | null;
    try {
      caller = await options.identify(req.headers.authorization);
    } catch (error) {
      if (!(error instanceof IdentityError)) throw error;
      // Refused tokens count against the client address, so guessing tokens is rate limited too.
      const limited = await rateLimited(null, 1);
      if (limited) return refuse(null, limited);
      const headers: Record<string, string> = {};
      if (error.wwwAuthenticate) headers['www-authenticate'] = error.wwwAuthenticate;
      return refuse(null, { status: error.status, code: error.code, message: error.message, headers });
    }

    let body: unknown;
    if (method === 'POST') {
      let raw: Buffer;
      try {
        raw = await getRawBody(req, { limit: options.maxBodyBytes, length: req.headers['content-length'] });
      } catch (error) {
        const tooLarge = (error as { type?: string }).type === 'entity.too.large';
        return refuse(
          caller,
          tooLarge
            ? { status: 413, code: 'BODY_TOO_LARGE', message: `Request body is larger than ${options.maxBodyBytes} bytes`, extensions: { limit: options.maxBodyBytes } }
            : { status: 400, code: 'BAD_REQUEST', message: 'Request body could not be read' },
        );
      }
      // Any other content type reaches Apollo Server without a body: its CSRF check or its
      // missing-body error answers it.
      if (raw.length > 0 && JSON_MEDIA_TYPE.test(req.headers['content-type'] ?? '')) {
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          return refuse(caller, { status: 400, code: 'BAD_REQUEST', message: 'Request body is not valid JSON' });
        }
      }
    }

    const requests = operationRequests(method, body, url.searchParams);
    if (options.batching.enabled && requests.length > options.batching.maxBatchSize) {
      return refuse(caller, {
        status: 400,
        code: 'BATCH_TOO_LARGE',
        message: `A batch may hold at most ${options.batching.maxBatchSize} operations`,
        extensions: { measured: requests.length, limit: options.batching.maxBatchSize },
      });
    }
    for (const request of requests) {
      const tooLarge = request.query === undefined ? null : checkDocumentSize(request.query, options.limits);
      if (tooLarge) {
        return refuse(caller, { status: 400, code: String(tooLarge.extensions.code), message: tooLarge.message, extensions: { measured: tooLarge.extensions.measured, limit: tooLarge.extensions.limit } });
      }
      const notAllowed = options.safelist && safelistRefusal(options.safelist, request);
      if (notAllowed) return refuse(caller, { status: 400, code: NOT_IN_SAFELIST, message: notAllowed });
    }
    const limited = await rateLimited(caller, Math.max(1, requests.length));
    if (limited) return refuse(caller, limited);

    // Subgraph calls stop when the client goes away or the deadline passes.
    const abort = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) abort.abort();
    });
    const deadline = setTimeout(() => abort.abort(new RequestTimedOut(options.requestTimeoutMs)), options.requestTimeoutMs);
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const request: HTTPGraphQLRequest = { method, headers, search: url.search, body };
    const context: GatewayContext = { caller, requestId, signal: abort.signal, audit: newRequestAudit() };
    let response;
    try {
      response = await options.apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: request, context: async () => context });
    } finally {
      clearTimeout(deadline);
    }
    const status = response.status ?? 200;
    let summary = summarizeOperations(options.operations.of(context));
    // Apollo Server refused the request before its plugins ran (malformed request, CSRF check, ...).
    // A landing page (200) is not an operation and leaves no record.
    if (!context.audit.recorded && status >= 400) {
      context.audit.recorded = true;
      const codes = response.body.kind === 'complete' ? errorCodesOf(response.body.string) : ['BAD_REQUEST'];
      if (!(await recorded(caller, status, codes))) return refused(caller, AUDIT_UNAVAILABLE);
      summary = { ...summary, outcome: 'refused', errorCodes: codes };
    }
    if (abort.signal.reason instanceof RequestTimedOut) summary = { ...summary, errorCodes: [...summary.errorCodes, REQUEST_TIMEOUT] };
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = status;
    if (response.body.kind === 'complete') {
      // Encoded once: given the string, Node would scan it for its length and then encode it.
      const encoded = Buffer.from(response.body.string, 'utf8');
      res.setHeader('content-length', encoded.length);
      res.end(encoded);
    } else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
    return { caller, ...summary };
  }

  function report(summary: RequestSummary): void {
    options.metrics?.observeRequest(summary);
    options.logger.info(summary, 'request');
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    const started = process.hrtime.bigint();
    const url = new URL(req.url ?? '/', 'http://gateway');
    const requestId = requestIdFrom(req.headers['x-request-id']);
    // Every answer names its request, whatever path it takes.
    res.setHeader('x-request-id', requestId);
    if (options.draining()) res.setHeader('connection', 'close');
    const work = (async () => {
      if (applyCors(req, res, corsOrigins)) return;
      if (req.method === 'GET' && url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
      if (req.method === 'GET' && url.pathname === '/ready') {
        const { ready, details } = await options.readiness();
        return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', ...details });
      }
      if (req.method === 'GET' && url.pathname === '/metrics' && options.serveMetrics && options.metrics) {
        res.writeHead(200, { 'content-type': options.metrics.registry.contentType });
        res.end(await options.metrics.registry.metrics());
        return;
      }
      if (!GRAPHQL_PATHS.has(url.pathname)) return sendError(res, 404, 'NOT_FOUND', `No route ${url.pathname}`);
      const { caller, ...outcome } = await handleGraphQL(req, res, url, requestId);
      report({
        requestId,
        subject: caller?.subject ?? null,
        agency: caller?.agency ?? null,
        method: req.method ?? 'GET',
        ...outcome,
        status: res.statusCode,
        durationMs: Number(process.hrtime.bigint() - started) / 1e6,
      });
    })();
    work.catch((error: unknown) => {
      options.logger.error({ requestId, err: error }, 'request failed');
      if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      else res.destroy();
    });
  };
}
