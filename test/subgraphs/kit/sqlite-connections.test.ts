// An agency's SQLite file stays open in the pool: its page cache and prepared statements last.
import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cyber } from '../../../subgraphs/cyber';
import { openDatabase, type AgencyDatabase } from '../../../subgraphs/kit/orm/create-orm';

interface PooledConnection {
  __created: number;
  open: boolean;
  prepare(sql: string): unknown;
}

async function withCyberDatabase(run: (database: AgencyDatabase) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'accord-connections-'));
  const database = await openDatabase({ database: { kind: 'sqlite', file: path.join(dir, 'cyber.sqlite') }, entities: cyber.entities });
  try {
    await run(database);
  } finally {
    await database.close();
    await rm(dir, { recursive: true, force: true });
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
