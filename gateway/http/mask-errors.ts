// What of an error reaches the client. In production (masking on) only errors with a code a
// client can act on keep their message, and only the extensions a client needs; a data source's
// failure keeps its code but not which subgraph or URL failed; anything else becomes a bare
// INTERNAL_SERVER_ERROR. In development, messages stay, but errors with a client-facing code carry
// no stack trace either: they are expected, not bugs.
import type { GraphQLFormattedError } from 'graphql';

/** Errors the client caused or must act on, raised by the gateway or Apollo Server. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_NOT_IN_SAFELIST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'UNAUTHORIZED_FIELD_OR_TYPE',
  'INTROSPECTION_DISABLED',
  'OPERATION_TOO_LARGE',
  'OPERATION_TOO_DEEP',
  'OPERATION_TOO_MANY_ALIASES',
  'OPERATION_TOO_MANY_ROOT_FIELDS',
  'OPERATION_TOO_MANY_DIRECTIVES',
  'OPERATION_TOO_COSTLY',
  'AUDIT_UNAVAILABLE',
]);

/** Errors a subgraph raised on purpose about the client's request; other subgraph errors are internal. */
const SUBGRAPH_CLIENT_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN']);

/** A data source failed: the code stays (clients may retry), the subgraph is not named. */
const SOURCE_FAILURES: Readonly<Record<string, string>> = {
  SUBGRAPH_UNAVAILABLE: 'A data source is unavailable',
  SUBGRAPH_TIMEOUT: 'A data source did not answer in time',
  SUBGRAPH_BAD_RESPONSE: 'A data source sent an answer that could not be used',
};

/** Extensions a client may see, besides the code. */
const CLIENT_EXTENSIONS = ['measured', 'limit', 'coordinate', 'rule', 'responsePath', 'argument', 'id'];

function clientExtensions(extensions: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const kept: Record<string, unknown> = { code: extensions.code };
  for (const key of CLIENT_EXTENSIONS) if (key in extensions) kept[key] = extensions[key];
  return kept;
}

function isExpected(code: unknown, fromSubgraph: boolean): boolean {
  if (typeof code !== 'string') return false;
  if (code in SOURCE_FAILURES) return true;
  return fromSubgraph ? SUBGRAPH_CLIENT_CODES.has(code) : CLIENT_CODES.has(code) || SUBGRAPH_CLIENT_CODES.has(code);
}

/**
 * Apollo Server refuses some requests with a 4xx status but no code (an unsupported persisted
 * query version, a hash that does not match its text): they are the client's errors, not internal ones.
 */
function codeOf(formatted: GraphQLFormattedError, error: unknown): unknown {
  const original = (error as { extensions?: { code?: unknown; http?: { status?: unknown } } } | null)?.extensions;
  const status = original?.http?.status;
  if (original && original.code === undefined && typeof status === 'number' && status >= 400 && status < 500) return 'BAD_REQUEST';
  return formatted.extensions?.code;
}

export function maskError(given: GraphQLFormattedError, error: unknown, mask: boolean): GraphQLFormattedError {
  const code = codeOf(given, error);
  const formatted = code === given.extensions?.code ? given : { ...given, extensions: { ...given.extensions, code } };
  const extensions = formatted.extensions ?? {};
  // Execution names the subgraph of every error that came from one.
  const fromSubgraph = 'serviceName' in extensions;
  const expected = isExpected(code, fromSubgraph);
  if (!mask) {
    if (!expected || !('stacktrace' in extensions)) return formatted;
    const { stacktrace: _dropped, ...rest } = extensions;
    return { ...formatted, extensions: rest };
  }
  const where = { ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}) };
  if (typeof code === 'string' && code in SOURCE_FAILURES) return { message: SOURCE_FAILURES[code]!, ...where, extensions: { code } };
  if (expected) return { message: formatted.message, ...where, extensions: clientExtensions(extensions) };
  return { message: 'Internal server error', ...where, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
