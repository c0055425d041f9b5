import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { readFileRecords, type InvalidLine } from '../../../gateway/audit';
import { temporaryDir } from './support/temporary-dir';

const REPO = path.resolve(import.meta.dirname, '../../..');
const WRITER = path.join(import.meta.dirname, 'support/append-until-killed.ts');

let dir: string;

beforeEach(async () => {
  dir = await temporaryDir('crash');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs the writer until it has acknowledged `atLeast` records, then kills it with SIGKILL mid-stream. */
function writeThenKill(file: string, atLeast: number): Promise<{ acknowledged: string[]; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    // Node with tsx's hooks, not the tsx command: SIGKILL must reach the writer itself.
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file, '16'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    const acknowledged: string[] = [];
    let pending = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) if (line.startsWith('ack ')) acknowledged.push(line.slice(4));
      if (acknowledged.length >= atLeast && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited with ${code} before it was killed: ${stderr}`));
      else resolve({ acknowledged, signal });
    });
  });
}

it('keeps every acknowledged record when the writing process is killed mid-stream', async () => {
  const file = path.join(dir, 'audit.jsonl');
  const { acknowledged, signal } = await writeThenKill(file, 400);
  expect(signal).toBe('SIGKILL');
  expect(acknowledged.length).toBeGreaterThanOrEqual(400);

  const invalid: InvalidLine[] = [];
  const counts = new Map<string, number>();
  for await (const record of readFileRecords(file, {}, (line) => invalid.push(line))) {
    counts.set(record.requestId, (counts.get(record.requestId) ?? 0) + 1);
  }
  const missing = acknowledged.filter((id) => counts.get(id) !== 1);
  expect(missing).toEqual([]);
  // Nothing is written twice; the file may hold records written but not yet acknowledged.
  expect([...counts.values()].every((n) => n === 1)).toBe(true);
  expect(counts.size).toBeGreaterThanOrEqual(acknowledged.length);
  // Only the last line can have been cut short.
  expect(invalid.length).toBeLessThanOrEqual(1);
});
