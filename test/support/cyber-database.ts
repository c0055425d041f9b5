// A cyber office database for tests of the subgraphs' shared data layer, on SQLite or PostgreSQL,
// and the fields of a vulnerability that such tests do not care about.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RequiredEntityData } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { cyber } from '../../subgraphs/cyber';
import type { SectorRecord } from '../../subgraphs/cyber/data/sector-record';
import type { VulnerabilityRecord } from '../../subgraphs/cyber/data/vulnerability-record';
import { databaseConfigFor } from '../../subgraphs/kit/config/database-config';
import { openDatabase, type AgencyDatabase } from '../../subgraphs/kit/orm/create-orm';
import { testDatabase, type DatabaseKind } from './test-database';

export interface CyberTestDatabase {
  readonly db: AgencyDatabase;
  /** Closes the database and removes it. */
  close(): Promise<void>;
}

/** Opens a new cyber database and stores the records `fill` creates. */
export async function openCyberTestDatabase(kind: DatabaseKind, fill: (em: SqlEntityManager) => void): Promise<CyberTestDatabase> {
  const database = testDatabase(kind);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'accord-cyber-'));
  const db = await openDatabase({ database: databaseConfigFor('cyber', database.env, dataDir), entities: cyber.entities });
  const em = db.fork();
  fill(em);
  await em.flush();
  return {
    db,
    close: async () => {
      await db.close();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A vulnerability's fields: plain defaults, with what the test sets. */
export function vulnerabilityFields(
  sector: SectorRecord,
  fields: Pick<RequiredEntityData<VulnerabilityRecord>, 'id'> & Partial<RequiredEntityData<VulnerabilityRecord>>,
): RequiredEntityData<VulnerabilityRecord> {
  return {
    sector,
    modelId: 'mdl-1',
    title: `Weakness ${fields.id}`,
    description: 'Found in review.',
    severityRank: 1,
    cvssScore: 5,
    affectedSystems: [],
    disclosureStatus: 'REPORTED',
    exploitDetails: 'Lab only.',
    reportedAt: new Date('2026-11-20T09:30:00Z'),
    reportedBy: 'analyst@cyber.gov',
    ...fields,
  };
}
