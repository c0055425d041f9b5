// The ORM's libsql client takes a connection older than ten seconds for stale (a remote libsql
// server drops idle connections), so the pool closed each agency's SQLite file and opened it again
// every ten seconds, and SQLite's page cache and the prepared statements went with it. A connection
// to a local file stays good for as long as it is open.
import type { MikroORM } from '@mikro-orm/libsql';

interface LocalConnection {
  readonly open?: boolean;
}

/** Keeps the pool's connections to the SQLite file while they are open. */
export function keepLocalConnections(orm: MikroORM): void {
  const client = orm.em.getConnection().getKnex().client as { validateConnection(connection: LocalConnection): boolean };
  client.validateConnection = (connection) => connection.open === true;
}
