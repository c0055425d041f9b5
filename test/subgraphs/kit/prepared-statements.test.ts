// SQLite statements are prepared once per connection and text, and run again with new values.
import 'reflect-metadata';
import Database from 'libsql';
import { describe, expect, it } from 'vitest';
import { SectorRecord } from '../../../subgraphs/cyber/data/sector-record';
import { reusePreparedStatements } from '../../../subgraphs/kit/orm/prepared-statements';
import { openCyberTestDatabase } from '../../support/cyber-database';

describe('prepared statements', () => {
  it('are prepared once per text and give each run its own values', () => {
    const db = reusePreparedStatements(new Database(':memory:'));
    db.exec('create table t (n integer); insert into t values (1), (2), (3)');
    const sql = 'select n from t where n > ? order by n';
    expect(db.prepare(sql)).toBe(db.prepare(sql));
    expect(db.prepare(sql).all([1])).toEqual([{ n: 2 }, { n: 3 }]);
    expect(db.prepare(sql).all([2])).toEqual([{ n: 3 }]);
    expect(db.prepare(sql).all([0])).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    db.close();
  });

  it('keep only the most recently used texts', () => {
    const db = reusePreparedStatements(new Database(':memory:'), 2);
    const first = db.prepare('select 1');
    db.prepare('select 2');
    expect(db.prepare('select 1')).toBe(first);
    db.prepare('select 3');
    db.prepare('select 4');
    expect(db.prepare('select 1')).not.toBe(first);
    db.close();
  });

  it('are reused by the ORM on an agency SQLite database, reads and writes alike', async () => {
    const cyberDatabase = await openCyberTestDatabase('sqlite', () => {});
    const database = cyberDatabase.db;
    try {
      const knex = database.fork().getKnex();
      const connection = (await knex.client.acquireConnection()) as { prepare(sql: string): unknown };
      await knex.client.releaseConnection(connection);
      const sql = 'select * from sector where code = ?';
      expect(connection.prepare(sql)).toBe(connection.prepare(sql));
      for (const code of ['ENERGY', 'WATER']) {
        const em = database.fork();
        em.create(SectorRecord, { code, name: code.toLowerCase(), leadAgencyName: 'lead' });
        await em.flush();
      }
      const names = [];
      for (const code of ['WATER', 'ENERGY', 'WATER']) names.push((await database.fork().findOneOrFail(SectorRecord, { code })).name);
      expect(names).toEqual(['water', 'energy', 'water']);
    } finally {
      await cyberDatabase.close();
    }
  });
});
