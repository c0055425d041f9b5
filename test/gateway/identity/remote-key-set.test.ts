import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JSONWebKeySet } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTokenVerifier } from '../../../gateway/identity/token-verifier';
import { keySetOf, nowSeconds, refusal, signClaims, testKey, type TestKey } from './test-keys';

// A real identity provider stand-in: serves whatever key set the test publishes, counts fetches.
let server: Server;
let baseUrl: string;
let published: JSONWebKeySet;
let fetches = 0;
let current: TestKey;
let next: TestKey;

function claims(): Record<string, unknown> {
  return { sub: 'analyst-1', agency: 'treasury', scope: 'treasury:read', exp: nowSeconds() + 300 };
}

beforeAll(async () => {
  [current, next] = await Promise.all([testKey('ES256', 'current'), testKey('ES256', 'next')]);
  server = createServer((request, response) => {
    if (request.url === '/jwks.json') {
      fetches += 1;
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(published));
    } else if (request.url === '/broken.json') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{not json');
    } else {
      response.writeHead(500).end('down');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('key set from a URL', () => {
  it('fetches the key set once and verifies many tokens with it', async () => {
    published = keySetOf(current);
    fetches = 0;
    const verifier = createTokenVerifier({ jwks: `${baseUrl}/jwks.json` });
    expect(fetches).toBe(0);
    for (let i = 0; i < 5; i++) {
      expect((await verifier.verify(`Bearer ${await signClaims(current, claims())}`))?.subject).toBe('analyst-1');
    }
    expect(fetches).toBe(1);
  });

  it('re-fetches for an unknown key at most once per cooldown, and picks up a rotated key', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    published = keySetOf(current);
    fetches = 0;
    const verifier = createTokenVerifier({ jwks: `${baseUrl}/jwks.json` });
    expect(await verifier.verify(`Bearer ${await signClaims(current, claims())}`)).not.toBeNull();
    expect(fetches).toBe(1);

    published = keySetOf(current, next);
    const rotated = `Bearer ${await signClaims(next, claims())}`;
    // Just fetched: an unknown kid does not trigger another fetch yet (protects the provider).
    await refusal(verifier.verify(rotated), 'UNKNOWN_SIGNING_KEY');
    await refusal(verifier.verify(rotated), 'UNKNOWN_SIGNING_KEY');
    expect(fetches).toBe(1);

    vi.setSystemTime(Date.now() + 31_000);
    expect((await verifier.verify(rotated))?.subject).toBe('analyst-1');
    expect(fetches).toBe(2);
  });

  it('reports an unreachable or broken key set as the server\'s problem (503), not the token\'s', async () => {
    const token = `Bearer ${await signClaims(current, claims())}`;
    for (const path of ['/missing.json', '/broken.json']) {
      const error = await refusal(createTokenVerifier({ jwks: `${baseUrl}${path}` }).verify(token), 'KEY_SET_UNAVAILABLE');
      expect(error.status).toBe(503);
      expect(error.wwwAuthenticate).toBeNull();
    }
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await refusal(createTokenVerifier({ jwks: `http://127.0.0.1:${port}/jwks.json` }).verify(token), 'KEY_SET_UNAVAILABLE');
  });
});
