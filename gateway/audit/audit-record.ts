// One line of the audit trail: who asked for what, what they got, what was withheld and why.
// Compact on purpose: no response data and no variable values, only names, hashes and coordinates.
import { CLASSIFICATION_LEVELS, type ClassificationLevel } from '../authorization';
import { AGENCIES, type Agency } from '../identity/caller';

/** The pipeline's outcomes, plus `refused`: the operation never reached the pipeline (bad token, invalid, ...). */
export const AUDIT_OUTCOMES = ['ok', 'partial', 'denied', 'error', 'refused'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export type OperationType = 'query' | 'mutation' | 'subscription';

export interface AuditDenial {
  /** Schema coordinate that was denied: `Type.field`, or `Type`. */
  readonly coordinate: string;
  /** Response keys joined with dots, without list indices; empty for the whole operation. */
  readonly responsePath: string;
  /** The unmet requirement, as the directive (`@requiresScopes(scopes: [["cyber:read"]])`). */
  readonly rule: string;
}

export interface AuditRecord {
  /** When the response was about to be sent (ISO 8601, UTC). */
  readonly time: string;
  readonly requestId: string;
  /** The verified subject; null for an anonymous caller or one whose identity was refused. */
  readonly subject: string | null;
  readonly agency: Agency | null;
  readonly operationName: string | null;
  /** Apollo Server's query hash (SHA-256 of the query text), or the persisted-query hash the client sent. */
  readonly operationHash: string | null;
  /** null when the operation was not parsed and resolved. */
  readonly operationType: OperationType | null;
  /** Id of the supergraph the operation ran on (or would have). */
  readonly supergraph: string | null;
  readonly outcome: AuditOutcome;
  /** HTTP status of the response. */
  readonly status: number;
  /** Marking of the most classified data returned. */
  readonly classification: ClassificationLevel;
  /** Sensitive coordinates the response carried values for, sorted. */
  readonly returned: readonly string[];
  readonly denied: readonly AuditDenial[];
  /** Distinct error codes of the response, other than authorization denials (listed in `denied`). */
  readonly errorCodes: readonly string[];
}

function isStringOrNull(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

function isDenial(value: unknown): value is AuditDenial {
  if (typeof value !== 'object' || value === null) return false;
  const denial = value as Record<string, unknown>;
  return typeof denial.coordinate === 'string' && typeof denial.responsePath === 'string' && typeof denial.rule === 'string';
}

/** Checks the shape of a record read back from storage (a damaged line must not pass for a record). */
export function isAuditRecord(value: unknown): value is AuditRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.time === 'string' &&
    !Number.isNaN(Date.parse(r.time)) &&
    typeof r.requestId === 'string' &&
    isStringOrNull(r.subject) &&
    (r.agency === null || (AGENCIES as readonly unknown[]).includes(r.agency)) &&
    isStringOrNull(r.operationName) &&
    isStringOrNull(r.operationHash) &&
    (r.operationType === null || r.operationType === 'query' || r.operationType === 'mutation' || r.operationType === 'subscription') &&
    isStringOrNull(r.supergraph) &&
    (AUDIT_OUTCOMES as readonly unknown[]).includes(r.outcome) &&
    typeof r.status === 'number' &&
    (CLASSIFICATION_LEVELS as readonly unknown[]).includes(r.classification) &&
    Array.isArray(r.returned) &&
    r.returned.every((c) => typeof c === 'string') &&
    Array.isArray(r.denied) &&
    r.denied.every(isDenial) &&
    Array.isArray(r.errorCodes) &&
    r.errorCodes.every((c) => typeof c === 'string')
  );
}
