// Audit records for the sink and CLI tests: complete, valid, and different enough to filter on.
import type { AuditRecord } from '../../../../gateway/audit';

export function auditRecord(overrides: Partial<AuditRecord> = {}): AuditRecord {
  return {
    time: '2025-06-01T12:00:00.000Z',
    requestId: 'req-00000001',
    subject: 'dev:cyber-analyst',
    agency: 'cyber',
    operationName: 'Sectors',
    operationHash: 'fe174c292c23358f35ed6c1bd019087e06332672a0854fa2e1bcbccc6a7725b5',
    operationType: 'query',
    supergraph: '693e95094681',
    outcome: 'ok',
    status: 200,
    classification: 'UNCLASSIFIED',
    returned: ['Query.vulnerabilities'],
    denied: [],
    errorCodes: [],
    ...overrides,
  };
}

/** Parses every line of an audit file, failing on any line that is not JSON. */
export function parseLines(text: string): AuditRecord[] {
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as AuditRecord);
}
