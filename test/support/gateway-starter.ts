// A real gateway (startGateway, config from loadGatewayConfig) over any supergraph text, with the
// development token issuer, in a temporary folder of its own; every gateway it started is closed,
// and the folder removed, by close().
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PolicyEngine } from '../../gateway/authorization';
import { loadGatewayConfig, type GatewayConfig } from '../../gateway/config/gateway-config';
import { DEV_AUDIENCE, DEV_ISSUER, ensureDevIdentity, signDevToken, type DevIdentity } from '../../gateway/identity/dev-identity';
import { ensureGatewayKeys } from '../../gateway/identity/gateway-keys';
import type { KeyPairFiles } from '../../gateway/identity/key-files';
import { startGateway, type RunningGateway } from '../../gateway/server';
import { REPO_ROOT } from '../../gateway/config/data-dir';

export interface GatewayStarter {
  readonly dir: string;
  readonly identity: DevIdentity;
  readonly gatewayKeys: KeyPairFiles;
  /** Starts a gateway over `supergraphSdl`, its subgraphs at `subgraphUrls` (by name; else the supergraph's URLs). */
  start(options: {
    readonly supergraphSdl: string;
    readonly subgraphUrls?: Readonly<Record<string, string>>;
    readonly flags?: Readonly<Record<string, string | boolean>>;
    readonly policies?: PolicyEngine;
  }): Promise<RunningGateway>;
  token(claims: Record<string, unknown>, ttlSeconds?: number): Promise<string>;
  close(): Promise<void>;
}

export interface TestGatewayConfigOptions {
  readonly dataDir: string;
  readonly identity: DevIdentity;
  readonly gatewayKeys: KeyPairFiles;
  readonly auditFile: string;
  /** Subgraph URLs by name, replacing the supergraph's. */
  readonly subgraphUrls: Readonly<Record<string, string>>;
  /** Further flags (the supergraph, limits, ...), over the defaults below. */
  readonly flags?: Readonly<Record<string, string | boolean | undefined>>;
  /** Further environment, over the subgraph URLs. */
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * A test gateway's configuration, read as the gateway reads its own: the development issuer and
 * gateway key in `dataDir`, a free port, logs at warn level.
 */
export function testGatewayConfig(options: TestGatewayConfigOptions): GatewayConfig {
  const { dataDir, identity, gatewayKeys, auditFile, subgraphUrls } = options;
  return loadGatewayConfig({
    flags: {
      port: '0',
      jwks: identity.jwksPath,
      issuer: DEV_ISSUER,
      audience: DEV_AUDIENCE,
      'gateway-key': gatewayKeys.privateKeyPath,
      'audit-file': auditFile,
      // A JSON line per request would drown the test output.
      'log-level': 'warn',
      ...options.flags,
    },
    env: {
      ...Object.fromEntries(Object.entries(subgraphUrls).map(([name, url]) => [`ACCORD_SUBGRAPH_URL_${name.toUpperCase()}`, url])),
      ...options.env,
    },
    dataDir,
    repoRoot: REPO_ROOT,
  });
}

export async function gatewayStarter(name = 'gateway'): Promise<GatewayStarter> {
  const dir = await mkdtemp(path.join(tmpdir(), `accord-${name}-`));
  const identity = await ensureDevIdentity(dir);
  const gatewayKeys = await ensureGatewayKeys(dir);
  const started: RunningGateway[] = [];
  let count = 0;
  return {
    dir,
    identity,
    gatewayKeys,
    async start({ supergraphSdl, subgraphUrls = {}, flags = {}, policies }) {
      count += 1;
      const supergraph = path.join(dir, `supergraph-${count}.graphql`);
      await writeFile(supergraph, supergraphSdl);
      const config = testGatewayConfig({
        dataDir: dir,
        identity,
        gatewayKeys,
        auditFile: path.join(dir, `audit-${count}.jsonl`),
        subgraphUrls,
        flags: { supergraph, ...flags },
      });
      const gateway = await startGateway(config, policies ? { policies } : {});
      started.push(gateway);
      return gateway;
    },
    token: (claims, ttlSeconds = 3600) => signDevToken(identity, claims, ttlSeconds),
    async close() {
      for (const gateway of started) await gateway.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
