// One error type for everything the authorization layer refuses, with a stable code so that
// the gateway can report it (and tests can assert it) without matching on message text.

export type AuthorizationErrorCode =
  /** The supergraph text does not parse. */
  | 'INVALID_SUPERGRAPH'
  /** A linked authorization or classification spec has a version this gateway does not know. */
  | 'UNSUPPORTED_SPEC_VERSION'
  /** The same spec is linked twice, or a malformed `@link`. */
  | 'INVALID_LINK'
  /** Two links claim the same local directive name. */
  | 'DIRECTIVE_NAME_CONFLICT'
  /** An authorization or classification directive where it has no meaning. */
  | 'MISPLACED_DIRECTIVE'
  /** A `scopes` / `policies` / `level` argument that cannot be read without guessing. */
  | 'INVALID_DIRECTIVE_ARGUMENT'
  /** The operation asked for does not exist in the document. */
  | 'UNKNOWN_OPERATION'
  /** The document refers to a field or type the schema does not have (it was not validated). */
  | 'INVALID_OPERATION';

export class AuthorizationError extends Error {
  readonly code: AuthorizationErrorCode;

  constructor(code: AuthorizationErrorCode, message: string) {
    super(message);
    this.name = 'AuthorizationError';
    this.code = code;
  }
}
