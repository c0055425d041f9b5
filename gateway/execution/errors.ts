// The errors execution adds to a response.
import { ERRORS, errorCodeDef } from '@apollo/federation-internals';
import { GraphQLError } from 'graphql';

export type SubgraphFailureCode = 'SUBGRAPH_UNAVAILABLE' | 'SUBGRAPH_TIMEOUT' | 'SUBGRAPH_BAD_RESPONSE';

export type ResponsePath = ReadonlyArray<string | number>;

/** A fetch that produced nothing usable: one error for the whole fetch. */
export function subgraphFailure(code: SubgraphFailureCode, serviceName: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, serviceName } });
}

/** An error as a subgraph reported it. */
export interface SubgraphErrorBody {
  readonly message?: unknown;
  readonly path?: unknown;
  readonly extensions?: unknown;
}

/**
 * A subgraph's error, re-issued at `path` in the client's response, with Apollo Gateway's rules:
 * the subgraph's extensions are kept and `serviceName` is added; an error without a code becomes
 * DOWNSTREAM_SERVICE_ERROR.
 */
export function downstreamError(error: SubgraphErrorBody, serviceName: string, path: ResponsePath | undefined): GraphQLError {
  const message =
    typeof error.message === 'string' && error.message
      ? error.message
      : `Error while fetching subquery from service "${serviceName}"`;
  const original = typeof error.extensions === 'object' && error.extensions !== null ? (error.extensions as Record<string, unknown>) : undefined;
  const options = { path, extensions: { ...original, serviceName } };
  const codeDefinition = typeof original?.code === 'string' ? errorCodeDef(original.code) : undefined;
  if (!codeDefinition && original?.code) return new GraphQLError(message, options);
  return (codeDefinition ?? ERRORS.DOWNSTREAM_SERVICE_ERROR).err(message, options);
}

/** A null the result shaping had to put where the schema forbids one, or a value of the wrong type. */
export function valueCompletionError(message: string, path: ResponsePath): GraphQLError {
  return ERRORS.INVALID_GRAPHQL.err(message, { path: [...path] });
}

export function unauthorizedError(path: ResponsePath | undefined, coordinate: string, rule: string): GraphQLError {
  return new GraphQLError('Unauthorized field or type', {
    path,
    extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE', coordinate, rule },
  });
}

export function badUserInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}
