// A pass-through HTTP proxy in front of one subgraph that records the headers of every request,
// so a test can see exactly what the gateway sends a subgraph.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordingProxy {
  readonly url: string;
  /** Headers of every request forwarded so far. */
  readonly headers: readonly http.IncomingHttpHeaders[];
  close(): Promise<void>;
}

export function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const headers: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    headers.push({ ...req.headers });
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const forwarded: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined && name !== 'host' && name !== 'connection' && name !== 'content-length') {
          forwarded[name] = Array.isArray(value) ? value.join(', ') : value;
        }
      }
      fetch(target, { method: req.method, headers: forwarded, body: chunks.length ? Buffer.concat(chunks) : undefined }).then(
        async (response) => {
          res.writeHead(response.status, { 'content-type': response.headers.get('content-type') ?? 'application/json' });
          res.end(Buffer.from(await response.arrayBuffer()));
        },
        (error: unknown) => {
          res.writeHead(502, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ errors: [{ message: String(error) }] }));
        },
      );
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/graphql`,
        headers,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
