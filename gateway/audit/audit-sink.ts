// Where audit records go. A sink acknowledges a record only once it is durable: the gateway
// answers a request only after its record is acknowledged.
import type { AuditRecord } from './audit-record';
import type { GroupCommitStats } from './group-commit';

export interface AuditSink {
  /** Names the storage in logs (file path or database). */
  readonly description: string;
  /** Resolves once the record is durable; rejects if it cannot be made durable. */
  append(record: AuditRecord): Promise<void>;
  /** Records and commits so far. */
  readonly stats: GroupCommitStats;
  /** Waits for the records in flight, then releases the storage. Later appends reject. */
  close(): Promise<void>;
}

export class AuditSinkClosedError extends Error {
  constructor(description: string) {
    super(`the audit sink ${description} is closed`);
    this.name = 'AuditSinkClosedError';
  }
}
