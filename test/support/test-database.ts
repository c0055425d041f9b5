// The database the end-to-end suites run against: SQLite files in a temporary folder, or
// PostgreSQL when ACCORD_TEST_POSTGRES_URL names a server (one database per agency, with a
// prefix unique to the suite, dropped afterwards).
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  readonly kind: 'sqlite' | 'postgresql';
  /** Environment entries that make databaseConfigFor choose this database. */
  readonly env: Readonly<Record<string, string>>;
  drop(): Promise<void>;
}

export const TEST_POSTGRES_URL = process.env.ACCORD_TEST_POSTGRES_URL;
const AGENCIES = ['treasury', 'defense', 'cyber'];

export type DatabaseKind = TestDatabase['kind'];

/** SQLite always; PostgreSQL too when ACCORD_TEST_POSTGRES_URL is set (as in CI). */
export function databaseKinds(): DatabaseKind[] {
  return TEST_POSTGRES_URL ? ['sqlite', 'postgresql'] : ['sqlite'];
}

export function testDatabase(kind: DatabaseKind = 'sqlite'): TestDatabase {
  if (kind === 'sqlite') return { kind: 'sqlite', env: {}, drop: async () => {} };
  if (!TEST_POSTGRES_URL) throw new Error('PostgreSQL tests need ACCORD_TEST_POSTGRES_URL');
  const prefix = `accord_test_${randomBytes(4).toString('hex')}`;
  return {
    kind: 'postgresql',
    env: { ACCORD_POSTGRES_URL: TEST_POSTGRES_URL, ACCORD_DATABASE_PREFIX: prefix },
    drop: async () => {
      const client = new Client({ connectionString: TEST_POSTGRES_URL });
      await client.connect();
      try {
        for (const agency of AGENCIES) await client.query(`drop database if exists "${prefix}_${agency}" with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
