// Verifies the client's Authorization header and turns its JWT into a Caller. Runs once per
// request, so everything that does not depend on the token is prepared once, up front, and a token
// already verified is not verified again while it stays valid: a dashboard sends the same token
// with every poll, and its signature and claims cannot change.
import { jwtVerify, type JWTVerifyOptions } from 'jose';
import { callerFromClaims, type Caller } from './caller';
import { ExpiringCache } from './expiring-cache';
import { IdentityError } from './identity-error';
import { loadKeySet, type KeySetSource } from './key-set';
import { verificationError } from './verification-error';

/** Only signatures made with a private key: `none` and HMAC (`HS*`) are refused outright. */
export const ASYMMETRIC_ALGORITHMS: readonly string[] = [
  'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519',
];

export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 5;

/** Distinct tokens remembered as verified (the oldest go first). */
const MAX_VERIFIED_TOKENS = 10_000;
/**
 * How long a verification is trusted at most, even if the token lives longer: a key taken out of
 * the key set stops being honoured within this time (and the key set's own refresh interval).
 */
const VERIFIED_TOKEN_TTL_MS = 60_000;

export interface TokenVerifierOptions {
  /** JWKS file path, http(s) URL, or the key set itself. */
  readonly jwks: KeySetSource;
  /** Accepted `iss` values; any issuer when absent. */
  readonly issuer?: string | string[];
  /** The `aud` the token must name; any audience when absent. */
  readonly audience?: string | string[];
  /** Allowed clock skew for `exp` and `nbf`, in seconds. */
  readonly clockToleranceSeconds?: number;
}

export interface TokenVerifier {
  /** `undefined` (no header) → null (anonymous). Otherwise a Caller, or a rejected IdentityError. */
  verify(authorization: string | undefined): Promise<Caller | null>;
}

// RFC 6750 section 2.1: the scheme is case-insensitive, the token is a b64token.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;
const BEARER_SCHEME = /^Bearer(?: |$)/i;

function bearerToken(authorization: string): string {
  const match = BEARER.exec(authorization);
  if (match) return match[1]!;
  if (authorization.trim() !== '' && !BEARER_SCHEME.test(authorization)) {
    throw new IdentityError('UNSUPPORTED_AUTHORIZATION_SCHEME', 'the Authorization header must use the Bearer scheme');
  }
  throw new IdentityError('MALFORMED_AUTHORIZATION', 'the Authorization header must be "Bearer <token>"');
}

export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const clockTolerance = options.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS;
  if (!Number.isFinite(clockTolerance) || clockTolerance < 0) {
    throw new RangeError('clockToleranceSeconds must be a non-negative number');
  }
  const keySet = loadKeySet(options.jwks);
  const verifyOptions: JWTVerifyOptions = {
    algorithms: [...ASYMMETRIC_ALGORITHMS],
    issuer: options.issuer,
    audience: options.audience,
    clockTolerance,
    // A token without an expiry would be valid forever.
    requiredClaims: ['exp'],
  };

  // Only successes are remembered; each entry expires with its token (plus the tolerance), and
  // holds from the token's not-before (less the tolerance), should the clock be set back.
  const verified = new ExpiringCache<{ readonly caller: Caller; readonly validFrom: number }>(MAX_VERIFIED_TOKENS);

  return {
    async verify(authorization) {
      if (authorization === undefined) return null;
      const now = Date.now();
      const cached = verified.get(authorization, now);
      if (cached !== undefined && now >= cached.validFrom) return cached.caller;
      try {
        const { payload } = await jwtVerify(bearerToken(authorization), keySet, verifyOptions);
        const caller = callerFromClaims(payload);
        const expiresAt = ((payload.exp as number) + clockTolerance) * 1000;
        const validFrom = typeof payload.nbf === 'number' ? (payload.nbf - clockTolerance) * 1000 : -Infinity;
        verified.set(authorization, { caller, validFrom }, Math.min(expiresAt, now + VERIFIED_TOKEN_TTL_MS), now);
        return caller;
      } catch (error) {
        throw verificationError(error, ASYMMETRIC_ALGORITHMS);
      }
    },
  };
}
