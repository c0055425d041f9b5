// A subgraph process is configured from its environment, so each agency deploys on its own.
import path from 'node:path';
import type { AgencySubgraph } from '../agency-subgraph';
import { databaseConfigFor, type DatabaseConfig } from './database-config';
import { DEFAULT_AGREEMENTS_FILE } from '../../../gateway/config/gateway-config';

export interface SubgraphSettings {
  readonly host: string;
  readonly port: number;
  readonly database: DatabaseConfig;
  /** The gateway's public keys (file path or URL), to verify the token on every request. */
  readonly gatewayJwks: string;
  /** Local development only: requests without a gateway token are served as anonymous. */
  readonly allowDirectAccess: boolean;
  readonly production: boolean;
  readonly logSql: boolean;
  /** Data-sharing agreements, for the `agreement:<id>` policies (the gateway's file). */
  readonly agreementsFile: string;
  /** Treasury's subgraph, where Defense and the cyber office check that a model exists before writing. */
  readonly modelRegisterUrl: string;
}

function flag(value: string | undefined): boolean {
  return value === '1' || value === 'true' || value === 'yes';
}

function portFrom(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name} must be a port number (got ${JSON.stringify(raw)})`);
  return port;
}

/**
 * `<AGENCY>_PORT`, `<AGENCY>_DATABASE_URL` or `ACCORD_POSTGRES_URL`, `ACCORD_GATEWAY_JWKS`,
 * `ACCORD_ALLOW_DIRECT_ACCESS`, `NODE_ENV`, `ACCORD_LOG_SQL`, `HOST`, `ACCORD_DATA_DIR`.
 */
export function subgraphSettingsFromEnv(agency: AgencySubgraph, env: NodeJS.ProcessEnv, dataDir: string): SubgraphSettings {
  const prefix = agency.name.toUpperCase();
  const production = env.NODE_ENV === 'production';
  const allowDirectAccess = flag(env.ACCORD_ALLOW_DIRECT_ACCESS);
  if (production && allowDirectAccess) throw new Error('ACCORD_ALLOW_DIRECT_ACCESS is for local development; it cannot be set in production');
  return {
    host: env.HOST ?? '127.0.0.1',
    port: portFrom(env[`${prefix}_PORT`], agency.defaultPort, `${prefix}_PORT`),
    database: databaseConfigFor(agency.name, env, dataDir),
    gatewayJwks: env.ACCORD_GATEWAY_JWKS ?? path.join(dataDir, 'keys', 'gateway.jwks.json'),
    allowDirectAccess,
    production,
    logSql: flag(env.ACCORD_LOG_SQL),
    agreementsFile: env.ACCORD_AGREEMENTS ?? DEFAULT_AGREEMENTS_FILE,
    modelRegisterUrl: env.ACCORD_MODEL_REGISTER_URL ?? `http://127.0.0.1:${env.TREASURY_PORT ?? 4001}/graphql`,
  };
}
