// The audit sink for deployments with PostgreSQL: batches of records inserted into `accord_audit`.
// A record is acknowledged only after the transaction holding it has committed (PostgreSQL
// answers a commit once its WAL is flushed, with the default synchronous_commit).
import { Client } from 'pg';
import { batchingSink, type AuditSink } from './audit-sink';
import { ensureAuditTable, INSERT_RECORDS } from './postgres-table';

const TIMEOUT_MS = 10_000;

/** The URL without its password, for logs. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.toString();
  } catch {
    return 'postgresql database';
  }
}

export async function openPostgresAuditSink(databaseUrl: string): Promise<AuditSink> {
  const description = describeDatabaseUrl(databaseUrl);
  // Batches are committed one at a time, so one connection is enough. After any failure its state
  // is unknown: it is dropped and the next batch opens a new one. Time limits turn an
  // unresponsive database into failed requests instead of hung ones.
  let current: Client | null = null;

  async function connection(): Promise<Client> {
    if (current) return current;
    const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: TIMEOUT_MS, query_timeout: TIMEOUT_MS });
    client.on('error', (error) => {
      console.error(JSON.stringify({ level: 'error', msg: 'audit database connection lost', database: description, error: String(error) }));
      if (current === client) current = null;
    });
    await client.connect();
    current = client;
    return client;
  }

  function discard(client: Client): void {
    if (current === client) current = null;
    client.end().catch(() => {
      // Already broken; nothing more to release.
    });
  }

  const first = await connection();
  try {
    await ensureAuditTable(first);
  } catch (error) {
    await first.end();
    throw error;
  }

  return batchingSink(
    description,
    async (records) => {
      const client = await connection();
      try {
        await client.query(INSERT_RECORDS, [JSON.stringify(records)]);
      } catch (error) {
        discard(client);
        throw error;
      }
    },
    async () => {
      const client = current;
      current = null;
      await client?.end();
    },
  );
}
