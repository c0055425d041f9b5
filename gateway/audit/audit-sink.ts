// Where audit records go. A sink acknowledges a record only once it is durable: the gateway
// answers a request only after its record is acknowledged.
import type { AuditRecord } from './audit-record';
import { GroupCommit, type GroupCommitStats } from './group-commit';

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

/**
 * A sink over a storage that commits records in batches: `commit` makes one batch durable,
 * `release` frees the storage once the last batch has settled.
 */
export function batchingSink(
  description: string,
  commit: (records: readonly AuditRecord[]) => Promise<void>,
  release: () => Promise<void>,
): AuditSink {
  const batches = new GroupCommit<AuditRecord>(commit);
  let closed = false;
  return {
    description,
    append(record) {
      if (closed) return Promise.reject(new AuditSinkClosedError(description));
      return batches.add(record);
    },
    get stats() {
      return batches.stats;
    },
    async close() {
      if (closed) return;
      closed = true;
      await batches.settled();
      await release();
    },
  };
}
