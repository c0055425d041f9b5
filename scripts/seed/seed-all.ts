// Fills the three agencies' databases with the generated data set, each configured exactly as its
// subgraph configures it. All three are checked before anything is written, and all three are
// written in open transactions that commit together at the end.
import { AGENCIES } from '../../subgraphs/agencies';
import type { AgencyName } from '../../subgraphs/kit/agency-subgraph';
import { databaseConfigFor, describeDatabase } from '../../subgraphs/kit/config/database-config';
import { openDatabase, type AgencyDatabase, type AgencyEntityManager } from '../../subgraphs/kit/orm/create-orm';
import { buildWorld } from './build-world';
import { agencyTables, type Table } from './write/agency-tables';
import { countRows, emptyTables, fillTables } from './write/fill-tables';

/**
 * What to do with databases that already hold data: `refuse` (the default) writes nothing and
 * fails; `reset` empties the agency tables and seeds again; `if-empty` writes nothing and succeeds.
 */
export type SeedMode = 'refuse' | 'reset' | 'if-empty';

export interface SeedAllOptions {
  readonly scale: number;
  /** Every time in the data set is relative to this moment (the CLI passes midnight UTC). */
  readonly anchor: Date;
  readonly mode?: SeedMode;
  /** Where the databases are: as for the subgraphs, `ACCORD_POSTGRES_URL` etc. (default: process.env). */
  readonly env?: NodeJS.ProcessEnv;
  /** Where SQLite files live when no PostgreSQL URL is set. */
  readonly dataDir: string;
  /** Print nothing (the report is returned either way). */
  readonly quiet?: boolean;
  readonly logSql?: boolean;
}

export interface TableCount {
  readonly label: string;
  readonly rows: number;
}

export interface AgencySeedReport {
  readonly agency: AgencyName;
  /** The database, without credentials. */
  readonly database: string;
  /** Rows written (seeded) or found (skipped), per table. */
  readonly tables: readonly TableCount[];
}

export interface SeedReport {
  readonly outcome: 'seeded' | 'skipped';
  readonly scale: number;
  readonly anchor: Date;
  readonly agencies: readonly AgencySeedReport[];
  readonly elapsedMs: number;
}

/** The databases already hold data and the mode says not to touch them. Nothing was written. */
export class SeedRefusedError extends Error {
  readonly code = 'DATABASE_NOT_EMPTY';

  constructor(readonly occupied: readonly AgencySeedReport[]) {
    super(
      `${occupied.map(describeOccupied).join('; ')}. Nothing was written. ` +
        'Use --reset to replace the data, or --if-empty to leave databases that hold data alone.',
    );
    this.name = 'SeedRefusedError';
  }
}

function describeOccupied(report: AgencySeedReport): string {
  const held = report.tables.filter((table) => table.rows > 0).map((table) => `${table.rows} ${table.label}`);
  return `${report.agency} (${report.database}) already holds ${held.join(', ')}`;
}

interface OpenAgency {
  readonly agency: AgencyName;
  readonly database: AgencyDatabase;
  readonly description: string;
  readonly tables: readonly Table[];
  readonly em: AgencyEntityManager;
}

function report(open: OpenAgency, counts: ReadonlyMap<Table, number>): AgencySeedReport {
  return {
    agency: open.agency,
    database: open.description,
    tables: open.tables.map((table) => ({ label: table.label, rows: counts.get(table) ?? 0 })),
  };
}

export function formatReport(result: SeedReport): string[] {
  const day = result.anchor.toISOString().replace('T00:00:00.000Z', '');
  const head =
    result.outcome === 'seeded'
      ? `Seeded scale ${result.scale}, anchor ${day}, in ${(result.elapsedMs / 1000).toFixed(1)} s:`
      : 'Databases already hold data; nothing written (--if-empty):';
  const lines = result.agencies.map(
    (agency) => `  ${agency.agency.padEnd(8)} ${agency.tables.map((t) => `${t.rows} ${t.label}`).join(', ')}  [${agency.database}]`,
  );
  return [head, ...lines];
}

async function openAgencies(options: SeedAllOptions, env: NodeJS.ProcessEnv, tables: Readonly<Record<AgencyName, readonly Table[]>>) {
  const opened: OpenAgency[] = [];
  try {
    for (const subgraph of Object.values(AGENCIES)) {
      const config = databaseConfigFor(subgraph.name, env, options.dataDir);
      const database = await openDatabase({ database: config, entities: subgraph.entities, logSql: options.logSql });
      opened.push({ agency: subgraph.name, database, description: describeDatabase(config), tables: tables[subgraph.name], em: database.fork() });
    }
    return opened;
  } catch (error) {
    await Promise.allSettled(opened.map((open) => open.database.close()));
    throw error;
  }
}

export async function seedAll(options: SeedAllOptions): Promise<SeedReport> {
  const started = performance.now();
  const mode = options.mode ?? 'refuse';
  const world = buildWorld({ scale: options.scale, anchor: options.anchor });
  const tables = agencyTables(world);
  const opened = await openAgencies(options, options.env ?? process.env, tables);
  const begun: OpenAgency[] = [];
  try {
    for (const open of opened) {
      await open.em.begin();
      begun.push(open);
    }
    const existing = new Map<OpenAgency, Map<Table, number>>();
    for (const open of opened) existing.set(open, await countRows(open.em, open.tables));
    const occupied = opened.filter((open) => [...existing.get(open)!.values()].some((rows) => rows > 0));
    if (occupied.length > 0 && mode !== 'reset') {
      await Promise.all(begun.splice(0).map((open) => open.em.rollback()));
      if (mode === 'refuse') throw new SeedRefusedError(occupied.map((open) => report(open, existing.get(open)!)));
      const skipped: SeedReport = {
        outcome: 'skipped',
        scale: options.scale,
        anchor: options.anchor,
        agencies: opened.map((open) => report(open, existing.get(open)!)),
        elapsedMs: performance.now() - started,
      };
      if (!options.quiet) console.log(formatReport(skipped).join('\n'));
      return skipped;
    }
    for (const open of opened) {
      if (occupied.includes(open)) await emptyTables(open.em, open.tables);
      await fillTables(open.em, open.tables);
    }
    // One after the other; whatever is not committed yet is rolled back below if a commit fails.
    while (begun.length > 0) {
      await begun[0]!.em.commit();
      begun.shift();
    }
    const seeded: SeedReport = {
      outcome: 'seeded',
      scale: options.scale,
      anchor: options.anchor,
      agencies: opened.map((open) => report(open, new Map(open.tables.map((table) => [table, table.rows.length])))),
      elapsedMs: performance.now() - started,
    };
    if (!options.quiet) console.log(formatReport(seeded).join('\n'));
    return seeded;
  } finally {
    await Promise.allSettled(begun.map((open) => open.em.rollback()));
    await Promise.allSettled(opened.map((open) => open.database.close()));
  }
}
