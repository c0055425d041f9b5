// The gateway-to-subgraph contract. The gateway never forwards the client's token: it sends each
// subgraph a short-lived token of its own, in the `accord-gateway-token` header, carrying
//   iss "accord-gateway", aud "accord-subgraph", iat, exp,
//   rid     the gateway's request id (so subgraph audit records join the gateway's),
//   caller  the client's verified claims, or null when the gateway served an anonymous caller.
// A request without the header did not come through the gateway; one with `caller: null` did,
// for an anonymous caller.
import { jwtVerify, SignJWT, type CryptoKey, type JWTPayload, type JWTVerifyOptions } from 'jose';
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
export const GATEWAY_TOKEN_ALGORITHMS: readonly string[] = ['ES256', 'EdDSA', 'Ed25519'];

export const DEFAULT_GATEWAY_TOKEN_TTL_SECONDS = 60;
// Enough for the requests in flight at once; each entry is one token of a few hundred bytes.
const MAX_CACHED_TOKENS = 10_000;

/** What a subgraph learns from a gateway token. */
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
  /** The token for one request's calls to the subgraphs; identical calls share one token. */
  sign(caller: Caller | null, requestId: string): Promise<string>;
}

function algorithmOf(key: CryptoKey): string {
  const { name, namedCurve } = key.algorithm as { name: string; namedCurve?: string };
  if (key.type === 'private' && name === 'ECDSA' && namedCurve === 'P-256') return 'ES256';
  if (key.type === 'private' && name === 'Ed25519') return 'EdDSA';
  throw new TypeError('the gateway token key must be an ES256 (P-256) or Ed25519 private key');
}

export function createGatewayTokenSigner(options: GatewayTokenSignerOptions): GatewayTokenSigner {
  const ttlSeconds = options.ttlSeconds ?? DEFAULT_GATEWAY_TOKEN_TTL_SECONDS;
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 2) throw new RangeError('ttlSeconds must be an integer of at least 2');
  const header = { alg: algorithmOf(options.privateKey), kid: options.keyId, typ: 'JWT' };
  // A cached token is handed out during the first half of its life only, so a subgraph never
  // receives one that is about to expire.
  const reuseMs = (ttlSeconds * 1000) / 2;
  const cache = new ExpiringCache<Promise<string>>(MAX_CACHED_TOKENS);

  async function signNew(caller: Caller | null, requestId: string): Promise<string> {
    const iat = Math.floor(Date.now() / 1000);
    const payload = {
      iss: GATEWAY_ISSUER,
      aud: GATEWAY_AUDIENCE,
      iat,
      exp: iat + ttlSeconds,
      rid: requestId,
      caller: caller === null ? null : caller.claims,
    };
    return new SignJWT(payload).setProtectedHeader(header).sign(options.privateKey);
  }

  return {
    sign(caller, requestId) {
      const now = Date.now();
      const key = `${requestId}\n${caller === null ? 'null' : JSON.stringify(caller.claims)}`;
      const cached = cache.get(key, now);
      if (cached !== undefined) return cached;
      const token = signNew(caller, requestId);
      cache.set(key, token, now + reuseMs, now);
      token.catch(() => cache.deleteIf(key, token));
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
  /** The `accord-gateway-token` header's value; rejects with an IdentityError. */
  verify(headerValue: string | undefined): Promise<GatewayIdentity>;
}

function identityFromClaims(payload: JWTPayload): GatewayIdentity {
  const { rid, caller } = payload;
  if (typeof rid !== 'string' || rid.length === 0) throw new ClaimsError('claim "rid" must be a non-empty string');
  if (caller === null) return { caller: null, requestId: rid };
  if (typeof caller !== 'object' || caller === undefined || Array.isArray(caller)) {
    throw new ClaimsError('claim "caller" must be an object, or null for an anonymous caller');
  }
  return { caller: callerFromClaims(caller as Record<string, unknown>), requestId: rid };
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
  // The gateway reuses one token for all calls of a request: verify each distinct token once,
  // and keep the result until the token expires (its signature and claims cannot change).
  const verified = new ExpiringCache<GatewayIdentity>(MAX_CACHED_TOKENS);

  return {
    async verify(headerValue) {
      if (headerValue === undefined || headerValue === '') {
        throw new IdentityError('GATEWAY_TOKEN_REQUIRED', `requests must come through the gateway (no ${GATEWAY_TOKEN_HEADER} header)`);
      }
      const now = Date.now();
      const cached = verified.get(headerValue, now);
      if (cached !== undefined) return cached;
      try {
        const { payload } = await jwtVerify(headerValue, keySet, verifyOptions);
        const identity = identityFromClaims(payload);
        verified.set(headerValue, identity, ((payload.exp as number) + clockTolerance) * 1000, now);
        return identity;
      } catch (error) {
        throw verificationError(error, GATEWAY_TOKEN_ALGORITHMS);
      }
    },
  };
}
