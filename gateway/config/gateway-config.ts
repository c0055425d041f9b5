// Everything a gateway process is told at start: flags, environment, and an optional JSON file.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from './config-error';
import { DEFAULT_MAX_CONNECTIONS } from '../execution/subgraph-client';
import { nonNegativeNumber, oneOf, positiveInteger, positiveNumber } from './setting-values';
import { readHardeningConfig, type HardeningConfig } from './hardening-config';
import { readCachingConfig, type CachingConfig } from '../caching/caching-config';

export { ConfigError };

export type AuthorizationMode = 'filter' | 'reject' | 'dry-run';
export type AuthorizationErrorPlacement = 'errors' | 'extensions' | 'disabled';

/** Hardening settings (limits, persisted queries, rate limits, ...) are in HardeningConfig. */
export interface GatewayConfig extends HardeningConfig, CachingConfig {
  readonly host: string;
  readonly port: number;
  /** The supergraph: a file path or an http(s) URL. */
  readonly supergraph: string;
  /** Subgraph URLs by subgraph name, replacing those in the supergraph. */
  readonly subgraphUrls: Readonly<Record<string, string>>;
  /** Limit for one subgraph call. */
  readonly subgraphTimeoutMs: number;
  /** Connections open at once to each subgraph; further calls wait for one to be free. */
  readonly subgraphMaxConnections: number;
  /** How often the supergraph is read again for a new version (a file is also watched); 0: never reloaded. */
  readonly supergraphPollMs: number;
  readonly identity: {
    /** JWKS of the token issuer (file path or URL); null: every caller is anonymous. */
    readonly jwks: string | null;
    readonly issuer: string | null;
    readonly audience: string | null;
    readonly clockToleranceSeconds: number;
    /** Refuse requests without a token (HTTP 401) instead of serving them as anonymous. */
    readonly requireAuthentication: boolean;
  };
  readonly authorization: {
    /** filter: remove what the caller may not read; reject: refuse the whole operation; dry-run: report only. */
    readonly mode: AuthorizationMode;
    readonly errors: AuthorizationErrorPlacement;
    /** Data-sharing agreements between agencies (JSON), for `agreement:<id>` policies. */
    readonly agreementsFile: string;
  };
  /** The private key that signs the gateway's tokens to the subgraphs (a JWK file). */
  readonly gatewayKeyFile: string;
  readonly audit: {
    /** Append-only JSON-lines file, used unless a database is configured. */
    readonly file: string;
    /** PostgreSQL URL: records go to its `accord_audit` table instead of the file. */
    readonly databaseUrl: string | null;
  };
  readonly production: boolean;
  readonly dataDir: string;
}

/** The data-sharing agreements in force, checked in with the code (replace with ACCORD_AGREEMENTS). */
export const DEFAULT_AGREEMENTS_FILE = fileURLToPath(new URL('./agreements.json', import.meta.url));

export interface ConfigInputs {
  readonly flags: Readonly<Record<string, string | boolean | undefined>>;
  readonly env: NodeJS.ProcessEnv;
  readonly dataDir: string;
  readonly repoRoot: string;
}

function port(value: unknown, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError(`${name} must be a port number (got ${JSON.stringify(value)})`);
  return n;
}



/** A URL stays as given; a file path is made absolute. */
function fileOrUrl(location: string): string {
  return /^https?:\/\//.test(location) ? location : path.resolve(location);
}


function postgresUrl(value: unknown, name: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string' && /^postgres(ql)?:\/\//.test(value)) return value;
  throw new ConfigError(`${name} must be a postgres:// or postgresql:// URL`);
}

function flag(value: unknown): boolean {
  return value === true || value === '1' || value === 'true' || value === 'yes';
}

function readConfigFile(file: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('the top level must be an object');
    return parsed as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(`cannot read gateway config ${file}: ${(error as Error).message}`);
  }
}

/** `ACCORD_SUBGRAPH_URL_<NAME>=url` entries of the environment. */
function subgraphUrlsFromEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    const match = /^ACCORD_SUBGRAPH_URL_([A-Z0-9_]+)$/.exec(key);
    if (match && value) urls[match[1]!.toLowerCase()] = value;
  }
  return urls;
}

/**
 * Precedence: flags, then environment, then the JSON file given by `--config` /
 * `ACCORD_GATEWAY_CONFIG`, then defaults.
 */
export function loadGatewayConfig({ flags, env, dataDir, repoRoot }: ConfigInputs): GatewayConfig {
  const fileName = (flags.config as string | undefined) ?? env.ACCORD_GATEWAY_CONFIG;
  const file = fileName ? readConfigFile(fileName) : {};
  const pick = (flagName: string, envName: string, fileKey: string): unknown =>
    flags[flagName] ?? env[envName] ?? file[fileKey];

  const production = env.NODE_ENV === 'production';
  const fileUrls = (file.subgraphUrls ?? {}) as Record<string, unknown>;
  const subgraphUrls: Record<string, string> = {};
  for (const [name, url] of Object.entries({ ...fileUrls, ...subgraphUrlsFromEnv(env) })) {
    if (typeof url !== 'string' || !/^https?:\/\//.test(url)) throw new ConfigError(`subgraph URL for ${name} must be an http(s) URL`);
    subgraphUrls[name] = url;
  }
  const jwks = (pick('jwks', 'ACCORD_JWKS', 'jwks') as string | undefined) ?? null;
  const requireAuthentication = flag(pick('require-authentication', 'ACCORD_REQUIRE_AUTHENTICATION', 'requireAuthentication'));
  if (production && !jwks) throw new ConfigError('production mode needs a JWKS (--jwks or ACCORD_JWKS)');

  return {
    host: String(pick('host', 'HOST', 'host') ?? '127.0.0.1'),
    port: port(pick('port', 'PORT', 'port') ?? 4000, 'port'),
    supergraph: fileOrUrl(String(pick('supergraph', 'ACCORD_SUPERGRAPH', 'supergraph') ?? path.join(repoRoot, 'schema', 'supergraph.graphql'))),
    subgraphUrls,
    subgraphTimeoutMs: positiveNumber(pick('subgraph-timeout-ms', 'ACCORD_SUBGRAPH_TIMEOUT_MS', 'subgraphTimeoutMs') ?? 10_000, 'subgraph timeout'),
    subgraphMaxConnections: positiveInteger(
      pick('subgraph-max-connections', 'ACCORD_SUBGRAPH_MAX_CONNECTIONS', 'subgraphMaxConnections') ?? DEFAULT_MAX_CONNECTIONS,
      'subgraph max connections',
    ),
    supergraphPollMs: nonNegativeNumber(pick('supergraph-poll-ms', 'ACCORD_SUPERGRAPH_POLL_MS', 'supergraphPollMs') ?? 10_000, 'supergraph poll interval'),
    identity: {
      jwks,
      issuer: (pick('issuer', 'ACCORD_JWT_ISSUER', 'issuer') as string | undefined) ?? null,
      audience: (pick('audience', 'ACCORD_JWT_AUDIENCE', 'audience') as string | undefined) ?? null,
      clockToleranceSeconds: Number(pick('clock-tolerance', 'ACCORD_CLOCK_TOLERANCE_SECONDS', 'clockToleranceSeconds') ?? 5),
      requireAuthentication,
    },
    authorization: {
      mode: oneOf(pick('authorization-mode', 'ACCORD_AUTHORIZATION_MODE', 'authorizationMode'), ['filter', 'reject', 'dry-run'], 'filter', 'authorization mode'),
      errors: oneOf(pick('authorization-errors', 'ACCORD_AUTHORIZATION_ERRORS', 'authorizationErrors'), ['errors', 'extensions', 'disabled'], 'errors', 'authorization error placement'),
      agreementsFile: (pick('agreements', 'ACCORD_AGREEMENTS', 'agreements') as string | undefined) ?? DEFAULT_AGREEMENTS_FILE,
    },
    gatewayKeyFile: String(pick('gateway-key', 'ACCORD_GATEWAY_KEY', 'gatewayKey') ?? path.join(dataDir, 'keys', 'gateway.private.jwk.json')),
    audit: {
      file: String(pick('audit-file', 'ACCORD_AUDIT_FILE', 'auditFile') ?? path.join(dataDir, 'audit.jsonl')),
      databaseUrl: postgresUrl(pick('audit-database-url', 'ACCORD_AUDIT_DATABASE_URL', 'auditDatabaseUrl'), 'audit database URL'),
    },
    production,
    dataDir,
    ...readHardeningConfig(pick, production),
    ...readCachingConfig(pick),
  };
}
