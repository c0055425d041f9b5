// SQLite parses and plans a statement's text each time it is prepared, and the ORM's SQLite client
// prepares every statement it sends. MikroORM 6 writes the values into the text (it does not bind
// them), so a text comes again when its values do: a dashboard polling the same pages, the same
// model or sector, sends the same texts over and over. Each connection keeps its most recently used
// prepared statements and runs them again. A statement is run to completion before the next one
// starts (the driver is synchronous), so one prepared statement is never in use twice at once.
import { LruCache } from '../../../gateway/planning/lru-cache';

export const PREPARED_STATEMENTS_PER_CONNECTION = 500;

interface PreparingConnection {
  prepare(sql: string): unknown;
}

/** Makes `connection.prepare` return the statement prepared before for the same text. */
export function reusePreparedStatements<C extends PreparingConnection>(
  connection: C,
  capacity = PREPARED_STATEMENTS_PER_CONNECTION,
): C {
  const prepare = connection.prepare.bind(connection);
  const statements = new LruCache<unknown>(capacity);
  connection.prepare = (sql: string) => statements.getOrCreate(sql, () => prepare(sql));
  return connection;
}
