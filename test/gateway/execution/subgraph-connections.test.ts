// The per-subgraph connection limit: calls beyond it wait for a free connection instead of opening
// another one, and every call is still answered.
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadGatewayConfig } from '../../../gateway/config/gateway-config';
import { SubgraphClient } from '../../../gateway/execution/subgraph-client';

function subgraphSettings(flags: Record<string, string>, env: Record<string, string> = {}) {
  return loadGatewayConfig({ flags, env, dataDir: '/var/lib/accord', repoRoot: '/srv/accord' }).subgraphMaxConnections;
}

describe('subgraph connection limit setting', () => {
  it('allows 16 connections per subgraph unless told otherwise', () => {
    expect(subgraphSettings({})).toBe(16);
  });

  it('takes --subgraph-max-connections before ACCORD_SUBGRAPH_MAX_CONNECTIONS', () => {
    expect(subgraphSettings({}, { ACCORD_SUBGRAPH_MAX_CONNECTIONS: '16' })).toBe(16);
    expect(subgraphSettings({ 'subgraph-max-connections': '8' }, { ACCORD_SUBGRAPH_MAX_CONNECTIONS: '16' })).toBe(8);
  });

  it.each(['0', '-1', '2.5', 'many'])('refuses %s as a connection limit', (value) => {
    expect(() => subgraphSettings({ 'subgraph-max-connections': value })).toThrow(ConfigError);
    expect(() => subgraphSettings({ 'subgraph-max-connections': value })).toThrow('subgraph max connections must be a positive integer');
  });
});

describe('subgraph client under a connection limit', () => {
  let server: http.Server;
  let url: string;
  const sockets = new Set<unknown>();
  let mostOpen = 0;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      req.resume();
      // Holds each answer a little, so that calls overlap.
      req.on('end', () => setTimeout(() => res.end('{"data":{"ok":true}}'), 20));
    });
    server.on('connection', (socket) => {
      sockets.add(socket);
      mostOpen = Math.max(mostOpen, sockets.size);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('opens no more connections than the limit and answers every call', async () => {
    const client = new SubgraphClient('limited', url, { maxSockets: 3 });
    try {
      const results = await Promise.all(
        Array.from({ length: 30 }, () => client.post('{"query":"{ ok }"}', { timeoutMs: 5000, retryStaleConnection: true })),
      );
      expect(results.every((result) => result.ok && result.body === '{"data":{"ok":true}}')).toBe(true);
      expect(mostOpen).toBe(3);
    } finally {
      client.close();
    }
  });
});

describe('subgraph client on a kept-alive connection the subgraph has closed', () => {
  // A subgraph that answers the first request on each connection and drops the connection, without
  // answering, when a second request arrives on it: what a client sees when it reuses a kept-alive
  // connection the subgraph closed as idle at the same moment.
  let server: net.Server;
  let url: string;
  let connections = 0;

  beforeAll(async () => {
    server = net.createServer((socket) => {
      connections += 1;
      let requests = 0;
      socket.on('data', (data) => {
        if (!data.includes('\r\n\r\n')) return;
        requests += 1;
        if (requests > 1) return void socket.destroy();
        const body = '{"data":{"ok":true}}';
        socket.write(`HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\nconnection: keep-alive\r\n\r\n${body}`);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends a query again, once, on a new connection', async () => {
    const client = new SubgraphClient('closing', url, { maxSockets: 1 });
    try {
      connections = 0;
      const options = { timeoutMs: 5000, retryStaleConnection: true };
      expect(await client.post('{"query":"{ ok }"}', options)).toEqual({ ok: true, status: 200, body: '{"data":{"ok":true}}' });
      expect(await client.post('{"query":"{ ok }"}', options)).toEqual({ ok: true, status: 200, body: '{"data":{"ok":true}}' });
      expect(connections).toBe(2);
    } finally {
      client.close();
    }
  });

  it('does not send a mutation again: it reports the subgraph unavailable', async () => {
    const client = new SubgraphClient('closing', url, { maxSockets: 1 });
    try {
      const options = { timeoutMs: 5000, retryStaleConnection: false };
      expect((await client.post('{"query":"mutation { ok }"}', options)).ok).toBe(true);
      expect(await client.post('{"query":"mutation { ok }"}', options)).toEqual({
        ok: false,
        code: 'SUBGRAPH_UNAVAILABLE',
        message: 'Subgraph "closing" is unavailable (the connection closed before an answer)',
      });
    } finally {
      client.close();
    }
  });
});
