// Where an agency's data lives: one SQLite file by default (a fresh clone runs with no server),
// or one PostgreSQL database per agency when a URL is configured.
import path from 'node:path';

export type DatabaseConfig =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'postgresql'; readonly url: string; readonly database: string };

/**
 * `<AGENCY>_DATABASE_URL` names the agency's own database (postgres://.../db);
 * `ACCORD_POSTGRES_URL` names a server, and each agency uses the database `accord_<agency>` on it;
 * otherwise `<dataDir>/<agency>.sqlite`.
 */
export function databaseConfigFor(
  agency: string,
  env: NodeJS.ProcessEnv,
  dataDir: string,
): DatabaseConfig {
  const own = env[`${agency.toUpperCase()}_DATABASE_URL`];
  if (own) return postgresConfig(own, undefined);
  const server = env.ACCORD_POSTGRES_URL;
  if (server) return postgresConfig(server, `${env.ACCORD_DATABASE_PREFIX ?? 'accord'}_${agency}`);
  return { kind: 'sqlite', file: path.join(dataDir, `${agency}.sqlite`) };
}

function postgresConfig(raw: string, database: string | undefined): DatabaseConfig {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`Invalid PostgreSQL URL: ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new Error(`PostgreSQL URL must start with postgres:// (got ${url.protocol}//)`);
  }
  if (database) url.pathname = `/${database}`;
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!name) throw new Error(`PostgreSQL URL must name a database: ${url.origin}`);
  return { kind: 'postgresql', url: url.toString(), database: name };
}

/** For logs: the place without credentials. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.kind === 'sqlite') return `sqlite:${config.file}`;
  const url = new URL(config.url);
  url.password = '';
  url.username = url.username ? url.username : '';
  return `postgresql://${url.host}/${config.database}`;
}
