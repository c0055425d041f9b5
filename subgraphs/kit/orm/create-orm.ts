// Opens an agency's database with MikroORM and brings its tables up to date.
import { MikroORM as LibSqlORM, LibSqlDriver } from '@mikro-orm/libsql';
import { MikroORM as PostgreSqlORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { EntityClass, LoggerNamespace } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseConfig } from '../config/database-config';
import { StatementCounter, countingLoggerFactory } from './statement-counter';
import { reusePreparedStatements } from './prepared-statements';
import { keepLocalConnections } from './sqlite-connections';

export type AgencyOrm = LibSqlORM | PostgreSqlORM;
export type AgencyEntityManager = SqlEntityManager;

export interface OpenDatabaseOptions {
  readonly database: DatabaseConfig;
  readonly entities: ReadonlyArray<EntityClass<unknown>>;
  /** Print every statement (with `ACCORD_LOG_SQL=1`). */
  readonly logSql?: boolean;
}

export interface AgencyDatabase {
  readonly orm: AgencyOrm;
  readonly statements: StatementCounter;
  /** A fresh unit of work, one per request. */
  fork(): AgencyEntityManager;
  /** True when the database answers a trivial query. */
  isReachable(): Promise<boolean>;
  close(): Promise<void>;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<AgencyDatabase> {
  const statements = new StatementCounter();
  const common = {
    entities: [...options.entities],
    debug: options.logSql ? (['query', 'query-params'] as LoggerNamespace[]) : [],
    loggerFactory: countingLoggerFactory(statements),
    // Metadata comes from the decorators' explicit types; no reflection, no file scanning.
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    allowGlobalContext: false,
    forceUtcTimezone: true,
  };
  const { database } = options;
  let orm: AgencyOrm;
  if (database.kind === 'sqlite') {
    fs.mkdirSync(path.dirname(database.file), { recursive: true });
    orm = await LibSqlORM.init({
      ...common,
      driver: LibSqlDriver,
      dbName: database.file,
      pool: {
        afterCreate: (connection: Parameters<typeof reusePreparedStatements>[0], done: (error: Error | null, connection: unknown) => void) =>
          done(null, reusePreparedStatements(connection)),
      },
    });
    keepLocalConnections(orm);
  } else {
    orm = await PostgreSqlORM.init({ ...common, driver: PostgreSqlDriver, clientUrl: database.url });
  }
  // Creates the PostgreSQL database when missing, then adds missing tables, columns and indexes and
  // replaces indexes no longer declared; never drops a table or a column.
  await orm.schema.ensureDatabase({ create: true });
  await orm.schema.updateSchema({ safe: true });
  return {
    orm,
    statements,
    fork: () => orm.em.fork() as AgencyEntityManager,
    isReachable: async () => {
      try {
        await orm.em.getConnection().execute('select 1');
        return true;
      } catch {
        return false;
      }
    },
    close: () => orm.close(true),
  };
}
