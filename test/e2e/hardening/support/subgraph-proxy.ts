// A stand-in between the gateway and one subgraph: forwards every request, and lets a test see
// the headers the subgraph received, hold answers back, or answer in the subgraph's place.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxyAnswer {
  readonly status: number;
  readonly body: string;
}

export interface SubgraphProxy {
  readonly url: string;
  /** Headers of every request forwarded so far. */
  readonly received: http.IncomingHttpHeaders[];
  /** Holds each answer back this long. */
  delayMs: number;
  /** Answers instead of the subgraph when set. */
  answer: ProxyAnswer | null;
  close(): Promise<void>;
}

export async function startSubgraphProxy(target: string): Promise<SubgraphProxy> {
  const targetUrl = new URL(target);
  const proxy: SubgraphProxy = {
    url: '',
    received: [],
    delayMs: 0,
    answer: null,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = http.createServer((req, res) => {
    proxy.received.push({ ...req.headers });
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const reply = (status: number, body: Buffer | string) => {
        setTimeout(() => {
          if (res.destroyed) return;
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(body);
        }, proxy.delayMs);
      };
      if (proxy.answer) return reply(proxy.answer.status, proxy.answer.body);
      const forward = http.request(
        { hostname: targetUrl.hostname, port: targetUrl.port, path: targetUrl.pathname, method: 'POST', headers: req.headers },
        (answer) => {
          const parts: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => parts.push(chunk));
          answer.on('end', () => reply(answer.statusCode ?? 502, Buffer.concat(parts)));
        },
      );
      forward.on('error', () => reply(502, '{}'));
      forward.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  (proxy as { url: string }).url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${targetUrl.pathname}`;
  return proxy;
}
