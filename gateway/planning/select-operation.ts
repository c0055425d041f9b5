// Picks the operation a request names, with the rules graphql-js and the query planner apply.
import { Kind, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { PlanningError } from './errors';

/** The operation a request names, as graphql-js and the planner pick it. */
export function selectOperation(document: DocumentNode, operationName?: string | null): OperationDefinitionNode {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (operationName) {
    const named = operations.find((o) => o.name?.value === operationName);
    if (!named) throw new PlanningError('OPERATION_RESOLUTION_FAILURE', `Unknown operation named "${operationName}".`);
    return named;
  }
  if (operations.length === 1) return operations[0];
  throw new PlanningError(
    'OPERATION_RESOLUTION_FAILURE',
    operations.length === 0 ? 'Must provide an operation.' : 'Must provide operation name if query contains multiple operations.',
  );
}
