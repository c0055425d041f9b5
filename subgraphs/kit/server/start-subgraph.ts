// Runs one agency's subgraph: its own HTTP server, its own Apollo Server, its own database.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { AgencySubgraph } from '../agency-subgraph';
import { buildAgencySchema } from '../schema/build-agency-schema';
import { openDatabase, type AgencyDatabase } from '../orm/create-orm';
import { createContext, type SubgraphContext } from '../context';
import type { ModelRegister } from '../domain/model-register';
import type { DatabaseConfig } from '../config/database-config';
import { createSubgraphMetrics } from './subgraph-metrics';
import getRawBody from 'raw-body';
import type { Caller } from '../../../gateway/identity/caller';
import type { PolicyEngine } from '../../../gateway/authorization/policies/engine';
import { enforceAccess } from '../authorization/enforce-access';
import { readSubgraphRules } from '../authorization/subgraph-rules';
import { checkRepresentations } from '../schema/check-representations';
import { noteRowMarkings, rowMarkingsPlugin } from '../markings/row-markings';

/** Who is calling, as established from the request's headers (the gateway's token). */
export interface RequestIdentity {
  readonly caller: Caller | null;
  readonly requestId: string;
  /** The gateway's headers, to pass on when this subgraph asks another on the caller's behalf. */
  readonly onBehalf?: Readonly<Record<string, string>>;
}

/** Decides who is calling; throws a RequestRefusal to refuse the request. */
export type Authenticate = (headers: http.IncomingHttpHeaders) => Promise<RequestIdentity>;

export class RequestRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface StartSubgraphOptions {
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly database: DatabaseConfig;
  readonly authenticate: Authenticate;
  /** Where Defense and the cyber office check that a model exists before writing about it. */
  readonly models?: ModelRegister;
  /** Decides the `@policy` names of the schema for each caller (the same engine as the gateway's). */
  readonly policies: PolicyEngine;
  /** Production mode: no stack traces or internal messages in responses. */
  readonly production?: boolean;
  readonly logSql?: boolean;
  readonly maxBodyBytes?: number;
}

export interface RunningSubgraph {
  readonly name: string;
  readonly url: string;
  readonly port: number;
  readonly sdl: string;
  readonly database: AgencyDatabase;
  close(): Promise<void>;
}

const GRAPHQL_PATHS = new Set(['/', '/graphql']);

export async function startSubgraph(
  definition: AgencySubgraph,
  options: StartSubgraphOptions,
): Promise<RunningSubgraph> {
  const { schema, sdl } = await buildAgencySchema(definition.schema);
  // Markings are noted inside the access check: only rows the caller may read count.
  noteRowMarkings(schema, definition.markedTypes ?? []);
  enforceAccess(schema, readSubgraphRules(definition.name, sdl), options.policies);
  checkRepresentations(schema, new Set(Object.keys(definition.schema.references)));
  const database = await openDatabase({
    database: options.database,
    entities: definition.entities,
    logSql: options.logSql ?? false,
  });
  const metrics = createSubgraphMetrics(definition.name, database.statements);
  const production = options.production ?? false;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;

  const apollo = new ApolloServer<SubgraphContext>({
    schema,
    // No cache hints (the gateway caches by caller, not by hint): without the cache-control plugin
    // Apollo Server does not wrap every field's resolver to time it.
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled(), rowMarkingsPlugin()],
    // The process owns shutdown (drain HTTP, then Apollo, then the database); Apollo's own
    // signal handlers would race with it and leave the process hanging.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: !production,
    formatError: (formatted, error) => maskInternalError(formatted, error, production),
  });
  await apollo.start();

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(`[${definition.name}] request failed`, error);
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://subgraph');
    if (req.method === 'GET' && url.pathname === '/health') {
      return sendJson(res, 200, { status: 'ok', subgraph: definition.name });
    }
    if (req.method === 'GET' && url.pathname === '/ready') {
      const reachable = await database.isReachable();
      return sendJson(res, reachable ? 200 : 503, { status: reachable ? 'ready' : 'database unreachable', subgraph: definition.name });
    }
    if (req.method === 'GET' && url.pathname === '/metrics') {
      res.writeHead(200, { 'content-type': metrics.registry.contentType });
      res.end(await metrics.registry.metrics());
      return;
    }
    if (!GRAPHQL_PATHS.has(url.pathname)) {
      return sendJson(res, 404, { errors: [{ message: `No route ${url.pathname}`, extensions: { code: 'NOT_FOUND' } }] });
    }

    let identity: RequestIdentity;
    try {
      identity = await options.authenticate(req.headers);
    } catch (error) {
      if (error instanceof RequestRefusal) {
        return sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: error.code } }] });
      }
      throw error;
    }

    let body: unknown;
    if (req.method === 'POST') {
      let raw: Buffer;
      try {
        raw = await getRawBody(req, { limit: maxBodyBytes, length: req.headers['content-length'] });
      } catch (error) {
        const tooLarge = (error as { type?: string }).type === 'entity.too.large';
        return sendJson(res, tooLarge ? 413 : 400, {
          errors: [{ message: tooLarge ? `Request body is larger than ${maxBodyBytes} bytes` : 'Request body could not be read', extensions: { code: tooLarge ? 'BODY_TOO_LARGE' : 'BAD_REQUEST' } }],
        });
      }
      try {
        body = raw.length === 0 ? undefined : JSON.parse(raw.toString('utf8'));
      } catch {
        return sendJson(res, 400, { errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
      }
    }

    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const request: HTTPGraphQLRequest = { method: req.method ?? 'GET', headers, search: url.search, body };
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: request,
      context: async () =>
        createContext(database.fork(), identity.caller, identity.requestId, identity.onBehalf ?? {}, options.models ?? null),
    });
    metrics.requests.inc({ outcome: response.status && response.status >= 400 ? 'error' : 'ok' });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';

  // Stop accepting, let in-flight requests finish, then release the database; once, however often asked.
  let closing: Promise<void> | undefined;
  const close = async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    await apollo.stop();
    await database.close();
  };

  return {
    name: definition.name,
    url: `http://${host}:${port}/graphql`,
    port,
    sdl,
    database,
    close: () => (closing ??= close()),
  };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** Errors the resolvers raised on purpose carry a code; anything else is internal and masked in production. */
function maskInternalError(formatted: GraphQLFormattedError, error: unknown, production: boolean): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const code = formatted.extensions?.code;
  if (!production || (code && code !== 'INTERNAL_SERVER_ERROR')) return formatted;
  if (original instanceof Error) console.error('internal error:', original);
  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/** A request id for requests that came without one. */
export function newRequestId(): string {
  return randomUUID();
}
