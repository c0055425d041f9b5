// Variables are checked against the operation's declarations before anything is planned, as
// graphql-js does before executing: a wrong type, a missing required value or an unknown enum
// value is the client's error (400), not a subgraph's.
import { getVariableValues, GraphQLError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';

const MAX_REPORTED = 10;

export function checkVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> | undefined,
): GraphQLError | null {
  const given = variables ?? {};
  if (typeof given !== 'object' || Array.isArray(given)) {
    return new GraphQLError('Variables must be a JSON object', { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
  }
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], given as Record<string, unknown>, { maxErrors: MAX_REPORTED });
  if (!result.errors) return null;
  const message = result.errors.map((e) => e.message).join('\n');
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
}
