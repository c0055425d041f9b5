// Real child processes for tests that exercise the command lines.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../../gateway/config/data-dir';

// By URL, so that it resolves from any working directory (the commands run from temporary ones).
const TSX_HOOKS = pathToFileURL(path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

/**
 * How to run a TypeScript command line as its npm script does, with tsx's hooks loaded into Node
 * directly: the same program and exit code as the tsx command, one process instead of two.
 */
export function tsxCommand(script: string, args: readonly string[] = []): [string, string[]] {
  return [process.execPath, ['--import', TSX_HOOKS, path.resolve(REPO_ROOT, script), ...args]];
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface ChildHandle {
  readonly process: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  stop(): Promise<number | null>;
}

/**
 * A TypeScript entry point in its own Node process, loaded through tsx's hooks rather than the
 * tsx command (which runs the program in a second process): signals sent to this process, a
 * SIGKILL or a SIGSTOP, reach the program itself, and nothing is left running behind it.
 */
export function startChild(args: string[], env: NodeJS.ProcessEnv = {}): ChildHandle {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return {
    process: child,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        // A process that does not finish its shutdown in time would hold the suite up.
        const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', (code) => {
          clearTimeout(kill);
          resolve(code);
        });
        child.kill('SIGCONT');
        child.kill('SIGTERM');
      }),
  };
}

export async function waitFor(url: string, child: ChildHandle, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null) throw new Error(`process exited (${child.process.exitCode}):\n${child.output()}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${url} not ready in time:\n${child.output()}`);
}
