// Where a gateway's or subgraph's CPU time went, from a V8 CPU profile (node --cpu-prof;
// npm run bench -- --profile or --profile-subgraphs):
//   npx tsx scripts/bench/profile-summary.ts FILE.cpuprofile|FOLDER [--functions N] [--after S]
// A folder (one process's profiles: its main thread and its worker threads) is summarized file by file.
// --after S leaves out the first S seconds of the profile (start-up: loading and compiling modules).
// Self time is grouped by where the code lives: a package under node_modules, a folder of the
// gateway, Node's own internals, garbage collection; idle time is left out of the shares.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

function groupOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : `(native) ${functionName}`;
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + '/node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[1] ?? url.slice(5)}`;
  const project = /\/(gateway|scripts|subgraphs)\/(.*)$/.exec(url);
  if (project) {
    const parts = project[2]!.split('/');
    return `${project[1]}/${parts.length > 1 ? parts[0] : parts[0]!.replace(/\.ts$/, '')}`;
  }
  return url;
}

export function summarizeProfile(
  profile: CpuProfile,
  afterMicros = 0,
): { total: number; groups: Map<string, number>; functions: Map<string, number> } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  let elapsed = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    const delta = profile.timeDeltas[i] ?? 0;
    elapsed += delta;
    if (elapsed < afterMicros) continue;
    self.set(id, (self.get(id) ?? 0) + delta);
  }
  const groups = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  for (const [id, micros] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') continue;
    total += micros;
    const group = groupOf(url, functionName);
    groups.set(group, (groups.get(group) ?? 0) + micros);
    const name = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(node_modules|gateway|scripts)\//, '$1/')}:${lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + micros);
  }
  return { total, groups, functions };
}

function print(title: string, entries: Map<string, number>, total: number, limit: number): void {
  console.log(title);
  for (const [name, micros] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, limit)) {
    console.log(`  ${((100 * micros) / total).toFixed(1).padStart(5)}%  ${name}`);
  }
}

/** The profiles at `target`: the file itself, or a folder's .cpuprofile files, largest (the main thread) first. */
export function profilesAt(target: string): string[] {
  if (!statSync(target).isDirectory()) return [target];
  const files = readdirSync(target)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => path.join(target, name));
  return files.sort((a, b) => statSync(b).size - statSync(a).size);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const target = process.argv[2];
  if (!target) {
    console.error('usage: npx tsx scripts/bench/profile-summary.ts FILE.cpuprofile|FOLDER [--functions N] [--after S]');
    process.exit(2);
  }
  const option = (name: string, fallback: number): number => {
    const index = process.argv.indexOf(name);
    if (index < 0) return fallback;
    const value = Number(process.argv[index + 1]);
    if (!Number.isFinite(value) || value < 0) {
      console.error(`${name} takes a number of at least 0`);
      process.exit(2);
    }
    return value;
  };
  const limit = option('--functions', 25);
  const afterSeconds = option('--after', 0);
  const files = profilesAt(target);
  if (files.length === 0) {
    console.error(`no .cpuprofile file in ${target}`);
    process.exit(2);
  }
  for (const file of files) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    const { total, groups, functions } = summarizeProfile(profile, afterSeconds * 1e6);
    if (files.length > 1) console.log(`\n== ${file}`);
    console.log(`busy CPU time in the profile: ${(total / 1e6).toFixed(1)} s`);
    print('by where the code lives (self time):', groups, total, 30);
    print(`top ${limit} functions (self time):`, functions, total, limit);
  }
}
