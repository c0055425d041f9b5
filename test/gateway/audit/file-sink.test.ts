import { appendFile, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditSinkClosedError, openFileAuditSink, readFileRecords, type InvalidLine } from '../../../gateway/audit';
import { auditRecord, parseLines } from './support/records';
import { temporaryDir } from './support/temporary-dir';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await temporaryDir('file-sink');
  file = path.join(dir, 'nested', 'audit.jsonl');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('file audit sink', () => {
  it('keeps every one of many concurrent records exactly once, each on a valid JSON line, in fewer syncs than records', async () => {
    const sink = await openFileAuditSink(file);
    const count = 500;
    await Promise.all(Array.from({ length: count }, (_, i) => sink.append(auditRecord({ requestId: `req-${i}` }))));
    const stats = sink.stats;
    await sink.close();

    const text = await readFile(file, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const ids = parseLines(text).map((record) => record.requestId);
    expect(ids).toHaveLength(count);
    expect(new Set(ids).size).toBe(count);
    expect(stats.items).toBe(count);
    // Group commit: records that arrived during a sync went into the next one.
    expect(stats.commits).toBeLessThan(count / 10);
  });

  it('appends after what the file already holds and never rewrites it', async () => {
    const first = await openFileAuditSink(file);
    await first.append(auditRecord({ requestId: 'req-first' }));
    await first.close();
    const before = await readFile(file, 'utf8');

    const second = await openFileAuditSink(file);
    await second.append(auditRecord({ requestId: 'req-second' }));
    await second.close();

    const after = await readFile(file, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(parseLines(after).map((r) => r.requestId)).toEqual(['req-first', 'req-second']);
  });

  it('ends a torn last line left by a crash so that the next record stays readable', async () => {
    const sink = await openFileAuditSink(file);
    await sink.append(auditRecord({ requestId: 'req-before-crash' }));
    await sink.close();
    await appendFile(file, '{"time":"2025-06-01T12:00:00.000Z","requestId":"req-torn","sub');

    const reopened = await openFileAuditSink(file);
    await reopened.append(auditRecord({ requestId: 'req-after-restart' }));
    await reopened.close();

    const invalid: InvalidLine[] = [];
    const ids: string[] = [];
    for await (const record of readFileRecords(file, {}, (line) => invalid.push(line))) ids.push(record.requestId);
    expect(ids).toEqual(['req-before-crash', 'req-after-restart']);
    expect(invalid).toEqual([{ line: 2, reason: 'not valid JSON (a record cut short?)' }]);
  });

  it('rejects records it cannot write instead of acknowledging them', async () => {
    // Every write to /dev/full fails with ENOSPC: a full disk.
    const sink = await openFileAuditSink('/dev/full');
    await expect(sink.append(auditRecord())).rejects.toThrow(/ENOSPC/);
    await expect(sink.append(auditRecord({ requestId: 'req-2' }))).rejects.toThrow(/ENOSPC/);
    await sink.close();
  });

  it('refuses records once closed', async () => {
    const sink = await openFileAuditSink(file);
    await sink.close();
    await expect(sink.append(auditRecord())).rejects.toBeInstanceOf(AuditSinkClosedError);
  });

  it('creates the file only readable and writable by its owner', async () => {
    const sink = await openFileAuditSink(file);
    await sink.close();
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('skips, and reports, a line that is JSON but not an audit record', async () => {
    const handWritten = path.join(dir, 'hand-written.jsonl');
    await writeFile(handWritten, `${JSON.stringify(auditRecord())}\n{"hello":"world"}\n\n`);
    const invalid: InvalidLine[] = [];
    const ids: string[] = [];
    for await (const record of readFileRecords(handWritten, {}, (line) => invalid.push(line))) ids.push(record.requestId);
    expect(ids).toEqual(['req-00000001']);
    expect(invalid).toEqual([{ line: 2, reason: 'not an audit record' }]);
  });
});
