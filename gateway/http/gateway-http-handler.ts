// The gateway's HTTP front: health and readiness, then for GraphQL requests a request id,
// the caller's identity (401 on a bad token), the body, and Apollo Server.
import type { IncomingMessage, ServerResponse } from 'node:http';
import getRawBody from 'raw-body';
import { HeaderMap, type ApolloServer, type HTTPGraphQLRequest } from '@apollo/server';
import type { Caller } from '../identity/caller';
import { IdentityError } from '../identity/identity-error';
import type { GatewayContext } from '../gateway-context';
import { requestIdFrom } from './request-id';
import { sendError, sendJson } from './json-response';

export interface GatewayHttpOptions {
  readonly apollo: ApolloServer<GatewayContext>;
  /** Verifies the Authorization header: the caller, null for anonymous; throws IdentityError. */
  readonly identify: (authorization: string | undefined) => Promise<Caller | null>;
  /** Readiness report for GET /ready: ready, plus details. */
  readonly readiness: () => Promise<{ ready: boolean; details: Record<string, unknown> }>;
  readonly maxBodyBytes: number;
}

const GRAPHQL_PATHS = new Set(['/', '/graphql']);

export function createGatewayHttpHandler(options: GatewayHttpOptions) {
  async function handleGraphQL(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string): Promise<void> {
    const idHeader = { 'x-request-id': requestId };
    let caller: Caller | null;
    try {
      caller = await options.identify(req.headers.authorization);
    } catch (error) {
      if (!(error instanceof IdentityError)) throw error;
      const headers: Record<string, string> = { ...idHeader };
      if (error.wwwAuthenticate) headers['www-authenticate'] = error.wwwAuthenticate;
      return sendError(res, error.status, error.code, error.message, headers);
    }

    let body: unknown;
    if (req.method === 'POST') {
      let raw: Buffer;
      try {
        raw = await getRawBody(req, { limit: options.maxBodyBytes, length: req.headers['content-length'] });
      } catch (error) {
        const tooLarge = (error as { type?: string }).type === 'entity.too.large';
        return tooLarge
          ? sendError(res, 413, 'BODY_TOO_LARGE', `Request body is larger than ${options.maxBodyBytes} bytes`, idHeader)
          : sendError(res, 400, 'BAD_REQUEST', 'Request body could not be read', idHeader);
      }
      if (raw.length > 0) {
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          return sendError(res, 400, 'BAD_REQUEST', 'Request body is not valid JSON', idHeader);
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
    const context: GatewayContext = { caller, requestId, signal: abort.signal };
    const response = await options.apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: request, context: async () => context });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.setHeader('x-request-id', requestId);
    res.statusCode = response.status ?? 200;
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
