// A document whose operation cannot be chosen (unknown name, or several operations and no name):
// refused with a 400 before anything runs, as graphql-js words it.
import { GraphQLError } from 'graphql';

export const OPERATION_RESOLUTION_FAILURE = 'OPERATION_RESOLUTION_FAILURE';

export function unresolvedOperation(operationName: string | undefined | null): GraphQLError {
  const message = operationName
    ? `Unknown operation named "${operationName.slice(0, 100)}".`
    : 'Must provide operation name if query contains multiple operations.';
  return new GraphQLError(message, { extensions: { code: OPERATION_RESOLUTION_FAILURE, http: { status: 400 } } });
}
