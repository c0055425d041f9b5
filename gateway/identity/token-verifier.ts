// Verifies the client's Authorization header and turns its JWT into a Caller. Runs once per
// request, so everything that does not depend on the token is prepared once, up front.
import { jwtVerify, type JWTVerifyOptions } from 'jose';
import { callerFromClaims, type Caller } from './caller';
import { IdentityError } from './identity-error';
import { loadKeySet, type KeySetSource } from './key-set';
import { verificationError } from './verification-error';

/** Only signatures made with a private key: `none` and HMAC (`HS*`) are refused outright. */
export const ASYMMETRIC_ALGORITHMS: readonly string[] = [
  'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519',
];

export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 5;

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

  return {
    async verify(authorization) {
      if (authorization === undefined) return null;
      try {
        const { payload } = await jwtVerify(bearerToken(authorization), keySet, verifyOptions);
        return callerFromClaims(payload);
      } catch (error) {
        throw verificationError(error, ASYMMETRIC_ALGORITHMS);
      }
    },
  };
}
