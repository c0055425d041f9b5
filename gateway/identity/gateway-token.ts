// The gateway-to-subgraph contract. The gateway never forwards the client's token: it sends each
// subgraph a short-lived token of its own, in the `accord-gateway-token` header, carrying
//   iss "accord-gateway", aud "accord-subgraph", iat, exp,
//   caller  the client's verified claims without those that describe the client's token itself
//           (iat, exp, nbf, jti), or null when the gateway served an anonymous caller.
// The token names a caller, not a request: the gateway signs one per identity and reuses it for
// half its lifetime, so a caller's requests cost one signature per 30 s rather than one each.
// The request id travels beside it, in the `x-request-id` header (so subgraph records join the
// gateway's); it is not a credential, and a token replayed within its lifetime could already be
// replayed under its original request id.
// A request without the token did not come through the gateway; one with `caller: null` did,
// for an anonymous caller.
import { randomUUID, sign as signBytes, KeyObject } from 'node:crypto';
import { base64url, jwtVerify, type CryptoKey, type JWTPayload, type JWTVerifyOptions } from 'jose';
import { callerFromClaims, ClaimsError, type Caller } from './caller';
import { ExpiringCache } from './expiring-cache';
import { IdentityError } from './identity-error';
import { loadKeySet, type KeySetSource } from './key-set';
import { DEFAULT_CLOCK_TOLERANCE_SECONDS } from './token-verifier';
import { verificationError } from './verification-error';

export const GATEWAY_ISSUER = 'accord-gateway';
export const GATEWAY_AUDIENCE = 'accord-subgraph';
/** HTTP header (lower case, as Node exposes it) that carries the raw gateway token. */
export const GATEWAY_TOKEN_HEADER = 'accord-gateway-token';
/** HTTP header that carries the gateway's request id to the subgraphs. */
export const REQUEST_ID_HEADER = 'x-request-id';
export const GATEWAY_TOKEN_ALGORITHMS: readonly string[] = ['ES256', 'EdDSA', 'Ed25519'];

export const DEFAULT_GATEWAY_TOKEN_TTL_SECONDS = 60;
// Enough for the callers active at once; each entry is one token of a few hundred bytes.
const MAX_CACHED_TOKENS = 10_000;
/** Claims about the client's token rather than about the caller: not forwarded. */
const TOKEN_LIFETIME_CLAIMS: ReadonlySet<string> = new Set(['iat', 'exp', 'nbf', 'jti']);
const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** What a subgraph learns from a gateway token and the request id beside it. */
export interface GatewayIdentity {
  /** null: the gateway served an anonymous caller. */
  readonly caller: Caller | null;
  readonly requestId: string;
}

export interface GatewayTokenSignerOptions {
  /** An ES256 (P-256) or Ed25519 private key. */
  readonly privateKey: CryptoKey;
  readonly keyId: string;
  readonly ttlSeconds?: number;
}

export interface GatewayTokenSigner {
  /** The token for a caller's calls to the subgraphs; the same caller gets the same token while it is fresh. */
  sign(caller: Caller | null): string;
}

/**
 * The caller's claims as a subgraph receives them. Everything a subgraph can see of the caller
 * is in here: whatever keys a cache by caller must use exactly this (see caching/).
 */
export function forwardedClaims(caller: Caller | null): Readonly<Record<string, unknown>> | null {
  if (caller === null) return null;
  const claims: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(caller.claims)) if (!TOKEN_LIFETIME_CLAIMS.has(name)) claims[name] = value;
  return claims;
}

function algorithmOf(key: CryptoKey): { readonly alg: string; readonly hash: string | null; readonly encoding?: 'ieee-p1363' } {
  const { name, namedCurve } = key.algorithm as { name: string; namedCurve?: string };
  // JWS wants an ECDSA signature as the raw r || s pair (IEEE P1363), not DER.
  if (key.type === 'private' && name === 'ECDSA' && namedCurve === 'P-256') return { alg: 'ES256', hash: 'sha256', encoding: 'ieee-p1363' };
  if (key.type === 'private' && name === 'Ed25519') return { alg: 'EdDSA', hash: null };
  throw new TypeError('the gateway token key must be an ES256 (P-256) or Ed25519 private key');
}

export function createGatewayTokenSigner(options: GatewayTokenSignerOptions): GatewayTokenSigner {
  const ttlSeconds = options.ttlSeconds ?? DEFAULT_GATEWAY_TOKEN_TTL_SECONDS;
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 2) throw new RangeError('ttlSeconds must be an integer of at least 2');
  const { alg, hash, encoding } = algorithmOf(options.privateKey);
  const encodedHeader = base64url.encode(JSON.stringify({ alg, kid: options.keyId, typ: 'JWT' }));
  // jose signs through WebCrypto, asynchronously, at the cost of a thread-pool round trip per
  // token; node:crypto signs the same JWS signing input synchronously, in a third of the time.
  // Subgraphs verify these tokens with jose (createGatewayTokenVerifier).
  const key = KeyObject.from(options.privateKey);
  // A cached token is handed out during the first half of its life only, so a subgraph never
  // receives one that is about to expire.
  const reuseMs = (ttlSeconds * 1000) / 2;
  const cache = new ExpiringCache<string>(MAX_CACHED_TOKENS);

  function signNew(claims: Readonly<Record<string, unknown>> | null, now: number): string {
    const iat = Math.floor(now / 1000);
    const payload = { iss: GATEWAY_ISSUER, aud: GATEWAY_AUDIENCE, iat, exp: iat + ttlSeconds, caller: claims };
    const input = `${encodedHeader}.${base64url.encode(JSON.stringify(payload))}`;
    const signature = signBytes(hash, Buffer.from(input), encoding ? { key, dsaEncoding: encoding } : key);
    return `${input}.${base64url.encode(signature)}`;
  }

  return {
    sign(caller) {
      const now = Date.now();
      const claims = forwardedClaims(caller);
      const cacheKey = claims === null ? 'null' : JSON.stringify(claims);
      const cached = cache.get(cacheKey, now);
      if (cached !== undefined) return cached;
      const token = signNew(claims, now);
      cache.set(cacheKey, token, now + reuseMs, now);
      return token;
    },
  };
}

export interface GatewayTokenVerifierOptions {
  /** The gateway's JWKS: file path, http(s) URL, or the key set itself. */
  readonly jwks: KeySetSource;
  readonly clockToleranceSeconds?: number;
}

export interface GatewayTokenVerifier {
  /**
   * The `accord-gateway-token` header's value, and the `x-request-id` header's (a fresh id when
   * absent or malformed); rejects with an IdentityError.
   */
  verify(headerValue: string | undefined, requestIdHeader?: string | string[]): Promise<GatewayIdentity>;
}

function callerOf(payload: JWTPayload): Caller | null {
  const { caller } = payload;
  if (caller === null) return null;
  if (typeof caller !== 'object' || caller === undefined || Array.isArray(caller)) {
    throw new ClaimsError('claim "caller" must be an object, or null for an anonymous caller');
  }
  return callerFromClaims(caller as Record<string, unknown>);
}

function requestIdOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && REQUEST_ID.test(value) ? value : randomUUID();
}

export function createGatewayTokenVerifier(options: GatewayTokenVerifierOptions): GatewayTokenVerifier {
  const clockTolerance = options.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS;
  if (!Number.isFinite(clockTolerance) || clockTolerance < 0) {
    throw new RangeError('clockToleranceSeconds must be a non-negative number');
  }
  const keySet = loadKeySet(options.jwks);
  const verifyOptions: JWTVerifyOptions = {
    algorithms: [...GATEWAY_TOKEN_ALGORITHMS],
    issuer: GATEWAY_ISSUER,
    audience: GATEWAY_AUDIENCE,
    clockTolerance,
    requiredClaims: ['exp'],
  };
  // The gateway reuses one token for all calls of a caller: verify each distinct token once, and
  // keep the caller until the token expires (its signature and claims cannot change).
  const verified = new ExpiringCache<Caller | null>(MAX_CACHED_TOKENS);

  async function callerFrom(headerValue: string): Promise<Caller | null> {
    const now = Date.now();
    const cached = verified.get(headerValue, now);
    if (cached !== undefined) return cached;
    try {
      const { payload } = await jwtVerify(headerValue, keySet, verifyOptions);
      const caller = callerOf(payload);
      verified.set(headerValue, caller, ((payload.exp as number) + clockTolerance) * 1000, now);
      return caller;
    } catch (error) {
      throw verificationError(error, GATEWAY_TOKEN_ALGORITHMS);
    }
  }

  return {
    async verify(headerValue, requestIdHeader) {
      if (headerValue === undefined || headerValue === '') {
        throw new IdentityError('GATEWAY_TOKEN_REQUIRED', `requests must come through the gateway (no ${GATEWAY_TOKEN_HEADER} header)`);
      }
      return { caller: await callerFrom(headerValue), requestId: requestIdOf(requestIdHeader) };
    },
  };
}
