// A real gateway (startGateway, config from loadGatewayConfig) over any supergraph text, with the
// development token issuer, and a policy engine that grants each named policy to callers whose
// token lists it in a `granted_policies` claim (the reference's coprocessor, as a claim).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPolicyEngine, type Policy, type PolicyEngine } from '../../../../gateway/authorization';
import { loadGatewayConfig } from '../../../../gateway/config/gateway-config';
import { DEV_AUDIENCE, DEV_ISSUER, ensureDevIdentity, signDevToken, type DevIdentity } from '../../../../gateway/identity/dev-identity';
import { ensureGatewayKeys } from '../../../../gateway/identity/gateway-keys';
import type { KeyPairFiles } from '../../../../gateway/identity/key-files';
import { startGateway, type RunningGateway } from '../../../../gateway/server';
import { REPO_ROOT } from '../../../../gateway/config/data-dir';

/** Grants `name` to callers whose `granted_policies` claim lists it. */
function grantedByClaim(name: string): Policy {
  return ({ caller }) => {
    const granted = caller?.claims.granted_policies;
    return Array.isArray(granted) && granted.includes(name);
  };
}

export function claimPolicyEngine(names: Iterable<string>): PolicyEngine {
  return createPolicyEngine({ extraPolicies: new Map([...names].map((name) => [name, grantedByClaim(name)])) });
}

export interface GatewayStarter {
  readonly dir: string;
  readonly identity: DevIdentity;
  readonly gatewayKeys: KeyPairFiles;
  /** Starts a gateway over `supergraphSdl`, its subgraphs at `subgraphUrls` (by name). */
  start(options: {
    readonly supergraphSdl: string;
    readonly subgraphUrls: Readonly<Record<string, string>>;
    readonly flags?: Readonly<Record<string, string | boolean>>;
    readonly policies?: PolicyEngine;
  }): Promise<RunningGateway>;
  token(claims: Record<string, unknown>, ttlSeconds?: number): Promise<string>;
  close(): Promise<void>;
}

export async function gatewayStarter(): Promise<GatewayStarter> {
  const dir = await mkdtemp(path.join(tmpdir(), 'accord-e2e-authorization-'));
  const identity = await ensureDevIdentity(dir);
  const gatewayKeys = await ensureGatewayKeys(dir);
  const started: RunningGateway[] = [];
  let count = 0;
  return {
    dir,
    identity,
    gatewayKeys,
    async start({ supergraphSdl, subgraphUrls, flags = {}, policies }) {
      count += 1;
      const supergraph = path.join(dir, `supergraph-${count}.graphql`);
      await writeFile(supergraph, supergraphSdl);
      const config = loadGatewayConfig({
        flags: {
          port: '0',
          supergraph,
          jwks: identity.jwksPath,
          issuer: DEV_ISSUER,
          audience: DEV_AUDIENCE,
          'gateway-key': gatewayKeys.privateKeyPath,
          'audit-file': path.join(dir, `audit-${count}.jsonl`),
          // A JSON line per request would drown the test output.
          'log-level': 'warn',
          ...flags,
        },
        env: Object.fromEntries(Object.entries(subgraphUrls).map(([name, url]) => [`ACCORD_SUBGRAPH_URL_${name.toUpperCase()}`, url])),
        dataDir: dir,
        repoRoot: REPO_ROOT,
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
