// The audit table in PostgreSQL: one row per record, the same fields as a line of the audit file.
import type { ClientBase } from 'pg';
import type { AuditRecord } from './audit-record';

export const AUDIT_TABLE = 'accord_audit';

const CREATE_TABLE = `
create table if not exists ${AUDIT_TABLE} (
  id bigserial primary key,
  time timestamptz not null,
  request_id text not null,
  subject text,
  agency text,
  operation_name text,
  operation_hash text,
  operation_type text,
  supergraph text,
  outcome text not null,
  status integer not null,
  classification text not null,
  returned text[] not null,
  denied jsonb not null,
  error_codes text[] not null
);
create index if not exists ${AUDIT_TABLE}_time on ${AUDIT_TABLE} (time);
create index if not exists ${AUDIT_TABLE}_subject_time on ${AUDIT_TABLE} (subject, time);
create index if not exists ${AUDIT_TABLE}_request_id on ${AUDIT_TABLE} (request_id);`;

/** Creates the table if missing. Several gateways may start at once: a lock keeps them from racing. */
export async function ensureAuditTable(client: ClientBase): Promise<void> {
  await client.query('begin');
  try {
    await client.query(`select pg_advisory_xact_lock(hashtext('${AUDIT_TABLE}'))`);
    await client.query(CREATE_TABLE);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

/**
 * Inserts a batch with one statement: the records travel as one JSON array parameter (no limit on
 * the number of bind parameters), and the statement is one transaction, all or nothing.
 */
export const INSERT_RECORDS = `
insert into ${AUDIT_TABLE}
  (time, request_id, subject, agency, operation_name, operation_hash, operation_type, supergraph,
   outcome, status, classification, returned, denied, error_codes)
select "time", "requestId", subject, agency, "operationName", "operationHash", "operationType", supergraph,
   outcome, status, classification, returned, denied, "errorCodes"
from jsonb_to_recordset($1::jsonb) as r(
  "time" timestamptz, "requestId" text, subject text, agency text, "operationName" text,
  "operationHash" text, "operationType" text, supergraph text, outcome text, status integer,
  classification text, returned text[], denied jsonb, "errorCodes" text[])`;

/** The columns a record is read back from, in the order of AuditRecord's fields. */
export const RECORD_COLUMNS = `id, time, request_id, subject, agency, operation_name, operation_hash, operation_type,
  supergraph, outcome, status, classification, returned, denied, error_codes`;

export interface AuditRow {
  readonly id: string;
  readonly time: Date;
  readonly request_id: string;
  readonly subject: string | null;
  readonly agency: string | null;
  readonly operation_name: string | null;
  readonly operation_hash: string | null;
  readonly operation_type: string | null;
  readonly supergraph: string | null;
  readonly outcome: string;
  readonly status: number;
  readonly classification: string;
  readonly returned: string[];
  readonly denied: unknown;
  readonly error_codes: string[];
}

/** A row as the record it was written from (the same JSON as the file's line). */
export function rowToRecord(row: AuditRow): unknown {
  return {
    time: row.time.toISOString(),
    requestId: row.request_id,
    subject: row.subject,
    agency: row.agency,
    operationName: row.operation_name,
    operationHash: row.operation_hash,
    operationType: row.operation_type,
    supergraph: row.supergraph,
    outcome: row.outcome,
    status: row.status,
    classification: row.classification,
    returned: row.returned,
    denied: row.denied,
    errorCodes: row.error_codes,
  } satisfies Record<keyof AuditRecord, unknown>;
}
