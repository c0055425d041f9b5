// What one request came to, for its log line and the metrics: the same facts as its audit record
// (who, which operation, outcome, status, error codes) plus how long it took.
import type { AuditOutcome, OperationType } from '../audit';

export interface OperationSummary {
  readonly operationName: string | null;
  readonly operationType: OperationType | null;
  readonly outcome: AuditOutcome;
  readonly errorCodes: readonly string[];
}

export interface RequestSummary extends OperationSummary {
  readonly requestId: string;
  readonly subject: string | null;
  readonly agency: string | null;
  readonly method: string;
  readonly status: number;
  readonly durationMs: number;
}
