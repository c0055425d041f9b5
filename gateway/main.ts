// npm run gateway -- [--supergraph FILE|URL] [--port N] [--jwks FILE|URL] [--config FILE] ...
// Serves any valid supergraph; subgraph URLs come from the supergraph unless overridden
// (ACCORD_SUBGRAPH_URL_<NAME> or "subgraphUrls" in the config file).
import { parseArgs } from 'node:util';
import { ConfigError, loadGatewayConfig, type GatewayConfig } from './config/gateway-config';
import { HARDENING_FLAGS } from './config/hardening-config';
import { CACHING_FLAGS } from './caching/caching-config';
import { startGateway } from './server';
import { DEV_AUDIENCE, DEV_ISSUER, ensureDevIdentity } from './identity/dev-identity';
import { ensureGatewayKeys } from './identity/gateway-keys';
import { DATA_DIR, REPO_ROOT } from './config/data-dir';

const OPTIONS = {
  supergraph: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  jwks: { type: 'string' },
  issuer: { type: 'string' },
  audience: { type: 'string' },
  config: { type: 'string' },
  agreements: { type: 'string' },
  'gateway-key': { type: 'string' },
  'audit-file': { type: 'string' },
  'audit-database-url': { type: 'string' },
  'authorization-mode': { type: 'string' },
  'authorization-errors': { type: 'string' },
  'require-authentication': { type: 'boolean' },
  'subgraph-timeout-ms': { type: 'string' },
  'subgraph-max-connections': { type: 'string' },
  'supergraph-poll-ms': { type: 'string' },
  help: { type: 'boolean' },
  ...HARDENING_FLAGS,
  ...CACHING_FLAGS,
} as const;

const USAGE = `usage: npm run gateway -- [--supergraph FILE|URL] [--port N] [--jwks FILE|URL] [--config FILE]
  [--issuer ISS] [--audience AUD] [--agreements FILE] [--authorization-mode filter|reject|dry-run]
  [--authorization-errors errors|extensions|disabled] [--require-authentication] [--subgraph-timeout-ms MS]
  [--subgraph-max-connections N] [--supergraph-poll-ms MS]
  [--audit-file FILE | --audit-database-url postgres://...]
  hardening (limits, persisted queries, rate limits, errors, HTTP, logs, metrics): [--max-depth N] [--max-cost N]
  [--persisted-queries apq|safelist|off] [--safelist FILE] [--rate-limit on|off] [--redis-url redis://...] ...
  (every option is listed in the README's Hardening section)
  optional caching: [--response-cache-ttl-ms MS] [--response-cache-size N] [--share-identical-requests on|off]`;

/** Development defaults: the local token issuer and the gateway's own key, created on first use. */
async function withDevelopmentDefaults(config: GatewayConfig, flags: Record<string, unknown>): Promise<GatewayConfig> {
  if (config.production) return config;
  await ensureGatewayKeys(config.dataDir);
  if (config.identity.jwks) return config;
  const dev = await ensureDevIdentity(config.dataDir);
  return {
    ...config,
    identity: {
      ...config.identity,
      jwks: dev.jwksPath,
      issuer: (flags.issuer as string | undefined) ?? DEV_ISSUER,
      audience: (flags.audience as string | undefined) ?? DEV_AUDIENCE,
    },
  };
}

async function main(): Promise<void> {
  let flags;
  try {
    flags = parseArgs({ options: OPTIONS }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (flags.help) {
    console.log(USAGE);
    return;
  }
  let config: GatewayConfig;
  try {
    config = await withDevelopmentDefaults(loadGatewayConfig({ flags, env: process.env, dataDir: DATA_DIR, repoRoot: REPO_ROOT }), flags);
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : String(error));
    process.exit(2);
  }
  const running = await startGateway(config);
  console.log(`gateway ready at ${running.url} (supergraph ${running.gateway.supergraph.id})`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`gateway: ${signal}, finishing requests in flight`);
    running.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`gateway failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
