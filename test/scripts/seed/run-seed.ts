// Runs `scripts/seed.ts` as a child process against SQLite files in a folder of the test's own,
// and counts what the databases hold afterwards through the agencies' own entity classes.
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { AGENCIES } from '../../../subgraphs/agencies';
import type { AgencyName } from '../../../subgraphs/kit/agency-subgraph';
import { databaseConfigFor } from '../../../subgraphs/kit/config/database-config';
import { openDatabase } from '../../../subgraphs/kit/orm/create-orm';
import { REPO_ROOT } from '../../../gateway/config/data-dir';
import { tsxCommand } from '../../support/processes';


export interface SeedRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment without any PostgreSQL setting, so that the seed uses SQLite in `dataDir`. */
function sqliteEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ACCORD_DATA_DIR: dataDir };
  for (const key of Object.keys(env)) if (key === 'ACCORD_POSTGRES_URL' || key.endsWith('_DATABASE_URL')) delete env[key];
  return env;
}

export function runSeed(args: readonly string[], dataDir: string): Promise<SeedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(...tsxCommand('scripts/seed.ts', args), { cwd: REPO_ROOT, env: sqliteEnv(dataDir), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export type RowCounts = Record<AgencyName, Record<string, number>>;

/** Rows per table, by entity class name; an agency whose file does not exist counts nothing. */
export async function countSqliteRows(dataDir: string): Promise<RowCounts> {
  const counts = {} as RowCounts;
  for (const agency of Object.values(AGENCIES)) {
    counts[agency.name] = {};
    const config = databaseConfigFor(agency.name, {}, dataDir);
    if (config.kind !== 'sqlite' || !existsSync(config.file)) continue;
    const database = await openDatabase({ database: config, entities: agency.entities });
    try {
      const em = database.fork();
      for (const entity of agency.entities) counts[agency.name][entity.name] = await em.count(entity, {});
    } finally {
      await database.close();
    }
  }
  return counts;
}
