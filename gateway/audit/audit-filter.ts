// Which records an audit query asks for. The file reader applies it record by record; the
// database reader turns it into a where clause with the same meaning.
import type { Agency } from '../identity/caller';
import type { AuditOutcome, AuditRecord } from './audit-record';

export interface AuditFilter {
  readonly subject?: string;
  readonly agency?: Agency;
  /** Records at or after this time. */
  readonly since?: Date;
  /** Records at or before this time. */
  readonly until?: Date;
  readonly outcome?: AuditOutcome;
  /** Only records where something was denied. */
  readonly deniedOnly?: boolean;
  readonly requestId?: string;
}

export function matchesFilter(record: AuditRecord, filter: AuditFilter): boolean {
  if (filter.subject !== undefined && record.subject !== filter.subject) return false;
  if (filter.agency !== undefined && record.agency !== filter.agency) return false;
  if (filter.outcome !== undefined && record.outcome !== filter.outcome) return false;
  if (filter.requestId !== undefined && record.requestId !== filter.requestId) return false;
  if (filter.deniedOnly && record.denied.length === 0) return false;
  if (filter.since || filter.until) {
    const time = Date.parse(record.time);
    if (filter.since && time < filter.since.getTime()) return false;
    if (filter.until && time > filter.until.getTime()) return false;
  }
  return true;
}
