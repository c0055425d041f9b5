// The gateway's HTTP front: health and readiness, then for GraphQL requests a request id,
// the caller's identity (401 on a bad token), the body, and Apollo Server. Requests refused here,
// before Apollo Server's plugins see them, get their audit record here.
import type { IncomingMessage, ServerResponse } from 'node:http';
import getRawBody from 'raw-body';
import { HeaderMap, type ApolloServer, type HTTPGraphQLRequest } from '@apollo/server';
import type { Caller } from '../identity/caller';
import { IdentityError } from '../identity/identity-error';
import { newRequestAudit, type GatewayContext } from '../gateway-context';
import type { RequestRefusal } from '../audit/build-record';
import { AUDIT_UNAVAILABLE, AUDIT_UNAVAILABLE_MESSAGE, AUDIT_UNAVAILABLE_STATUS } from '../audit/audit-unavailable';
import { requestIdFrom } from './request-id';
import { sendError, sendJson } from './json-response';

export interface GatewayHttpOptions {
  readonly apollo: ApolloServer<GatewayContext>;
  /** Verifies the Authorization header: the caller, null for anonymous; throws IdentityError. */
  readonly identify: (authorization: string | undefined) => Promise<Caller | null>;
  /** Readiness report for GET /ready: ready, plus details. */
  readonly readiness: () => Promise<{ ready: boolean; details: Record<string, unknown> }>;
  readonly maxBodyBytes: number;
  /** Writes the audit record of a refused request; resolves once it is durable, rejects if it cannot be written. */
  readonly recordRefusal: (refusal: RequestRefusal) => Promise<void>;
}

const GRAPHQL_PATHS = new Set(['/', '/graphql']);

/** The error codes of a JSON error response, for the audit record of a request Apollo Server refused. */
function errorCodesOf(body: string): string[] {
  try {
    const errors = (JSON.parse(body) as { errors?: Array<{ extensions?: { code?: unknown } }> }).errors ?? [];
    return [...new Set(errors.map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : 'BAD_REQUEST')))];
  } catch {
    return ['BAD_REQUEST'];
  }
}

export function createGatewayHttpHandler(options: GatewayHttpOptions) {
  async function handleGraphQL(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string): Promise<void> {
    const idHeader = { 'x-request-id': requestId };

    /** Records the refusal; true once it is durable. Otherwise answers AUDIT_UNAVAILABLE (fail closed) and returns false. */
    async function recorded(caller: Caller | null, status: number, errorCodes: readonly string[]): Promise<boolean> {
      try {
        await options.recordRefusal({ requestId, caller, status, errorCodes });
        return true;
      } catch {
        // The sink has reported the cause; the client learns only that the request was not served.
        sendError(res, AUDIT_UNAVAILABLE_STATUS, AUDIT_UNAVAILABLE, AUDIT_UNAVAILABLE_MESSAGE, idHeader);
        return false;
      }
    }

    async function refuse(caller: Caller | null, status: number, code: string, message: string, headers: Record<string, string> = idHeader) {
      if (await recorded(caller, status, [code])) sendError(res, status, code, message, headers);
    }

    let caller: Caller | null;
    try {
      caller = await options.identify(req.headers.authorization);
    } catch (error) {
      if (!(error instanceof IdentityError)) throw error;
      const headers: Record<string, string> = { ...idHeader };
      if (error.wwwAuthenticate) headers['www-authenticate'] = error.wwwAuthenticate;
      return refuse(null, error.status, error.code, error.message, headers);
    }

    let body: unknown;
    if (req.method === 'POST') {
      let raw: Buffer;
      try {
        raw = await getRawBody(req, { limit: options.maxBodyBytes, length: req.headers['content-length'] });
      } catch (error) {
        const tooLarge = (error as { type?: string }).type === 'entity.too.large';
        return tooLarge
          ? refuse(caller, 413, 'BODY_TOO_LARGE', `Request body is larger than ${options.maxBodyBytes} bytes`)
          : refuse(caller, 400, 'BAD_REQUEST', 'Request body could not be read');
      }
      if (raw.length > 0) {
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          return refuse(caller, 400, 'BAD_REQUEST', 'Request body is not valid JSON');
        }
      }
    }

    // Subgraph calls stop when the client goes away.
    const abort = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) abort.abort();
    });
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const request: HTTPGraphQLRequest = { method: req.method ?? 'GET', headers, search: url.search, body };
    const context: GatewayContext = { caller, requestId, signal: abort.signal, audit: newRequestAudit() };
    const response = await options.apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: request, context: async () => context });
    const status = response.status ?? 200;
    // Apollo Server refused the request before its plugins ran (malformed request, CSRF check, ...).
    // A landing page (200) is not an operation and leaves no record.
    if (!context.audit.recorded && status >= 400) {
      context.audit.recorded = true;
      const codes = response.body.kind === 'complete' ? errorCodesOf(response.body.string) : ['BAD_REQUEST'];
      if (!(await recorded(caller, status, codes))) return;
    }
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.setHeader('x-request-id', requestId);
    res.statusCode = status;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://gateway');
    const requestId = requestIdFrom(req.headers['x-request-id']);
    const work = (async () => {
      if (req.method === 'GET' && url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
      if (req.method === 'GET' && url.pathname === '/ready') {
        const { ready, details } = await options.readiness();
        return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', ...details });
      }
      if (!GRAPHQL_PATHS.has(url.pathname)) return sendError(res, 404, 'NOT_FOUND', `No route ${url.pathname}`);
      return handleGraphQL(req, res, url, requestId);
    })();
    work.catch((error: unknown) => {
      console.error(JSON.stringify({ level: 'error', msg: 'request failed', requestId, error: String(error) }));
      if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error', { 'x-request-id': requestId });
      else res.destroy();
    });
  };
}
