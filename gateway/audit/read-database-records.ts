// Reads records from the audit table, in the order they were written, a page at a time so that
// a long trail streams instead of filling memory.
import { Client } from 'pg';
import { isAuditRecord, type AuditRecord } from './audit-record';
import type { AuditFilter } from './audit-filter';
import { AUDIT_TABLE, RECORD_COLUMNS, rowToRecord, type AuditRow } from './postgres-table';

const PAGE_SIZE = 1000;

/** The filter as SQL conditions, with their parameters numbered from $2 ($1 is the page's starting id). */
function conditions(filter: AuditFilter): { where: string; values: unknown[] } {
  const clauses: string[] = [];
  const values: unknown[] = [];
  const add = (clause: (param: string) => string, value: unknown) => {
    values.push(value);
    clauses.push(clause(`$${values.length + 1}`));
  };
  if (filter.subject !== undefined) add((p) => `subject = ${p}`, filter.subject);
  if (filter.agency !== undefined) add((p) => `agency = ${p}`, filter.agency);
  if (filter.outcome !== undefined) add((p) => `outcome = ${p}`, filter.outcome);
  if (filter.requestId !== undefined) add((p) => `request_id = ${p}`, filter.requestId);
  if (filter.since) add((p) => `time >= ${p}`, filter.since);
  if (filter.until) add((p) => `time <= ${p}`, filter.until);
  if (filter.deniedOnly) clauses.push(`jsonb_array_length(denied) > 0`);
  return { where: clauses.map((c) => ` and ${c}`).join(''), values };
}

export async function* readDatabaseRecords(
  databaseUrl: string,
  filter: AuditFilter = {},
  onInvalidRow: (id: string) => void = () => {},
): AsyncGenerator<AuditRecord> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const exists = await client.query('select to_regclass($1) as table', [AUDIT_TABLE]);
    if (exists.rows[0].table === null) return;
    const { where, values } = conditions(filter);
    const sql = `select ${RECORD_COLUMNS} from ${AUDIT_TABLE} where id > $1${where} order by id limit ${PAGE_SIZE}`;
    let after = '0';
    for (;;) {
      const page = await client.query<AuditRow>(sql, [after, ...values]);
      for (const row of page.rows) {
        const record = rowToRecord(row);
        if (isAuditRecord(record)) yield record;
        else onInvalidRow(row.id);
      }
      if (page.rows.length < PAGE_SIZE) return;
      after = page.rows.at(-1)!.id;
    }
  } finally {
    await client.end();
  }
}
