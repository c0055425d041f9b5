// What every workload of a run shares: a temporary folder, the development token issuer the
// gateways trust, the gateway's signing keys, CPU placement, and how each gateway is started.
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEV_AUDIENCE, DEV_ISSUER, ensureDevIdentity, type DevIdentity } from '../../gateway/identity/dev-identity';
import { ensureGatewayKeys } from '../../gateway/identity/gateway-keys';
import type { KeyPairFiles } from '../../gateway/identity/key-files';
import { GATEWAY_NODE_OPTIONS } from '../../gateway/node-options';
import type { Contestant } from './contestants';
import type { GatewayLaunch } from './workload';

export interface BenchEnvironment {
  readonly dir: string;
  /** Signs the client tokens; the gateways trust its key set. */
  readonly identity: DevIdentity;
  /** The gateway's own key pair (Accord signs subgraph tokens with it; the agency subgraphs trust it). */
  readonly gatewayKeys: KeyPairFiles;
  /** taskset CPU lists. */
  readonly subgraphCpus: string;
  readonly gatewayCpus: string;
  freePort(): Promise<number>;
  close(): Promise<void>;
}

export async function createBenchEnvironment(placement: { subgraphCpus: string; gatewayCpus: string }): Promise<BenchEnvironment> {
  const dir = await mkdtemp(path.join(tmpdir(), 'accord-bench-'));
  return {
    dir,
    identity: await ensureDevIdentity(dir),
    gatewayKeys: await ensureGatewayKeys(dir),
    ...placement,
    freePort,
    close: () => rm(dir, { recursive: true, force: true }),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Accord as shipped: `gateway/main.ts` with the gateway's Node options, in production mode,
 * requiring a token, audit trail on (file, fsync'ed).
 */
export function accordLaunch(
  env: BenchEnvironment,
  contestant: Contestant,
  port: number,
  supergraphFile: string,
  extraEnv: Readonly<Record<string, string>> = {},
): GatewayLaunch {
  return {
    entry: 'gateway/main.ts',
    nodeOptions: contestant.nodeOptions ?? GATEWAY_NODE_OPTIONS,
    args: [
      '--supergraph', supergraphFile,
      '--port', String(port),
      '--jwks', env.identity.jwksPath,
      '--issuer', DEV_ISSUER,
      '--audience', DEV_AUDIENCE,
      '--gateway-key', env.gatewayKeys.privateKeyPath,
      '--audit-file', path.join(env.dir, `audit-${contestant.name}-${port}.jsonl`),
      '--require-authentication',
      // Production protections stay on, set so that the benchmark's own traffic passes them: any
      // operation may be sent (the benchmark's are not in a safelist), the cost limit is far above
      // the benchmark query's estimate, and the rate limits above the load the benchmark drives.
      '--persisted-queries', 'apq',
      '--max-cost', '1000000000',
      '--rate-limit-subject-per-second', '1000000',
      '--rate-limit-subject-burst', '1000000',
      '--rate-limit-agency-per-second', '1000000',
      '--rate-limit-agency-burst', '1000000',
    ],
    env: { NODE_ENV: 'production', ACCORD_DATA_DIR: env.dir, ...extraEnv, ...contestant.env },
    url: `http://127.0.0.1:${port}/graphql`,
  };
}

/** The stock Apollo Gateway behind Apollo Server (scripts/bench/stock-gateway.ts). */
export function stockLaunch(port: number, supergraphFile: string, extraEnv: Readonly<Record<string, string>>): GatewayLaunch {
  return {
    entry: 'scripts/bench/stock-gateway.ts',
    nodeOptions: [],
    args: [],
    env: { SUPERGRAPH: supergraphFile, PORT: String(port), ...extraEnv },
    url: `http://127.0.0.1:${port}/`,
  };
}
