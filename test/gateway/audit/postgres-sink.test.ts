import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresAuditSink, readDatabaseRecords, type AuditFilter, type AuditRecord } from '../../../gateway/audit';
import { auditRecord } from './support/records';
import { scratchDatabase, TEST_POSTGRES_URL, type ScratchDatabase } from './support/postgres-database';

let database: ScratchDatabase;

async function collect(filter: AuditFilter = {}): Promise<AuditRecord[]> {
  const records: AuditRecord[] = [];
  for await (const record of readDatabaseRecords(database.url, filter)) records.push(record);
  return records;
}

describe.skipIf(!TEST_POSTGRES_URL)('PostgreSQL audit sink', () => {
  beforeAll(async () => {
    database = await scratchDatabase(TEST_POSTGRES_URL!);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('reads nothing before the table exists', async () => {
    expect(await collect()).toEqual([]);
  });

  it('creates its table, even when two gateways start at once, and commits concurrent records in batches', async () => {
    const [sink, other] = await Promise.all([openPostgresAuditSink(database.url), openPostgresAuditSink(database.url)]);
    await other.close();
    const count = 300;
    await Promise.all(Array.from({ length: count }, (_, i) => sink.append(auditRecord({ requestId: `req-concurrent-${i}` }))));
    const stats = sink.stats;
    await sink.close();

    const records = await collect({ subject: 'dev:cyber-analyst' });
    const ids = records.map((r) => r.requestId).filter((id) => id.startsWith('req-concurrent-'));
    expect(ids).toHaveLength(count);
    expect(new Set(ids).size).toBe(count);
    expect(stats.commits).toBeLessThan(count / 10);
  });

  it('reads back exactly the record it wrote, and filters like the file reader', async () => {
    const sink = await openPostgresAuditSink(database.url);
    const denied = auditRecord({
      time: '2025-06-02T08:30:00.000Z',
      requestId: 'req-partner-denied',
      subject: 'dev:energy-partner',
      agency: 'partner',
      outcome: 'partial',
      classification: 'CUI',
      returned: ['Query.models', 'Vulnerability.affectedSystems'],
      denied: [{ coordinate: 'Vulnerability.exploitDetails', responsePath: 'vulnerabilities.nodes.exploitDetails', rule: '@policy(policies: [["need-to-know:exploit"]])' }],
    });
    const refused = auditRecord({
      time: '2025-06-03T08:30:00.000Z',
      requestId: 'req-refused',
      subject: null,
      agency: null,
      operationName: null,
      operationHash: null,
      operationType: null,
      outcome: 'refused',
      status: 401,
      returned: [],
      errorCodes: ['TOKEN_EXPIRED'],
    });
    await Promise.all([sink.append(denied), sink.append(refused)]);
    await sink.close();

    expect(await collect({ requestId: 'req-partner-denied' })).toEqual([denied]);
    expect((await collect({ deniedOnly: true })).map((r) => r.requestId)).toEqual(['req-partner-denied']);
    expect((await collect({ agency: 'partner', outcome: 'partial' })).map((r) => r.requestId)).toEqual(['req-partner-denied']);
    expect((await collect({ outcome: 'refused' })).map((r) => r.requestId)).toEqual(['req-refused']);
    expect(
      (await collect({ since: new Date('2025-06-02T00:00:00Z'), until: new Date('2025-06-02T23:59:59Z') })).map((r) => r.requestId),
    ).toEqual(['req-partner-denied']);
  });

  it('never acknowledges a record that is not in the table when its connection is killed', async () => {
    const sink = await openPostgresAuditSink(database.url);
    await sink.append(auditRecord({ requestId: 'req-before-kill' }));
    await database.admin(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [database.name]);
    const outcomes = [];
    for (const requestId of ['req-after-kill-1', 'req-after-kill-2']) {
      outcomes.push(await sink.append(auditRecord({ requestId })).then(() => requestId, () => null));
    }
    await sink.close();
    const acknowledged = outcomes.filter((id): id is string => id !== null);
    // The second record at the latest goes through a new connection.
    expect(acknowledged).toContain('req-after-kill-2');
    const stored = new Set((await collect()).map((r) => r.requestId));
    for (const id of acknowledged) expect(stored.has(id)).toBe(true);
  });

  it('refuses to open when the database cannot be reached, so the gateway does not start without its trail', async () => {
    const missing = new URL(database.url);
    missing.pathname = `/${database.name}_missing`;
    await expect(openPostgresAuditSink(missing.toString())).rejects.toThrow(/does not exist/);
  });
});
