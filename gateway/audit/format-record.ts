// One audit record as one readable line, for people reading the trail in a terminal.
import type { AuditRecord } from './audit-record';

export function formatRecord(record: AuditRecord): string {
  const who = record.subject === null ? '(no verified subject)' : record.agency ? `${record.subject} (${record.agency})` : record.subject;
  const operation = [record.operationType ?? 'operation', record.operationName ?? '(unnamed)'].join(' ');
  const parts = [
    record.time,
    record.outcome.padEnd(7),
    String(record.status),
    who,
    record.operationHash ? `${operation} #${record.operationHash.slice(0, 12)}` : operation,
    `request ${record.requestId}`,
  ];
  if (record.supergraph) parts.push(`supergraph ${record.supergraph}`);
  if (record.classification !== 'UNCLASSIFIED') parts.push(`classification ${record.classification}`);
  if (record.returned.length) parts.push(`returned ${record.returned.join(', ')}`);
  if (record.denied.length) {
    const denied = record.denied.map((d) => `${d.coordinate} at ${d.responsePath || '(operation)'} by ${d.rule}`);
    parts.push(`denied ${denied.join('; ')}`);
  }
  if (record.errorCodes.length) parts.push(`errors ${record.errorCodes.join(', ')}`);
  return parts.join('  ');
}
