// A stand-in for a subgraph that fails in one particular way, for failure-handling tests.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Misbehaviour =
  | 'hang' // accepts the request and never answers
  | 'non-json' // 200 with an HTML page
  | 'status-503' // 503 with a GraphQL-looking body
  | 'data-is-a-list' // 200 with `"data": [...]`
  | 'wrong-entity-count' // 200 with one `_entities` element too few
  | 'drop-mid-body' // starts a 200 answer and closes the connection
  | 'echo-entities'; // answers every representation with `{ email }`, recording request headers

export interface MisbehavingSubgraph {
  readonly url: string;
  /** Headers of every request received. */
  readonly headers: http.IncomingHttpHeaders[];
  close(): Promise<void>;
}

function representations(body: string): unknown[] {
  const parsed = JSON.parse(body) as { variables?: { representations?: unknown[] } };
  return parsed.variables?.representations ?? [];
}

export function startMisbehavingSubgraph(behaviour: Misbehaviour): Promise<MisbehavingSubgraph> {
  const headers: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    headers.push(req.headers);
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const json = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      switch (behaviour) {
        case 'hang':
          return;
        case 'non-json':
          res.writeHead(200, { 'content-type': 'text/html' });
          return res.end('<html><body>Bad gateway</body></html>');
        case 'status-503':
          return json(503, { errors: [{ message: 'overloaded' }] });
        case 'data-is-a-list':
          return json(200, { data: [1, 2, 3] });
        case 'wrong-entity-count':
          return json(200, { data: { _entities: representations(body).slice(1) } });
        case 'drop-mid-body':
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
          res.write('{"data":{"_entit');
          return setTimeout(() => res.destroy(), 10);
        case 'echo-entities':
          return json(200, {
            data: { _entities: representations(body).map((r) => ({ ...(r as object), email: 'someone@example.org' })) },
          });
      }
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        headers,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/** A URL nothing listens on: a port that was free a moment ago. */
export async function deadUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/pricing`;
}
