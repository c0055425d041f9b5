// Small subgraphs for the end-to-end authorization tests: several subgraph schemas served from
// one HTTP server (`POST /<name>`), recording every request they receive (query, variables,
// headers), so a test can assert what the gateway asked for and what it sent along.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { execute, parse, validate, type GraphQLSchema } from 'graphql';

export interface RecordedRequest {
  readonly subgraph: string;
  readonly query: string;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly headers: Readonly<http.IncomingHttpHeaders>;
}

export interface RecordingSubgraphs {
  /** The URL of one subgraph's route. */
  urlOf(name: string): string;
  /** Every request received since the start or the last `clear()`, in arrival order. */
  readonly requests: readonly RecordedRequest[];
  clear(): void;
  close(): Promise<void>;
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function answer(schema: GraphQLSchema, query: string, variables: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
  let document;
  try {
    document = parse(query);
  } catch (error) {
    return { status: 400, body: { errors: [{ message: (error as Error).message }] } };
  }
  const errors = validate(schema, document);
  if (errors.length > 0) return { status: 400, body: { errors } };
  return { status: 200, body: await execute({ schema, document, variableValues: variables }) };
}

export function startRecordingSubgraphs(schemas: Readonly<Record<string, GraphQLSchema>>): Promise<RecordingSubgraphs> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const name = (req.url ?? '/').slice(1);
    const schema = Object.hasOwn(schemas, name) ? schemas[name] : undefined;
    if (!schema || req.method !== 'POST') return send(res, 404, { errors: [{ message: `no subgraph ${name}` }] });
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let body: { query?: unknown; variables?: unknown };
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
      } catch {
        return send(res, 400, { errors: [{ message: 'body is not JSON' }] });
      }
      const query = typeof body.query === 'string' ? body.query : '';
      const variables = (body.variables ?? {}) as Record<string, unknown>;
      requests.push({ subgraph: name, query, variables, headers: { ...req.headers } });
      answer(schema, query, variables).then(
        ({ status, body: result }) => send(res, status, result),
        (error: unknown) => send(res, 500, { errors: [{ message: String(error) }] }),
      );
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        urlOf: (name) => `http://127.0.0.1:${port}/${name}`,
        requests,
        clear: () => {
          requests.length = 0;
        },
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
