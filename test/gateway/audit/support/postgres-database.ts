// A uniquely named PostgreSQL database for one suite, dropped afterwards (ACCORD_TEST_POSTGRES_URL).
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const TEST_POSTGRES_URL = process.env.ACCORD_TEST_POSTGRES_URL;

export interface ScratchDatabase {
  readonly name: string;
  readonly url: string;
  /** Runs one statement as the server's administrator (outside the scratch database). */
  admin(sql: string, values?: unknown[]): Promise<Array<Record<string, unknown>>>;
  drop(): Promise<void>;
}

function databaseUrl(server: string, name: string): string {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function scratchDatabase(server: string): Promise<ScratchDatabase> {
  const name = `accord_audit_test_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  return {
    name,
    url: databaseUrl(server, name),
    admin: async (sql, values) => (await admin.query(sql, values)).rows,
    drop: async () => {
      try {
        await admin.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await admin.end();
      }
    },
  };
}
