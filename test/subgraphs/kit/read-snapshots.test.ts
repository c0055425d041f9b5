// Reads that serve answers come back as snapshots of their record, not as managed entities: they
// must hold exactly what the ORM's own read holds (typed: dates, JSON, doubles, references), and a
// snapshot handed to the ORM must be refused before anything is written.
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SectorRecord } from '../../../subgraphs/cyber/data/sector-record';
import { VulnerabilityRecord } from '../../../subgraphs/cyber/data/vulnerability-record';
import type { AgencyDatabase } from '../../../subgraphs/kit/orm/create-orm';
import { countRows, findSnapshots, snapshotsFromColumns } from '../../../subgraphs/kit/orm/read-snapshots';
import { openCyberTestDatabase, vulnerabilityFields, type CyberTestDatabase } from '../../support/cyber-database';
import { databaseKinds } from '../../support/test-database';

const REPORTED_AT = new Date('2026-11-20T09:30:00Z');

describe.each(databaseKinds())('read snapshots on %s', (kind) => {
  let cyberDatabase: CyberTestDatabase;
  let db: AgencyDatabase;

  beforeAll(async () => {
    cyberDatabase = await openCyberTestDatabase(kind, (em) => {
      const sector = em.create(SectorRecord, { code: 'ENERGY', name: 'Energy', leadAgencyName: 'Department of Energy' });
      for (const [id, score] of [['vul-a', 9.8], ['vul-b', 4.3]] as const) {
        em.create(
          VulnerabilityRecord,
          vulnerabilityFields(sector, {
            id,
            severityRank: id === 'vul-a' ? 3 : 1,
            cvssScore: score,
            affectedSystems: ['Grid controller 2.1', 'Substation gateway 7'],
            reportedAt: REPORTED_AT,
          }),
        );
      }
    });
    db = cyberDatabase.db;
  });

  afterAll(() => cyberDatabase?.close());

  it('hold what the ORM reads, typed, in one statement', async () => {
    const before = db.statements.total;
    const snapshots = await findSnapshots(db.fork(), VulnerabilityRecord, {}, { orderBy: { id: 'asc' } });
    expect(db.statements.total - before).toBe(1);
    const managed = await db.fork().find(VulnerabilityRecord, {}, { orderBy: { id: 'asc' } });
    expect(snapshots.map((row) => row.id)).toEqual(['vul-a', 'vul-b']);
    for (const [index, snapshot] of snapshots.entries()) {
      const record = managed[index]!;
      for (const column of ['id', 'modelId', 'title', 'cvssScore', 'affectedSystems', 'reportedAt', 'revision'] as const) {
        expect(snapshot[column]).toEqual(record[column]);
      }
      expect(snapshot.reportedAt).toBeInstanceOf(Date);
      expect(snapshot.affectedSystems).toEqual(['Grid controller 2.1', 'Substation gateway 7']);
      expect(snapshot.sector).toEqual({ code: 'ENERGY' });
      expect(snapshot).toBeInstanceOf(VulnerabilityRecord);
      expect(snapshot.severity).toBe(record.severity);
    }
  });

  it('follow the filter, the order and the limit given', async () => {
    const snapshots = await findSnapshots(db.fork(), VulnerabilityRecord, { cvssScore: { $gt: 1 } }, { orderBy: { cvssScore: 'asc' }, limit: 1 });
    expect(snapshots.map((row) => row.id)).toEqual(['vul-b']);
    expect(await findSnapshots(db.fork(), VulnerabilityRecord, { sector: { code: 'WATER' } })).toEqual([]);
  });

  it('are counted as the ORM counts them, in one statement', async () => {
    const before = db.statements.total;
    expect(await countRows(db.fork(), VulnerabilityRecord, { cvssScore: { $gt: 5 } })).toBe(1);
    expect(db.statements.total - before).toBe(1);
    for (const where of [{}, { cvssScore: { $gt: 1 } }, { sector: { code: 'WATER' } }]) {
      expect(await countRows(db.fork(), VulnerabilityRecord, where)).toBe(await db.fork().count(VulnerabilityRecord, where));
    }
  });

  it('are the same whether the row was read by the query builder or by hand', async () => {
    const [byBuilder] = await findSnapshots(db.fork(), VulnerabilityRecord, { id: 'vul-a' });
    const em = db.fork();
    const [row] = (await em.getConnection().execute(em.getKnex().select('*').from('vulnerability').where('id', 'vul-a'))) as Array<Record<string, unknown>>;
    const [byHand] = snapshotsFromColumns(em, VulnerabilityRecord, [row!]);
    expect(JSON.parse(JSON.stringify(byHand))).toEqual(JSON.parse(JSON.stringify(byBuilder)));
    expect(byHand!.affectedSystems).toEqual(['Grid controller 2.1', 'Substation gateway 7']);
  });

  it('serialize as their columns', async () => {
    const [snapshot] = await findSnapshots(db.fork(), SectorRecord, { code: 'ENERGY' });
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual({
      code: 'ENERGY',
      name: 'Energy',
      leadAgencyName: 'Department of Energy',
      leadAgency: null,
    });
  });

  it('are refused by the ORM, and nothing is written', async () => {
    const [snapshot] = await findSnapshots(db.fork(), VulnerabilityRecord, { id: 'vul-b' });
    const em = db.fork();
    snapshot!.title = 'Changed without a transaction';
    expect(() => em.persist(snapshot!)).toThrow(/VulnerabilityRecord snapshot handed to the ORM/);
    await em.flush();
    const stored = await db.fork().findOneOrFail(VulnerabilityRecord, { id: 'vul-b' });
    expect(stored.title).toBe('Weakness vul-b');
    expect(await db.fork().count(VulnerabilityRecord, {})).toBe(2);
  });
});
