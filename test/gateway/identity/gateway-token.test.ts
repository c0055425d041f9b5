import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { callerFromClaims, type Caller } from '../../../gateway/identity/caller';
import { ensureGatewayKeys } from '../../../gateway/identity/gateway-keys';
import {
  createGatewayTokenSigner,
  createGatewayTokenVerifier,
  GATEWAY_AUDIENCE,
  GATEWAY_ISSUER,
  type GatewayTokenSigner,
  type GatewayTokenVerifier,
} from '../../../gateway/identity/gateway-token';
import type { KeyPairFiles } from '../../../gateway/identity/key-files';
import { readSigningKey } from '../../../gateway/identity/key-files';
import { PERSONAS } from '../../../gateway/identity/personas';
import { refusal, temporaryDir } from './test-keys';

let dir: string;
let keys: KeyPairFiles;
let signer: GatewayTokenSigner;
let verifier: GatewayTokenVerifier;

const defenseAnalyst: Caller = callerFromClaims({ ...PERSONAS['defense-analyst']!.claims, iss: 'accord-dev-issuer' });
const energyPartner: Caller = callerFromClaims({ ...PERSONAS['energy-partner']!.claims });

beforeAll(async () => {
  dir = await temporaryDir('gateway-token');
  keys = await ensureGatewayKeys(dir);
  signer = createGatewayTokenSigner({ privateKey: keys.privateKey, keyId: keys.keyId, ttlSeconds: 60 });
  verifier = createGatewayTokenVerifier({ jwks: keys.jwksPath });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('gateway keys', () => {
  it('are created once in <dataDir>/keys and reused', async () => {
    expect(keys.privateKeyPath).toBe(join(dir, 'keys/gateway.private.jwk.json'));
    expect(keys.jwksPath).toBe(join(dir, 'keys/gateway.jwks.json'));
    expect((await ensureGatewayKeys(dir)).keyId).toBe(keys.keyId);
  });

  it('can be read from an explicit private key file, as production passes it', async () => {
    const key = await readSigningKey(keys.privateKeyPath);
    const fromFile = createGatewayTokenSigner({ privateKey: key.privateKey, keyId: key.keyId });
    expect((await verifier.verify(fromFile.sign(energyPartner), 'request-file')).requestId).toBe('request-file');
  });
});

describe('gateway tokens', () => {
  it('carry the verified caller to the subgraph, with the request id in its own header', async () => {
    const token = signer.sign(defenseAnalyst);
    const identity = await verifier.verify(token, 'request-1');
    expect(identity.requestId).toBe('request-1');
    expect(identity.caller).toMatchObject({
      subject: 'dev:defense-analyst',
      agency: 'defense',
      clearance: 'secret',
      org: null,
      sector: null,
    });
    expect([...identity.caller!.scopes]).toEqual([...defenseAnalyst.scopes]);
    expect(identity.caller!.claims.iss).toBe('accord-dev-issuer');
    expect(decodeJwt(token)).toMatchObject({ iss: GATEWAY_ISSUER, aud: GATEWAY_AUDIENCE });
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'ES256', kid: keys.keyId });
  });

  it('mark an anonymous caller, which a subgraph tells apart from a request without gateway', async () => {
    const identity = await verifier.verify(signer.sign(null), 'request-2');
    expect(identity).toEqual({ caller: null, requestId: 'request-2' });
    await refusal(verifier.verify(undefined), 'GATEWAY_TOKEN_REQUIRED');
    await refusal(verifier.verify(''), 'GATEWAY_TOKEN_REQUIRED');
  });

  it('last ttlSeconds', async () => {
    const claims = decodeJwt(signer.sign(energyPartner));
    expect(claims.exp! - claims.iat!).toBe(60);
  });

  it('are signed once per caller and shared by its requests, whichever client token it came with', async () => {
    const now = Math.floor(Date.now() / 1000);
    const calls = [
      signer.sign(energyPartner),
      signer.sign(energyPartner),
      signer.sign(callerFromClaims({ ...PERSONAS['energy-partner']!.claims })),
      // Another client token of the same caller: only the token's own lifetime claims differ.
      signer.sign(callerFromClaims({ ...PERSONAS['energy-partner']!.claims, iat: now, exp: now + 600, nbf: now, jti: 'token-2' })),
    ];
    expect(new Set(calls).size).toBe(1);
    const others = [
      signer.sign(defenseAnalyst),
      signer.sign(null),
      signer.sign(callerFromClaims({ ...PERSONAS['energy-partner']!.claims, sector: 'WATER' })),
    ];
    expect(new Set([...calls, ...others]).size).toBe(4);
  });

  it('forward the caller\'s claims without those that describe the client\'s token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const caller = callerFromClaims({ ...PERSONAS['bank-partner']!.claims, iss: 'accord-dev-issuer', iat: now, exp: now + 600, nbf: now, jti: 'j-1' });
    const forwarded = decodeJwt(signer.sign(caller)).caller as Record<string, unknown>;
    expect(forwarded).toEqual({ ...PERSONAS['bank-partner']!.claims, iss: 'accord-dev-issuer' });
    expect((await verifier.verify(signer.sign(caller), 'request-claims')).caller!.claims).toEqual(forwarded);
  });

  it('take the request id from its header, or a fresh one when it is missing or malformed', async () => {
    const token = signer.sign(energyPartner);
    expect((await verifier.verify(token, ['request-first', 'request-second'])).requestId).toBe('request-first');
    const fresh = await Promise.all([verifier.verify(token), verifier.verify(token, 'bad id with spaces'), verifier.verify(token, 'short')]);
    for (const identity of fresh) expect(identity.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(fresh.map((identity) => identity.requestId)).size).toBe(3);
  });

  it('are signed anew once half their lifetime has passed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.now();
    const fresh = createGatewayTokenSigner({ privateKey: keys.privateKey, keyId: keys.keyId, ttlSeconds: 60 });
    const first = fresh.sign(energyPartner);
    vi.setSystemTime(start + 29_000);
    expect(fresh.sign(energyPartner)).toBe(first);
    vi.setSystemTime(start + 31_000);
    const second = fresh.sign(energyPartner);
    expect(second).not.toBe(first);
    expect(decodeJwt(second).iat).toBeGreaterThan(decodeJwt(first).iat!);
  });

  it('expire, also for a verifier that accepted them before', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.now();
    const token = createGatewayTokenSigner({ privateKey: keys.privateKey, keyId: keys.keyId, ttlSeconds: 60 }).sign(defenseAnalyst);
    const { caller } = await verifier.verify(token);
    expect((await verifier.verify(token)).caller).toBe(caller); // verified once, then remembered
    vi.setSystemTime(start + 64_000); // within the 5 s clock tolerance
    expect((await verifier.verify(token)).caller).toBe(caller);
    vi.setSystemTime(start + 66_000);
    await refusal(verifier.verify(token), 'TOKEN_EXPIRED');
    await refusal(createGatewayTokenVerifier({ jwks: keys.jwksPath }).verify(token), 'TOKEN_EXPIRED');
  });
});

describe('refused gateway tokens', () => {
  it('refuses a token signed by another key', async () => {
    const other = await ensureGatewayKeys(join(dir, 'other'));
    const stranger = createGatewayTokenSigner({ privateKey: other.privateKey, keyId: other.keyId });
    await refusal(verifier.verify(stranger.sign(defenseAnalyst)), 'UNKNOWN_SIGNING_KEY');
    const impostor = createGatewayTokenSigner({ privateKey: other.privateKey, keyId: keys.keyId });
    await refusal(verifier.verify(impostor.sign(defenseAnalyst)), 'INVALID_SIGNATURE');
  });

  it('refuses a token for another audience or from another issuer, even with the gateway key', async () => {
    const sign = (claims: Record<string, unknown>) =>
      new SignJWT({ caller: null, exp: Math.floor(Date.now() / 1000) + 60, ...claims })
        .setProtectedHeader({ alg: 'ES256', kid: keys.keyId })
        .sign(keys.privateKey);
    await refusal(verifier.verify(await sign({ iss: GATEWAY_ISSUER, aud: 'accord' })), 'INVALID_AUDIENCE');
    await refusal(verifier.verify(await sign({ iss: 'accord-dev-issuer', aud: GATEWAY_AUDIENCE })), 'INVALID_ISSUER');
  });

  it.each([
    ['no caller claim', {}],
    ['a caller that is not an object', { caller: 'dev:auditor' }],
    ['a caller without subject', { caller: { scope: 'audit:read' } }],
  ])('refuses a token with %s', async (_label, claims) => {
    const token = await new SignJWT({ iss: GATEWAY_ISSUER, aud: GATEWAY_AUDIENCE, exp: Math.floor(Date.now() / 1000) + 60, ...claims })
      .setProtectedHeader({ alg: 'ES256', kid: keys.keyId })
      .sign(keys.privateKey);
    await refusal(verifier.verify(token), 'INVALID_CLAIMS');
  });

  it('refuses a client token presented as a gateway token', async () => {
    await refusal(verifier.verify('Bearer abc.def.ghi'), 'INVALID_TOKEN');
    await refusal(verifier.verify('garbage'), 'INVALID_TOKEN');
  });
});

describe('gateway token signer', () => {
  it('accepts only ES256 and Ed25519 private keys', async () => {
    const ed = await generateKeyPair('EdDSA');
    const edSigner = createGatewayTokenSigner({ privateKey: ed.privateKey, keyId: 'ed' });
    expect(decodeProtectedHeader(edSigner.sign(null)).alg).toBe('EdDSA');
    const edVerifier = createGatewayTokenVerifier({ jwks: { keys: [{ ...(await exportJWK(ed.publicKey)), kid: 'ed', alg: 'EdDSA' }] } });
    expect((await edVerifier.verify(edSigner.sign(energyPartner))).caller?.subject).toBe('dev:energy-partner');
    const rsa = await generateKeyPair('RS256');
    expect(() => createGatewayTokenSigner({ privateKey: rsa.privateKey, keyId: 'rsa' })).toThrow(TypeError);
    expect(() => createGatewayTokenSigner({ privateKey: ed.publicKey, keyId: 'ed' })).toThrow(TypeError);
    expect(() => createGatewayTokenSigner({ privateKey: ed.privateKey, keyId: 'ed', ttlSeconds: 0 })).toThrow(RangeError);
  });
});
