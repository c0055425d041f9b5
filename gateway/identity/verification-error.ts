// Turns whatever went wrong while verifying a JWT (jose's errors, malformed claims) into an
// IdentityError with a stable code. Messages are fixed texts: nothing from the token is echoed.
import { errors } from 'jose';
import { ClaimsError } from './caller';
import { IdentityError } from './identity-error';

function isoDate(seconds: unknown): string | null {
  return typeof seconds === 'number' && Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : null;
}

function claimError(error: errors.JWTClaimValidationFailed): IdentityError {
  const missing = error.reason === 'missing';
  switch (error.claim) {
    case 'nbf':
      if (error.reason === 'check_failed') {
        const at = isoDate(error.payload.nbf);
        return new IdentityError('TOKEN_NOT_YET_VALID', `token is not valid before ${at ?? 'its "nbf" time'}`);
      }
      break;
    case 'iss':
      return new IdentityError('INVALID_ISSUER', missing ? 'token has no "iss" claim' : 'token issuer is not accepted');
    case 'aud':
      return new IdentityError('INVALID_AUDIENCE', missing ? 'token has no "aud" claim' : 'token audience is not accepted');
  }
  return new IdentityError('INVALID_CLAIMS', `token claims are invalid: ${error.message}`);
}

export function verificationError(error: unknown, acceptedAlgorithms: readonly string[]): IdentityError {
  if (error instanceof IdentityError) return error;
  if (error instanceof ClaimsError) return new IdentityError('INVALID_CLAIMS', `token claims are invalid: ${error.message}`);
  if (error instanceof errors.JWTExpired) {
    const at = isoDate(error.payload.exp);
    return new IdentityError('TOKEN_EXPIRED', at ? `token expired at ${at}` : 'token expired');
  }
  if (error instanceof errors.JWTClaimValidationFailed) return claimError(error);
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return new IdentityError('UNSUPPORTED_ALGORITHM', `token must be signed with one of ${acceptedAlgorithms.join(', ')}`);
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return new IdentityError('UNKNOWN_SIGNING_KEY', 'no key in the key set matches the token\'s "kid" and algorithm');
  }
  if (error instanceof errors.JWKSMultipleMatchingKeys) {
    return new IdentityError('UNKNOWN_SIGNING_KEY', 'token has no "kid" and several keys in the key set could have signed it');
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new IdentityError('INVALID_SIGNATURE', 'token signature is invalid');
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
    return new IdentityError('INVALID_TOKEN', 'token is not a well-formed signed JWT');
  }
  // Anything else is unexpected: refuse the token, keep the cause for the server's logs only.
  return new IdentityError('INVALID_TOKEN', 'token could not be verified', { cause: error });
}
