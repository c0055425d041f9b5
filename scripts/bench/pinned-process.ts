// Child processes of the benchmark, each pinned to a set of CPUs with taskset(1), and what the
// benchmark reads about them from /proc: resident memory and CPU time.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { REPO_ROOT } from '../../gateway/config/data-dir';

const CLOCK_TICKS_PER_SECOND = 100;

export interface PinnedProcess {
  readonly name: string;
  readonly pid: number;
  readonly child: ChildProcess;
  /** Everything the process wrote so far (stdout and stderr), for error reports. */
  output(): string;
  /** Resident set size now, in bytes. */
  rssBytes(): number;
  /** CPU time used so far (user + system), in seconds. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

export interface PinnedProcessOptions {
  readonly name: string;
  /** CPU list for taskset, e.g. "1" or "0". */
  readonly cpus: string;
  /** A TypeScript entry point (absolute, or relative to `cwd`), run with `node --import tsx`. */
  readonly entry: string;
  readonly args?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  /** Extra options for node itself (e.g. --cpu-prof). */
  readonly nodeOptions?: readonly string[];
  /** Working directory (default: the repository root). */
  readonly cwd?: string;
  /** A TypeScript module to load before the entry point (after tsx, so it may be TypeScript). */
  readonly preload?: string;
}

/** `node --import tsx entry` under `taskset -c cpus`: exec keeps the pid, so /proc reads the node process. */
export function startPinned(options: PinnedProcessOptions): PinnedProcess {
  const preload = options.preload ? ['--import', options.preload] : [];
  const args = ['-c', options.cpus, process.execPath, ...(options.nodeOptions ?? []), '--import', 'tsx', ...preload, options.entry, ...(options.args ?? [])];
  const child = spawn('taskset', args, { cwd: options.cwd ?? REPO_ROOT, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const pid = child.pid!;
  return {
    name: options.name,
    pid,
    child,
    output: () => output,
    rssBytes: () => residentBytes(pid),
    cpuSeconds: () => cpuSecondsOf(pid),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => {
          console.warn(`${options.name} did not stop within 30 s of SIGTERM; killed (a CPU profile is lost)`);
          child.kill('SIGKILL');
        }, 30_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

export function residentBytes(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function cpuSecondsOf(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces): utime is the 14th field, stime the 15th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** A request that succeeds once a server is up: GET `url`, or POST `body` (JSON) to it. */
export async function answers(url: string, body?: unknown): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(2000),
    });
    return response.ok;
  } catch {
    return false;
  }
}

/** Waits until `ready()` says yes, or fails if the process exits or time runs out. */
export async function waitUntilReady(process: PinnedProcess, ready: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (process.child.exitCode !== null) throw new Error(`${process.name} exited (${process.child.exitCode}):\n${process.output()}`);
    if (await ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${process.name} was not ready in time:\n${process.output()}`);
}

/** Samples a process's RSS every `intervalMs` until stopped; returns the peak. */
export function sampleRss(pid: number, intervalMs = 250): { stop(): number } {
  let peak = residentBytes(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, residentBytes(pid));
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, residentBytes(pid));
    },
  };
}

/** The 1, 5 and 15 minute load averages, as the kernel reports them. */
export function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}
