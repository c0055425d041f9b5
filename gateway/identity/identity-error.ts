// Why an identity could not be established. The HTTP layer turns one of these into a response
// (status, WWW-Authenticate header, code and message in the body); the message is written for
// the client and never carries a stack or the token's content.

export type IdentityErrorCode =
  /** The gateway requires a token and the request carried none. */
  | 'AUTHENTICATION_REQUIRED'
  /** An Authorization header with another scheme than Bearer (Basic, ...). */
  | 'UNSUPPORTED_AUTHORIZATION_SCHEME'
  /** A Bearer header without exactly one token after it. */
  | 'MALFORMED_AUTHORIZATION'
  /** Not a well-formed signed JWT. */
  | 'INVALID_TOKEN'
  /** Well-formed, but the signature does not match the key it names. */
  | 'INVALID_SIGNATURE'
  | 'UNSUPPORTED_ALGORITHM'
  /** No key in the key set matches the token's `kid` and algorithm. */
  | 'UNKNOWN_SIGNING_KEY'
  | 'TOKEN_EXPIRED'
  | 'TOKEN_NOT_YET_VALID'
  | 'INVALID_ISSUER'
  | 'INVALID_AUDIENCE'
  /** A claim is missing or has the wrong shape (`sub`, `scope`, `clearance`, `exp`, ...). */
  | 'INVALID_CLAIMS'
  /** Subgraph side: the request did not come through the gateway (no gateway token). */
  | 'GATEWAY_TOKEN_REQUIRED'
  /** The key set could not be fetched or read: the server's problem, not the token's. */
  | 'KEY_SET_UNAVAILABLE';

export const AUTH_REALM = 'accord';

/** RFC 6750 section 3.1 error codes; `null` for a request without usable credentials. */
type BearerErrorCode = 'invalid_request' | 'invalid_token' | null;

const BEARER_ERROR: Record<IdentityErrorCode, BearerErrorCode> = {
  AUTHENTICATION_REQUIRED: null,
  UNSUPPORTED_AUTHORIZATION_SCHEME: null,
  GATEWAY_TOKEN_REQUIRED: null,
  MALFORMED_AUTHORIZATION: 'invalid_request',
  INVALID_TOKEN: 'invalid_token',
  INVALID_SIGNATURE: 'invalid_token',
  UNSUPPORTED_ALGORITHM: 'invalid_token',
  UNKNOWN_SIGNING_KEY: 'invalid_token',
  TOKEN_EXPIRED: 'invalid_token',
  TOKEN_NOT_YET_VALID: 'invalid_token',
  INVALID_ISSUER: 'invalid_token',
  INVALID_AUDIENCE: 'invalid_token',
  INVALID_CLAIMS: 'invalid_token',
  KEY_SET_UNAVAILABLE: null,
};

// RFC 6750 allows only printable ASCII without `"` and `\` inside error_description.
function quotable(text: string): string {
  return text.replace(/["\\]/g, "'").replace(/[^\x20-\x7e]/g, '?');
}

function bearerChallenge(code: IdentityErrorCode, message: string): string {
  const error = BEARER_ERROR[code];
  if (error === null) return `Bearer realm="${AUTH_REALM}"`;
  return `Bearer realm="${AUTH_REALM}", error="${error}", error_description="${quotable(message)}"`;
}

export class IdentityError extends Error {
  readonly code: IdentityErrorCode;
  /** 401 for every refusal of the request's credentials; 503 when the key set is unavailable. */
  readonly status: 401 | 503;
  /** Value for the response's WWW-Authenticate header (RFC 6750); null when not a 401. */
  readonly wwwAuthenticate: string | null;

  constructor(code: IdentityErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'IdentityError';
    this.code = code;
    this.status = code === 'KEY_SET_UNAVAILABLE' ? 503 : 401;
    this.wwwAuthenticate = this.status === 401 ? bearerChallenge(code, message) : null;
  }
}

/** For a gateway configured to refuse anonymous requests. */
export function authenticationRequired(): IdentityError {
  return new IdentityError('AUTHENTICATION_REQUIRED', 'this endpoint requires a Bearer token');
}
