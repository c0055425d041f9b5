// The HTTP layer's hook into the audit trail, for requests it refuses before Apollo Server runs them.
import type { AuditSink } from './audit-sink';
import { reportAuditFailure } from './audit-unavailable';
import { refusalRecord, type RequestRefusal } from './build-record';

export function refusalRecorder(
  sink: AuditSink,
  currentSupergraphId: () => string | null,
  now: () => Date = () => new Date(),
): (refusal: RequestRefusal) => Promise<void> {
  return async (refusal) => {
    try {
      await sink.append(refusalRecord(refusal, currentSupergraphId(), now()));
    } catch (error) {
      reportAuditFailure(refusal.requestId, sink.description, error);
      throw error;
    }
  };
}
