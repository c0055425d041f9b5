// One summary for a request from those of its operations (a batch holds several): the names
// together, the worst outcome, every error code once.
import { AUDIT_OUTCOMES } from '../audit';
import type { OperationSummary } from './request-summary';

// AUDIT_OUTCOMES runs from the best outcome (ok) to the worst (refused).
const rank = (outcome: OperationSummary['outcome']) => AUDIT_OUTCOMES.indexOf(outcome);

export function summarizeOperations(operations: readonly OperationSummary[]): OperationSummary {
  if (operations.length === 1) return operations[0]!;
  // None: Apollo Server answered without running an operation (a landing page, or a refusal the caller records).
  if (operations.length === 0) return { operationName: null, operationType: null, outcome: 'ok', errorCodes: [] };
  const names = operations.map((o) => o.operationName).filter((name): name is string => name !== null);
  return {
    operationName: names.length ? names.join(',') : null,
    operationType: operations[0]!.operationType,
    outcome: operations.map((o) => o.outcome).reduce((worst, o) => (rank(o) > rank(worst) ? o : worst)),
    errorCodes: [...new Set(operations.flatMap((o) => o.errorCodes))],
  };
}
