// npm start: the whole system on one machine, from a fresh clone.
//   1. composes the supergraph if the code changed it,
//   2. creates the development signing keys (first run only),
//   3. creates and seeds the databases if they are empty,
//   4. starts the three subgraphs and the gateway, each its own process,
//   5. stops them all cleanly on Ctrl-C.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DATA_DIR, REPO_ROOT } from '../gateway/config/data-dir';
import { readSubgraphConfig } from './lib/subgraph-config';
import { SCHEMA_DIR, sdlFileOf, sourcesFromCode } from './lib/subgraph-sources';
import { composeSupergraph, formatProblem } from './lib/compose';
import { ensureDevIdentity } from '../gateway/identity/dev-identity';
import { ensureGatewayKeys } from '../gateway/identity/gateway-keys';
import { GATEWAY_NODE_OPTIONS } from '../gateway/node-options';

const GATEWAY_PORT = Number(process.env.PORT ?? 4000);
const children: { name: string; process: ChildProcess }[] = [];
let stopping = false;

function log(message: string): void {
  console.log(`[start] ${message}`);
}

async function readIfExists(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return null;
  }
}

/** Writes the supergraph and subgraph SDL files only when the code produces something new. */
async function composeIfNeeded(): Promise<void> {
  const sources = await sourcesFromCode(readSubgraphConfig());
  const result = composeSupergraph(sources);
  if (!result.ok) {
    for (const problem of result.problems) console.error(formatProblem(problem));
    throw new Error('the subgraphs do not compose');
  }
  const files = [
    ...sources.map((s) => ({ file: sdlFileOf(s.name), text: s.sdl })),
    { file: path.join(SCHEMA_DIR, 'supergraph.graphql'), text: result.supergraphSdl },
  ];
  let changed = 0;
  for (const { file, text } of files) {
    if ((await readIfExists(file)) !== text) {
      await writeFile(file, text);
      changed++;
    }
  }
  log(changed ? `composed the supergraph (${changed} file(s) updated in schema/)` : 'supergraph is up to date');
}

function run(name: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  // Node with tsx's hooks: one process per service, and signals reach it directly.
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (stream: NodeJS.ReadableStream, out: NodeJS.WritableStream) => {
    let partial = '';
    stream.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) out.write(`[${name}] ${line}\n`);
    });
  };
  prefix(child.stdout!, process.stdout);
  prefix(child.stderr!, process.stderr);
  return child;
}

function runToEnd(name: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = run(name, args);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${name} exited with code ${code}`))));
  });
}

async function waitForHealth(name: string, url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} was not healthy at ${url} within ${timeoutMs / 1000} s`);
}

async function startService(name: string, args: string[], healthUrl: string, env: NodeJS.ProcessEnv = {}): Promise<void> {
  const child = run(name, args, env);
  children.push({ name, process: child });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[start] ${name} stopped unexpectedly (${signal ?? `code ${code}`}); stopping everything`);
      void stopAll(1);
    }
  });
  await waitForHealth(name, healthUrl, child);
}

async function stopAll(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  // The gateway first, so that no request reaches a subgraph that is already gone.
  for (const { name, process: child } of [...children].reverse()) {
    if (child.exitCode !== null) continue;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
    log(`${name} stopped`);
  }
  process.exit(exitCode);
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  await composeIfNeeded();
  await ensureDevIdentity(DATA_DIR);
  await ensureGatewayKeys(DATA_DIR);
  await runToEnd('seed', ['scripts/seed.ts', '--if-empty']);
  const subgraphs = readSubgraphConfig();
  await Promise.all(
    subgraphs.map((subgraph) => {
      const health = new URL('/health', subgraph.routingUrl).toString();
      return startService(subgraph.name, ['scripts/subgraph.ts', subgraph.name], health);
    }),
  );
  await startService('gateway', [...GATEWAY_NODE_OPTIONS, 'gateway/main.ts', '--port', String(GATEWAY_PORT)], `http://127.0.0.1:${GATEWAY_PORT}/health`);
  const gateway = `http://127.0.0.1:${GATEWAY_PORT}/graphql`;
  console.log(`
Accord is running.
  gateway     ${gateway}   (open it in a browser for an explorer)
${subgraphs.map((s) => `  ${s.name.padEnd(11)} ${s.routingUrl}`).join('\n')}

Try it:
  TOKEN=$(npm run --silent token -- treasury-analyst | tail -1)
  curl -s ${gateway} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \\
    -d '{"query":"{ models(first: 3, filter: { participation: IN_REVIEW }) { totalCount nodes { name reviewWindow { daysRemaining } nationalSecurityPriority vulnerabilitiesFound { totalCount } } } }"}'

Press Ctrl-C to stop.`);
}

main().catch((error: unknown) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  void stopAll(1);
});
