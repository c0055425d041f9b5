// Reads and writes an agency's tables inside the caller's transaction: counts, empties and fills.
import type { AgencyEntityManager } from '../../../subgraphs/kit/orm/create-orm';
import type { Table } from './agency-tables';

/** Rows per INSERT: well inside SQLite's and PostgreSQL's limits on bound parameters. */
const ROWS_PER_STATEMENT = 500;

export async function countRows(em: AgencyEntityManager, tables: readonly Table[]): Promise<Map<Table, number>> {
  const counts = new Map<Table, number>();
  for (const table of tables) counts.set(table, await em.count(table.entity, {}));
  return counts;
}

/** Deletes children before parents, so that no foreign key is left dangling. */
export async function emptyTables(em: AgencyEntityManager, tables: readonly Table[]): Promise<void> {
  for (const table of [...tables].reverse()) await em.nativeDelete(table.entity, {});
}

/** Inserts parents before children, many rows per statement. */
export async function fillTables(em: AgencyEntityManager, tables: readonly Table[]): Promise<void> {
  for (const table of tables) {
    for (let start = 0; start < table.rows.length; start += ROWS_PER_STATEMENT) {
      await em.insertMany(table.entity, table.rows.slice(start, start + ROWS_PER_STATEMENT));
    }
  }
}
