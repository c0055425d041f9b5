// The audit trail: one durable record per request, written before the response leaves.
// Writing: openAuditSink (file or PostgreSQL, group commit) -> auditPlugin (Apollo Server) and
// refusalRecorder (HTTP layer). Reading: readFileRecords / readDatabaseRecords with an AuditFilter.
export { AUDIT_OUTCOMES, isAuditRecord, type AuditDenial, type AuditOutcome, type AuditRecord, type OperationType } from './audit-record';
export { AuditSinkClosedError, type AuditSink } from './audit-sink';
export { GroupCommit, type GroupCommitStats } from './group-commit';
export { AuditFileUnusableError, openFileAuditSink } from './file-sink';
export { openPostgresAuditSink, describeDatabaseUrl } from './postgres-sink';
export { AUDIT_TABLE, ensureAuditTable } from './postgres-table';
export { openAuditSink } from './open-audit-sink';
export { AUDIT_UNAVAILABLE, AUDIT_UNAVAILABLE_STATUS } from './audit-unavailable';
export { operationRecord, refusalRecord, type RequestRefusal } from './build-record';
export { auditPlugin, type AuditPluginOptions } from './audit-plugin';
export { refusalRecorder } from './refusal-recorder';
export { matchesFilter, type AuditFilter } from './audit-filter';
export { readFileRecords, type InvalidLine } from './read-file-records';
export { readDatabaseRecords } from './read-database-records';
export { parseTimeArgument } from './time-argument';
export { formatRecord } from './format-record';
