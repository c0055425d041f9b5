// Reads the audit file as a stream of records (it can be large). A line that is not a record —
// the torn last line of a crash mid-write — is reported through `onInvalidLine` and skipped.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { isAuditRecord, type AuditRecord } from './audit-record';
import { matchesFilter, type AuditFilter } from './audit-filter';

export interface InvalidLine {
  /** 1-based line number in the file. */
  readonly line: number;
  readonly reason: string;
}

function parseLine(text: string): AuditRecord | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'not valid JSON (a record cut short?)';
  }
  return isAuditRecord(value) ? value : 'not an audit record';
}

export async function* readFileRecords(
  file: string,
  filter: AuditFilter = {},
  onInvalidLine: (invalid: InvalidLine) => void = () => {},
): AsyncGenerator<AuditRecord> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    // A writer that found a torn line ends it before appending: an empty line is harmless.
    if (text.trim() === '') continue;
    const parsed = parseLine(text);
    if (typeof parsed === 'string') onInvalidLine({ line, reason: parsed });
    else if (matchesFilter(parsed, filter)) yield parsed;
  }
}
