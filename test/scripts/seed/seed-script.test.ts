import 'reflect-metadata';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseConfigFor } from '../../../subgraphs/kit/config/database-config';
import { openDatabase } from '../../../subgraphs/kit/orm/create-orm';
import { ModelRecord } from '../../../subgraphs/treasury/data/model-record';
import { AGENCIES } from '../../../subgraphs/agencies';
import { countSqliteRows, runSeed } from './run-seed';

const DAY = 24 * 3600 * 1000;

async function firstModel(dataDir: string): Promise<{ id: string; submittedAt: Date }> {
  const database = await openDatabase({ database: databaseConfigFor('treasury', {}, dataDir), entities: AGENCIES.treasury.entities });
  try {
    const [model] = await database.fork().find(ModelRecord, {}, { orderBy: { id: 'asc' }, limit: 1 });
    return { id: model!.id, submittedAt: model!.submittedAt };
  } finally {
    await database.close();
  }
}

describe('npm run seed (SQLite, child process)', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'accord-seed-'));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('seeds empty databases and prints what it wrote per agency', async () => {
    const run = await runSeed(['--anchor', '2026-11-23'], dataDir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Seeded scale 1, anchor 2026-11-23');
    expect(run.stdout).toMatch(/treasury .*36 developers, 300 models, 150 partners/);
    expect(run.stdout).toMatch(/defense .*national-security assessments/);
    expect(run.stdout).toMatch(/cyber .*16 sectors, 360 vulnerabilities/);
    const counts = await countSqliteRows(dataDir);
    expect(counts.treasury.ModelRecord).toBe(300);
    expect(counts.cyber.SectorRecord).toBe(16);
    expect(counts.defense.SecurityFindingRecord).toBeGreaterThan(0);
  });

  it('refuses to write into databases that hold data: exit 1, a clear message, nothing written anywhere', async () => {
    expect((await runSeed(['--anchor', '2026-11-23'], dataDir)).code).toBe(0);
    const before = await countSqliteRows(dataDir);
    const again = await runSeed([], dataDir);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/treasury \(sqlite:.*treasury\.sqlite\) already holds 36 developers, 300 models/);
    expect(again.stderr).toMatch(/Nothing was written.*--reset.*--if-empty/);
    expect(await countSqliteRows(dataDir)).toEqual(before);

    // With one database empty and the others not, the empty one stays empty too.
    await rm(path.join(dataDir, 'treasury.sqlite'));
    const partial = await runSeed([], dataDir);
    expect(partial.code).toBe(1);
    expect(partial.stderr).toMatch(/defense .* already holds/);
    const after = await countSqliteRows(dataDir);
    expect(Object.values(after.treasury).every((rows) => rows === 0)).toBe(true);
    expect(after.cyber).toEqual(before.cyber);
  });

  it('--if-empty seeds empty databases, and exits 0 without writing when data is already there', async () => {
    const first = await runSeed(['--if-empty', '--anchor', '2026-11-23'], dataDir);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Seeded');
    const model = await firstModel(dataDir);
    const before = await countSqliteRows(dataDir);
    const second = await runSeed(['--if-empty', '--anchor', '2027-01-01', '--scale', '2'], dataDir);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('nothing written');
    expect(await countSqliteRows(dataDir)).toEqual(before);
    expect(await firstModel(dataDir)).toEqual(model);
  });

  it('--reset replaces the data: same rows, times moved to the new anchor', async () => {
    expect((await runSeed(['--anchor', '2026-11-23'], dataDir)).code).toBe(0);
    const before = await firstModel(dataDir);
    const counts = await countSqliteRows(dataDir);
    const reset = await runSeed(['--reset', '--anchor', '2026-11-30'], dataDir);
    expect(reset.code, reset.stderr).toBe(0);
    const after = await firstModel(dataDir);
    expect(after.id).toBe(before.id);
    expect(after.submittedAt.getTime() - before.submittedAt.getTime()).toBe(7 * DAY);
    expect(await countSqliteRows(dataDir)).toEqual(counts);
  });

  it.each([
    [['--bogus'], /Unknown option '--bogus'/],
    [['--scale', '0'], /--scale must be a whole number from 1 to 100 \(got "0"\)/],
    [['--anchor', '2026-02-30'], /--anchor must be a calendar day/],
  ])('rejects %j with a usage message and exit code 2, before touching any database', async (args, message) => {
    const run = await runSeed(args, dataDir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('usage: npm run seed');
    expect(await readdir(dataDir)).toEqual([]);
  });
});
