// Introspection fields (`__schema`, `__type`) are answered by the gateway itself, with graphql-js
// against the API schema, as Apollo Gateway does.
import {
  executeSync,
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

export const INTROSPECTION_FIELDS: ReadonlySet<string> = new Set(['__schema', '__type']);

/** A query holding only the given occurrences of one introspection field, with the operation's variables and all fragments. */
export function introspectionDocument(
  operation: OperationDefinitionNode,
  occurrences: readonly FieldNode[],
  fragments: readonly FragmentDefinitionNode[],
): DocumentNode {
  return {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: OperationTypeNode.QUERY,
        variableDefinitions: operation.variableDefinitions,
        selectionSet: { kind: Kind.SELECTION_SET, selections: occurrences },
      },
      ...fragments,
    ],
  };
}

/** The value of the field under `key`, or null if graphql-js could not answer. */
export function answerIntrospection(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>>,
  key: string,
): unknown {
  const { data } = executeSync({ schema, document, rootValue: {}, variableValues: variables });
  return data ? (data[key] ?? null) : null;
}
