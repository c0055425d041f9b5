import { createHmac, createPublicKey, type JsonWebKey } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CompactSign, exportJWK } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { IdentityError, authenticationRequired } from '../../../gateway/identity/identity-error';
import { KeySetError } from '../../../gateway/identity/key-set';
import { createTokenVerifier, type TokenVerifier } from '../../../gateway/identity/token-verifier';
import {
  base64url,
  keySetOf,
  nowSeconds,
  refusal,
  signClaims,
  temporaryDir,
  testKey,
  writeKeySetFile,
  type TestKey,
} from './test-keys';

const ISSUER = 'https://idp.accord.test';
const AUDIENCE = 'accord';

let dir: string;
let jwksPath: string;
let ecKey: TestKey;
let rsaKey: TestKey;
let edKey: TestKey;
let verifier: TokenVerifier;

function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = nowSeconds();
  return {
    iss: ISSUER,
    aud: AUDIENCE,
    iat: now,
    exp: now + 300,
    sub: 'analyst-7',
    agency: 'cyber',
    scope: 'cyber:read cyber:write',
    clearance: 'cui',
    ...overrides,
  };
}

async function bearer(overrides: Record<string, unknown> = {}, key: TestKey = ecKey): Promise<string> {
  return `Bearer ${await signClaims(key, claims(overrides))}`;
}

function withoutClaim(name: string): Record<string, unknown> {
  const all = claims();
  delete all[name];
  return all;
}

beforeAll(async () => {
  dir = await temporaryDir('verifier');
  [ecKey, rsaKey, edKey] = await Promise.all([testKey('ES256', 'ec-1'), testKey('RS256', 'rsa-1'), testKey('EdDSA', 'ed-1')]);
  jwksPath = await writeKeySetFile(dir, keySetOf(ecKey, rsaKey, edKey));
  verifier = createTokenVerifier({ jwks: jwksPath, issuer: ISSUER, audience: AUDIENCE });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('accepted tokens', () => {
  it('treats a request without an Authorization header as anonymous', async () => {
    expect(await verifier.verify(undefined)).toBeNull();
  });

  it('builds the caller from the claims of a valid token', async () => {
    const caller = await verifier.verify(
      await bearer({ sub: 'partner-3', agency: 'partner', scope: 'partner:read', org: 'gridline', sector: 'ENERGY' }),
    );
    expect(caller).toMatchObject({ subject: 'partner-3', agency: 'partner', clearance: 'cui', org: 'gridline', sector: 'ENERGY' });
    expect([...caller!.scopes]).toEqual(['partner:read']);
    expect(caller!.claims.iss).toBe(ISSUER);
  });

  it('accepts RS256 and EdDSA tokens from keys of the key set', async () => {
    expect((await verifier.verify(await bearer({}, rsaKey)))?.subject).toBe('analyst-7');
    expect((await verifier.verify(await bearer({}, edKey)))?.subject).toBe('analyst-7');
  });

  it('reads the scope claim as a space-separated string', async () => {
    const caller = await verifier.verify(await bearer({ scope: '  defense:read   defense:classified ' }));
    expect([...caller!.scopes]).toEqual(['defense:read', 'defense:classified']);
  });

  it('reads the scope claim as an array of strings', async () => {
    const caller = await verifier.verify(await bearer({ scope: ['treasury:read', 'audit:read'] }));
    expect([...caller!.scopes]).toEqual(['treasury:read', 'audit:read']);
  });

  it('accepts the Bearer scheme in any letter case', async () => {
    const token = (await bearer()).slice('Bearer '.length);
    expect((await verifier.verify(`bearer ${token}`))?.subject).toBe('analyst-7');
  });

  it('accepts any issuer and audience when none is configured', async () => {
    const open = createTokenVerifier({ jwks: jwksPath });
    expect((await open.verify(await bearer({ iss: 'elsewhere', aud: 'someone-else' })))?.subject).toBe('analyst-7');
  });

  it('verifies a token once and answers its repeats with the same caller while it is valid', async () => {
    const token = await bearer({ sub: 'dashboard-poller' });
    const first = await verifier.verify(token);
    expect(first?.subject).toBe('dashboard-poller');
    expect(await verifier.verify(token)).toBe(first);
    // Another token of the same subject is verified on its own.
    const other = await verifier.verify(await bearer({ sub: 'dashboard-poller', jti: 'second' }));
    expect(other).not.toBe(first);
    expect(other?.subject).toBe('dashboard-poller');
  });
});

describe('refused Authorization headers', () => {
  it('refuses another scheme than Bearer, with a challenge that carries no error code', async () => {
    const error = await refusal(verifier.verify('Basic dXNlcjpwYXNz'), 'UNSUPPORTED_AUTHORIZATION_SCHEME');
    expect(error.status).toBe(401);
    expect(error.wwwAuthenticate).toBe('Bearer realm="accord"');
  });

  it.each([
    ['an empty header', ''],
    ['the scheme alone', 'Bearer'],
    ['the scheme and a space', 'Bearer '],
    ['two tokens', 'Bearer aaa.bbb.ccc ddd'],
    ['characters outside b64token', 'Bearer a"b.c'],
  ])('refuses %s as a malformed Authorization header', async (_label, header) => {
    const error = await refusal(verifier.verify(header), 'MALFORMED_AUTHORIZATION');
    expect(error.wwwAuthenticate).toMatch(/^Bearer realm="accord", error="invalid_request", error_description="[^"]+"$/);
  });

  it.each([
    ['a word', 'Bearer garbage'],
    ['three garbage segments', 'Bearer abc.def.ghi'],
    ['a header that is not JSON', `Bearer ${base64url('not json')}.${base64url('{}')}.c2ln`],
  ])('refuses %s as an invalid token', async (_label, header) => {
    const error = await refusal(verifier.verify(header), 'INVALID_TOKEN');
    expect(error.wwwAuthenticate).toContain('error="invalid_token"');
  });

  it('refuses a signed token whose payload is not a JSON object', async () => {
    const token = await new CompactSign(new TextEncoder().encode('[1,2]'))
      .setProtectedHeader({ alg: ecKey.alg, kid: ecKey.kid })
      .sign(ecKey.privateKey);
    await refusal(verifier.verify(`Bearer ${token}`), 'INVALID_TOKEN');
  });
});

describe('refused algorithms and keys', () => {
  it('refuses an unsigned token (alg none)', async () => {
    const header = base64url(JSON.stringify({ alg: 'none', kid: ecKey.kid }));
    const payload = base64url(JSON.stringify(claims()));
    await refusal(verifier.verify(`Bearer ${header}.${payload}.`), 'UNSUPPORTED_ALGORITHM');
  });

  it('refuses an HS256 token whose HMAC secret is the public key of a key set entry', async () => {
    const publicKey = createPublicKey({ key: rsaKey.publicJwk as JsonWebKey, format: 'jwk' });
    const secrets = [
      publicKey.export({ type: 'spki', format: 'pem' }),
      publicKey.export({ type: 'spki', format: 'der' }),
      JSON.stringify(rsaKey.publicJwk),
    ];
    for (const secret of secrets) {
      const header = base64url(JSON.stringify({ alg: 'HS256', kid: rsaKey.kid, typ: 'JWT' }));
      const payload = base64url(JSON.stringify(claims()));
      const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
      await refusal(verifier.verify(`Bearer ${header}.${payload}.${signature}`), 'UNSUPPORTED_ALGORITHM');
    }
  });

  it('refuses a token naming a key that is not in the key set', async () => {
    const stranger = await testKey('ES256', 'not-published');
    await refusal(verifier.verify(`Bearer ${await signClaims(stranger, claims())}`), 'UNKNOWN_SIGNING_KEY');
  });

  it('refuses a token whose kid names a key of another type than its algorithm', async () => {
    await refusal(verifier.verify(`Bearer ${await signClaims(ecKey, claims(), { kid: rsaKey.kid })}`), 'UNKNOWN_SIGNING_KEY');
  });

  it('refuses a token signed by another key under a published kid', async () => {
    const impostor = await testKey('ES256', ecKey.kid);
    await refusal(verifier.verify(`Bearer ${await signClaims(impostor, claims())}`), 'INVALID_SIGNATURE');
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const [head, , signature] = (await signClaims(ecKey, claims())).split('.');
    const forged = base64url(JSON.stringify(claims({ clearance: 'top_secret' })));
    await refusal(verifier.verify(`Bearer ${head}.${forged}.${signature}`), 'INVALID_SIGNATURE');
  });

  it('refuses a token without kid when several keys could have signed it', async () => {
    const first = await testKey('ES256', 'first');
    const second = await testKey('ES256', 'second');
    const noKids = createTokenVerifier({
      jwks: { keys: [first.publicJwk, second.publicJwk].map(({ kid: _kid, ...jwk }) => jwk) },
    });
    const token = await signClaims(first, claims(), { kid: undefined });
    await refusal(noKids.verify(`Bearer ${token}`), 'UNKNOWN_SIGNING_KEY');
  });
});

describe('refused claims', () => {
  it('refuses an expired token and says when it expired', async () => {
    const exp = nowSeconds() - 600;
    const error = await refusal(verifier.verify(await bearer({ exp })), 'TOKEN_EXPIRED');
    expect(error.message).toBe(`token expired at ${new Date(exp * 1000).toISOString()}`);
    expect(error.wwwAuthenticate).toBe(
      `Bearer realm="accord", error="invalid_token", error_description="${error.message}"`,
    );
  });

  it('refuses a token that is not valid yet', async () => {
    await refusal(verifier.verify(await bearer({ nbf: nowSeconds() + 600 })), 'TOKEN_NOT_YET_VALID');
  });

  it('accepts an expired or not yet valid token within the clock tolerance, and refuses it beyond', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const t = 1_900_000_000;
    const expiring = await bearer({ iat: t - 100, exp: t });
    const early = await bearer({ iat: t, nbf: t, exp: t + 300 });
    const tolerant = createTokenVerifier({ jwks: jwksPath, clockToleranceSeconds: 30 });

    vi.setSystemTime((t + 4) * 1000); // default tolerance: 5 s
    expect(await verifier.verify(expiring)).not.toBeNull();
    vi.setSystemTime((t + 5) * 1000);
    await refusal(verifier.verify(expiring), 'TOKEN_EXPIRED');
    vi.setSystemTime((t + 29) * 1000);
    expect(await tolerant.verify(expiring)).not.toBeNull();
    vi.setSystemTime((t + 31) * 1000);
    await refusal(tolerant.verify(expiring), 'TOKEN_EXPIRED');

    vi.setSystemTime((t - 5) * 1000);
    expect(await verifier.verify(early)).not.toBeNull();
    vi.setSystemTime((t - 6) * 1000);
    await refusal(verifier.verify(early), 'TOKEN_NOT_YET_VALID');
    vi.setSystemTime((t - 30) * 1000);
    expect(await tolerant.verify(early)).not.toBeNull();
    vi.setSystemTime((t - 31) * 1000);
    await refusal(tolerant.verify(early), 'TOKEN_NOT_YET_VALID');
  });

  it('refuses a remembered token once it expires, and again before its not-before if the clock is set back', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const t = 1_950_000_000;
    const token = await bearer({ iat: t, nbf: t, exp: t + 120 });
    vi.setSystemTime(t * 1000);
    expect(await verifier.verify(token)).not.toBeNull();
    vi.setSystemTime((t - 60) * 1000);
    await refusal(verifier.verify(token), 'TOKEN_NOT_YET_VALID');
    vi.setSystemTime((t + 60) * 1000);
    expect(await verifier.verify(token)).not.toBeNull();
    vi.setSystemTime((t + 125) * 1000);
    await refusal(verifier.verify(token), 'TOKEN_EXPIRED');
  });

  it('refuses a token from another issuer, or without one', async () => {
    await refusal(verifier.verify(await bearer({ iss: 'https://evil.test' })), 'INVALID_ISSUER');
    await refusal(verifier.verify(`Bearer ${await signClaims(ecKey, withoutClaim('iss'))}`), 'INVALID_ISSUER');
  });

  it('refuses a token for another audience, or without one', async () => {
    await refusal(verifier.verify(await bearer({ aud: 'another-api' })), 'INVALID_AUDIENCE');
    await refusal(verifier.verify(await bearer({ aud: ['x', 'y'] })), 'INVALID_AUDIENCE');
    await refusal(verifier.verify(`Bearer ${await signClaims(ecKey, withoutClaim('aud'))}`), 'INVALID_AUDIENCE');
    expect(await verifier.verify(await bearer({ aud: ['x', AUDIENCE] }))).not.toBeNull();
  });

  it('refuses a token without subject, and keeps the challenge header well-formed', async () => {
    const error = await refusal(verifier.verify(`Bearer ${await signClaims(ecKey, withoutClaim('sub'))}`), 'INVALID_CLAIMS');
    expect(error.message).toContain('"sub"');
    expect(error.wwwAuthenticate).toBe(
      `Bearer realm="accord", error="invalid_token", error_description="token claims are invalid: claim 'sub' is required"`,
    );
  });

  it('refuses a token without expiry', async () => {
    await refusal(verifier.verify(`Bearer ${await signClaims(ecKey, withoutClaim('exp'))}`), 'INVALID_CLAIMS');
  });

  it.each([
    ['a number', 42],
    ['an object', { read: true }],
    ['an array holding a number', ['cyber:read', 7]],
  ])('refuses a scope claim that is %s', async (_label, scope) => {
    await refusal(verifier.verify(await bearer({ scope })), 'INVALID_CLAIMS');
  });

  it.each([
    ['an unknown clearance', { clearance: 'cosmic' }],
    ['a numeric subject', { sub: 12 }],
    ['a non-numeric expiry', { exp: 'tomorrow' }],
    ['a non-string sector', { sector: ['ENERGY'] }],
  ])('refuses %s', async (_label, overrides) => {
    await refusal(verifier.verify(await bearer(overrides)), 'INVALID_CLAIMS');
  });
});

describe('errors', () => {
  it('gives the gateway an AUTHENTICATION_REQUIRED error for anonymous requests', () => {
    const error = authenticationRequired();
    expect(error).toBeInstanceOf(IdentityError);
    expect(error).toMatchObject({ code: 'AUTHENTICATION_REQUIRED', status: 401, wwwAuthenticate: 'Bearer realm="accord"' });
  });
});

describe('key set sources', () => {
  it('reports a missing key set file at creation', () => {
    expect(() => createTokenVerifier({ jwks: join(dir, 'absent.json') })).toThrow(
      expect.objectContaining({ code: 'KEY_SET_UNREADABLE' }),
    );
  });

  it.each([
    ['not JSON', async () => 'not json'],
    ['JSON without keys', async () => '{"kty":"EC"}'],
    ['a set with a symmetric key', async () => JSON.stringify({ keys: [{ kty: 'oct', k: 'c2VjcmV0', kid: 'h' }] })],
    [
      'a set with a private key',
      async () => JSON.stringify({ keys: [{ ...(await exportJWK(ecKey.privateKey)), kid: 'private' }] }),
    ],
  ])('refuses a key set file that is %s', async (_label, content) => {
    const path = join(dir, 'bad-jwks.json');
    await writeFile(path, await content());
    let caught: unknown;
    try {
      createTokenVerifier({ jwks: path });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(KeySetError);
    expect((caught as KeySetError).code).toBe('KEY_SET_INVALID');
  });

  it('refuses a negative clock tolerance', () => {
    expect(() => createTokenVerifier({ jwks: jwksPath, clockToleranceSeconds: -1 })).toThrow(RangeError);
  });
});
