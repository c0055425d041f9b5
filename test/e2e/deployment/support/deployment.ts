// A deployment as operators run it: each agency's subgraph and the gateway as their own
// processes (`npm run subgraph`, `npm run gateway`) on free ports, sharing one temporary data
// folder (keys, seeded SQLite files), and the gateway reading a supergraph file that the test
// can replace. Subgraphs can be killed, frozen and restarted one by one.
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureGatewayKeys } from '../../../../gateway/identity/gateway-keys';
import { ensureDevIdentity, signDevToken } from '../../../../gateway/identity/dev-identity';
import { findPersona } from '../../../../gateway/identity/personas';
import { composeSupergraph, formatProblem } from '../../../../scripts/lib/compose';
import { readSubgraphConfig, type SubgraphEntry } from '../../../../scripts/lib/subgraph-config';
import { sourcesFromFiles, type SubgraphSource } from '../../../../scripts/lib/subgraph-sources';
import { freePort, startChild, waitFor, type ChildHandle } from '../../../support/processes';

export const AGENCY_NAMES = readSubgraphConfig().map((entry) => entry.name);

/** Every database setting empty: the processes use the SQLite files of the data folder. */
const SQLITE_ONLY = Object.fromEntries(['ACCORD_POSTGRES_URL', ...AGENCY_NAMES.map((n) => `${n.toUpperCase()}_DATABASE_URL`)].map((k) => [k, '']));

export interface DeploymentOptions {
  /** Changes the subgraph SDL the first supergraph is composed from. */
  readonly initialSources?: (sources: SubgraphSource[]) => SubgraphSource[];
  /** Extra environment for the gateway process. */
  readonly gatewayEnv?: Readonly<Record<string, string>>;
}

export interface ClientResponse {
  readonly status: number;
  readonly body: {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }>;
  } | null;
}

export interface Deployment {
  readonly dataDir: string;
  /** The subgraphs at their real URLs, as `schema/subgraphs.json` would list them. */
  readonly entries: readonly SubgraphEntry[];
  readonly subgraphConfigFile: string;
  /** The file the gateway serves and watches. */
  readonly supergraphFile: string;
  readonly gatewayUrl: string;
  /** Sources the first supergraph was composed from. */
  readonly initialSources: readonly SubgraphSource[];
  token(persona: string): Promise<string>;
  /** POSTs an operation; a request that takes longer than `timeoutMs` fails the test as a hang. */
  query(query: string, token: string, timeoutMs?: number): Promise<ClientResponse>;
  /** Replaces the supergraph file as a deployment tool should: written aside, then renamed over it. */
  replaceSupergraph(sdl: string): Promise<void>;
  /** The gateway's structured log lines so far. */
  gatewayLog(): Array<Record<string, unknown>>;
  /** Stops a subgraph process (SIGKILL: as a crash) and waits for it to be gone. */
  killSubgraph(name: string): Promise<void>;
  /** Freezes (SIGSTOP) or thaws (SIGCONT) a subgraph process: it keeps its port but answers nothing. */
  freezeSubgraph(name: string, frozen: boolean): void;
  /** Starts a subgraph process on its port again and waits until it is ready. */
  startSubgraph(name: string): Promise<void>;
  close(): Promise<void>;
}

export function composeOrThrow(sources: readonly SubgraphSource[]): string {
  const result = composeSupergraph(sources);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.supergraphSdl;
}

export async function startDeployment(options: DeploymentOptions = {}): Promise<Deployment> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'accord-deployment-'));
  await ensureGatewayKeys(dataDir);
  const identity = await ensureDevIdentity(dataDir);
  const entries: SubgraphEntry[] = [];
  for (const name of AGENCY_NAMES) entries.push({ name, routingUrl: `http://127.0.0.1:${await freePort()}/graphql` });
  const subgraphConfigFile = path.join(dataDir, 'subgraphs.json');
  await writeFile(subgraphConfigFile, JSON.stringify({ subgraphs: entries }, null, 2));
  const initialSources = (options.initialSources ?? ((s) => s))(await sourcesFromFiles(entries));
  const supergraphDir = path.join(dataDir, 'supergraph');
  await mkdir(supergraphDir);
  const supergraphFile = path.join(supergraphDir, 'supergraph.graphql');
  await writeFile(supergraphFile, composeOrThrow(initialSources));

  // The gateway needs only its supergraph and keys: it starts while the databases are seeded.
  const gatewayPort = await freePort();
  const gateway = startChild(['gateway/main.ts', '--supergraph', supergraphFile, '--port', String(gatewayPort)], {
    ...SQLITE_ONLY,
    ACCORD_DATA_DIR: dataDir,
    ...options.gatewayEnv,
  });
  const gatewayStarted = waitFor(`http://127.0.0.1:${gatewayPort}/health`, gateway);

  const subgraphs = new Map<string, ChildHandle>();
  const urlOf = (name: string) => new URL(entries.find((entry) => entry.name === name)!.routingUrl);
  async function startSubgraph(name: string): Promise<void> {
    const url = urlOf(name);
    const child = startChild(['scripts/subgraph.ts', name], { ...SQLITE_ONLY, ACCORD_DATA_DIR: dataDir, [`${name.toUpperCase()}_PORT`]: url.port });
    subgraphs.set(name, child);
    await waitFor(new URL('/ready', url).toString(), child);
  }
  try {
    const { seedAll } = await import('../../../../scripts/seed/seed-all');
    await seedAll({ scale: 1, anchor: new Date(), mode: 'reset', env: {}, dataDir, quiet: true });
    await Promise.all([...AGENCY_NAMES.map(startSubgraph), gatewayStarted]);
  } catch (error) {
    // Leave no process behind when the deployment cannot come up.
    await Promise.all([gateway, ...subgraphs.values()].map((child) => child.stop()));
    throw error;
  }
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;

  return {
    dataDir,
    entries,
    subgraphConfigFile,
    supergraphFile,
    gatewayUrl,
    initialSources,
    token: (persona) => signDevToken(identity, findPersona(persona)!.claims, 3600),
    async query(query, token, timeoutMs = 15_000) {
      const response = await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      let body: ClientResponse['body'] = null;
      try {
        body = JSON.parse(text) as ClientResponse['body'];
      } catch {
        // reported as a null body
      }
      return { status: response.status, body };
    },
    async replaceSupergraph(sdl) {
      const aside = path.join(supergraphDir, `.supergraph-${Date.now()}.tmp`);
      await writeFile(aside, sdl);
      await rename(aside, supergraphFile);
    },
    gatewayLog: () =>
      gateway
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .flatMap((line) => {
          try {
            return [JSON.parse(line) as Record<string, unknown>];
          } catch {
            return [];
          }
        }),
    async killSubgraph(name) {
      const child = subgraphs.get(name)!;
      if (child.process.exitCode !== null || child.process.signalCode !== null) return;
      const exited = new Promise((resolve) => child.process.once('exit', resolve));
      child.process.kill('SIGKILL');
      await exited;
    },
    freezeSubgraph(name, frozen) {
      subgraphs.get(name)!.process.kill(frozen ? 'SIGSTOP' : 'SIGCONT');
    },
    startSubgraph,
    async close() {
      await gateway.stop();
      for (const child of subgraphs.values()) await child.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Waits until `condition` holds, checking every 100 ms; fails after `timeoutMs`. */
export async function eventually(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
