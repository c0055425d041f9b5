// Finding the operations and fragments of a document, shared by the analysis and the filter.
import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { AuthorizationError } from './errors';

/**
 * The operation named `operationName`; without a name, every operation of the document
 * (a single one in practice; several are all judged, as Apollo Router does).
 */
export function selectedOperations(document: DocumentNode, operationName?: string): OperationDefinitionNode[] {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (operationName === undefined) return operations;
  const named = operations.filter((operation) => operation.name?.value === operationName);
  if (named.length !== 1) {
    throw new AuthorizationError('UNKNOWN_OPERATION', `the document has no single operation named "${operationName}"`);
  }
  return named;
}

export function fragmentsByName(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}
