// The errors of the operation limits: each limit has its own code, and the error says what was
// measured and what is allowed. All are the client's doing: HTTP 400.
import { GraphQLError } from 'graphql';

export const LIMIT_CODES = {
  documentBytes: 'OPERATION_TOO_LARGE',
  depth: 'OPERATION_TOO_DEEP',
  aliases: 'OPERATION_TOO_MANY_ALIASES',
  rootFields: 'OPERATION_TOO_MANY_ROOT_FIELDS',
  directives: 'OPERATION_TOO_MANY_DIRECTIVES',
  cost: 'OPERATION_TOO_COSTLY',
} as const;

export type LimitName = keyof typeof LIMIT_CODES;

const WHAT: Record<LimitName, string> = {
  documentBytes: 'The operation text is larger than allowed',
  depth: 'The operation nests fields deeper than allowed',
  aliases: 'The operation uses more aliases than allowed',
  rootFields: 'The operation selects more root fields than allowed',
  directives: 'The operation uses more directives than allowed',
  cost: 'The estimated cost of the operation is higher than allowed',
};

/** Cost estimates can grow past what JSON can say exactly. */
function reportable(n: number): number {
  return Math.min(n, Number.MAX_SAFE_INTEGER);
}

export function limitExceeded(limit: LimitName, measured: number, allowed: number): GraphQLError {
  const value = reportable(measured);
  return new GraphQLError(`${WHAT[limit]} (${value}; at most ${allowed})`, {
    extensions: { code: LIMIT_CODES[limit], measured: value, limit: allowed, http: { status: 400 } },
  });
}
