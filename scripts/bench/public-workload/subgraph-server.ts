// Serves several subgraph schemas from one node:http server, one route per subgraph
// (`POST /<name>`), the way the benchmark's Rust subgraphs share one port.
// With `memo` on, each serialized response is kept by raw request body: the data is static,
// so a repeated body always gets the same answer, and the subgraphs stay cheap enough that a
// benchmark measures the gateway rather than them.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { execute, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';

const MEMO_LIMIT = 10_000;
const DOCUMENT_LIMIT = 1_000;

export interface SubgraphServerOptions {
  /** Route name (without the slash) to schema. */
  readonly routes: Readonly<Record<string, GraphQLSchema>>;
  /** 0 picks a free port. */
  readonly port?: number;
  readonly host?: string;
  /** Keep serialized responses by request body (default true). */
  readonly memo?: boolean;
}

/** What the server saw since it started or since the last reset, per route. */
export interface SubgraphServerStats {
  readonly requests: Record<string, number>;
  /** Entity representations received (`variables.representations`), duplicates included. */
  readonly representations: Record<string, number>;
  /** Requests answered from the memo, without executing. */
  readonly memoHits: Record<string, number>;
}

export interface RunningSubgraphServer {
  /** Base URL without a trailing slash; a route is `${url}/${name}`. */
  readonly url: string;
  readonly port: number;
  stats(): SubgraphServerStats;
  resetStats(): void;
  close(): Promise<void>;
}

interface Route {
  readonly schema: GraphQLSchema;
  readonly documents: Map<string, DocumentNode>;
  readonly memo: Map<string, Buffer>;
}

interface GraphQLRequestBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

function send(res: http.ServerResponse, status: number, body: Buffer): void {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': body.length });
  res.end(body);
}

function jsonBuffer(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value));
}

function representationCount(request: GraphQLRequestBody): number {
  const variables = request.variables as { representations?: unknown } | null | undefined;
  return Array.isArray(variables?.representations) ? variables.representations.length : 0;
}

async function answer(route: Route, request: GraphQLRequestBody): Promise<{ status: number; result: unknown }> {
  if (typeof request.query !== 'string') {
    return { status: 400, result: { errors: [{ message: 'Request body must carry a "query" string' }] } };
  }
  let document = route.documents.get(request.query);
  if (!document) {
    try {
      document = parse(request.query);
    } catch (error) {
      return { status: 400, result: { errors: [{ message: (error as Error).message }] } };
    }
    const errors = validate(route.schema, document, specifiedRules);
    if (errors.length > 0) return { status: 400, result: { errors } };
    if (route.documents.size < DOCUMENT_LIMIT) route.documents.set(request.query, document);
  }
  const result = await execute({
    schema: route.schema,
    document,
    variableValues: (request.variables ?? undefined) as Record<string, unknown> | undefined,
    operationName: typeof request.operationName === 'string' ? request.operationName : undefined,
  });
  return { status: 200, result };
}

export function startSubgraphServer(options: SubgraphServerOptions): Promise<RunningSubgraphServer> {
  const memo = options.memo ?? true;
  const routes = new Map<string, Route>();
  for (const [name, schema] of Object.entries(options.routes)) {
    routes.set(`/${name}`, { schema, documents: new Map(), memo: new Map() });
  }
  let requests: Record<string, number> = {};
  let representations: Record<string, number> = {};
  let memoHits: Record<string, number> = {};
  const representationsByBody = new Map<string, number>();

  function count(path: string, body: string, request: GraphQLRequestBody | null): void {
    const name = path.slice(1);
    requests[name] = (requests[name] ?? 0) + 1;
    let reps = representationsByBody.get(body);
    if (reps === undefined) {
      reps = request ? representationCount(request) : 0;
      if (representationsByBody.size < MEMO_LIMIT) representationsByBody.set(body, reps);
    }
    representations[name] = (representations[name] ?? 0) + reps;
  }

  const stats = (): SubgraphServerStats => ({ requests: { ...requests }, representations: { ...representations }, memoHits: { ...memoHits } });

  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/health') return send(res, 200, Buffer.from('{"status":"ok"}'));
    // What the benchmark reads when the subgraphs run in a process of their own.
    if (req.method === 'GET' && req.url === '/stats') return send(res, 200, jsonBuffer(stats()));
    const route = req.url ? routes.get(req.url) : undefined;
    if (!route || req.method !== 'POST') return send(res, 404, Buffer.from('{"errors":[{"message":"not found"}]}'));
    const path = req.url as string;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)).toString('utf8');
      const hit = memo ? route.memo.get(body) : undefined;
      if (hit) {
        count(path, body, null);
        memoHits[path.slice(1)] = (memoHits[path.slice(1)] ?? 0) + 1;
        return send(res, 200, hit);
      }
      let request: GraphQLRequestBody;
      try {
        request = JSON.parse(body) as GraphQLRequestBody;
      } catch {
        count(path, body, null);
        return send(res, 400, jsonBuffer({ errors: [{ message: 'Request body is not JSON' }] }));
      }
      count(path, body, request);
      answer(route, request).then(
        ({ status, result }) => {
          const buffer = jsonBuffer(result);
          const cacheable = status === 200 && !(result as { errors?: unknown }).errors;
          if (memo && cacheable && route.memo.size < MEMO_LIMIT) route.memo.set(body, buffer);
          send(res, status, buffer);
        },
        (error: unknown) => send(res, 500, jsonBuffer({ errors: [{ message: String(error) }] })),
      );
    });
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      const { address, port } = server.address() as AddressInfo;
      resolve({
        url: `http://${address}:${port}`,
        port,
        stats,
        resetStats: () => {
          requests = {};
          representations = {};
          memoHits = {};
        },
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}
