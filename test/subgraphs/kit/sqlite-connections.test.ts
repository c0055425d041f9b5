// An agency's SQLite file stays open in the pool: its page cache and prepared statements last.
import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import type { AgencyDatabase } from '../../../subgraphs/kit/orm/create-orm';
import { openCyberTestDatabase } from '../../support/cyber-database';

interface PooledConnection {
  __created: number;
  open: boolean;
  prepare(sql: string): unknown;
}

/** Runs `run` on a new, empty cyber database on SQLite, and removes it afterwards. */
async function withCyberDatabase(run: (database: AgencyDatabase) => Promise<void>): Promise<void> {
  const cyberDatabase = await openCyberTestDatabase('sqlite', () => {});
  try {
    await run(cyberDatabase.db);
  } finally {
    await cyberDatabase.close();
  }
}

describe('SQLite connections', () => {
  const client = (database: AgencyDatabase) => database.fork().getKnex().client;

  it('are kept past the ten seconds after which the libsql client would reopen the file', async () => {
    await withCyberDatabase(async (database) => {
      const first = (await client(database).acquireConnection()) as PooledConnection;
      const statement = first.prepare('select * from sector where code = ?');
      first.__created = Date.now() - 60_000;
      await client(database).releaseConnection(first);
      await database.fork().getConnection().execute('select count(*) from sector');
      const again = (await client(database).acquireConnection()) as PooledConnection;
      await client(database).releaseConnection(again);
      // Compared as booleans: printing a closed connection's objects would touch the closed database.
      expect(again === first).toBe(true);
      expect(again.prepare('select * from sector where code = ?') === statement).toBe(true);
    });
  });

  it('are replaced once closed', async () => {
    await withCyberDatabase(async (database) => {
      const first = (await client(database).acquireConnection()) as PooledConnection;
      await client(database).releaseConnection(first);
      (first as unknown as { close(): void }).close();
      const rows = await database.fork().getConnection().execute('select count(*) as n from sector');
      expect(rows).toEqual([{ n: 0 }]);
      const again = (await client(database).acquireConnection()) as PooledConnection;
      await client(database).releaseConnection(again);
      expect(again === first).toBe(false);
      expect(again.open).toBe(true);
    });
  });
});
