// An agency database made by an earlier version is brought up to date when a subgraph opens it:
// the keyset indexes of the dashboard's lists appear, the single-column ones they replace go, and
// the rows stay. Checked through the database's own catalogue, on SQLite and PostgreSQL.
import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cyber } from '../../../subgraphs/cyber';
import { SectorRecord } from '../../../subgraphs/cyber/data/sector-record';
import { databaseConfigFor, type DatabaseConfig } from '../../../subgraphs/kit/config/database-config';
import { openDatabase, type AgencyDatabase } from '../../../subgraphs/kit/orm/create-orm';
import { databaseKinds, testDatabase } from '../../support/test-database';

const KEYSET_INDEX = 'vulnerability_sector_code_reported_at_id_index';
const EARLIER_INDEX = 'vulnerability_sector_code_earlier_index';

async function indexesOfVulnerability(db: AgencyDatabase, kind: DatabaseConfig['kind']): Promise<string[]> {
  const sql =
    kind === 'sqlite'
      ? "select name from sqlite_master where type = 'index' and tbl_name = 'vulnerability'"
      : "select indexname as name from pg_indexes where tablename = 'vulnerability'";
  const rows = (await db.orm.em.getConnection().execute(sql)) as Array<{ name: string }>;
  return rows.map((row) => row.name).sort();
}

describe.each(databaseKinds())('schema upgrade on %s', (kind) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('adds the keyset indexes to an earlier database and keeps its rows', async () => {
    const database = testDatabase(kind);
    const dataDir = await mkdtemp(path.join(tmpdir(), 'accord-upgrade-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }), () => database.drop());
    const config = databaseConfigFor('cyber', database.env, dataDir);

    // The database as an earlier version left it: a sector, and no keyset index on vulnerabilities.
    const earlier = await openDatabase({ database: config, entities: cyber.entities });
    const em = earlier.fork();
    em.create(SectorRecord, { code: 'ENERGY', name: 'Energy', leadAgencyName: 'Department of Energy' });
    await em.flush();
    await earlier.orm.em.getConnection().execute(`drop index ${KEYSET_INDEX}`);
    await earlier.orm.em.getConnection().execute(`create index ${EARLIER_INDEX} on vulnerability (reported_at)`);
    expect(await indexesOfVulnerability(earlier, config.kind)).not.toContain(KEYSET_INDEX);
    await earlier.close();

    const reopened = await openDatabase({ database: config, entities: cyber.entities });
    try {
      const indexes = await indexesOfVulnerability(reopened, config.kind);
      expect(indexes).toContain(KEYSET_INDEX);
      expect(indexes).not.toContain(EARLIER_INDEX);
      expect((await reopened.fork().findAll(SectorRecord)).map((sector) => sector.code)).toEqual(['ENERGY']);
    } finally {
      await reopened.close();
    }
  });
});
