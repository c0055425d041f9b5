import { execFile } from 'node:child_process';
import { appendFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresAuditSink, type AuditRecord } from '../../../gateway/audit';
import { auditRecord } from './support/records';
import { scratchDatabase, TEST_POSTGRES_URL, type ScratchDatabase } from './support/postgres-database';
import { temporaryDir } from './support/temporary-dir';
import { tsxCommand } from '../../support/processes';

const REPO = path.resolve(import.meta.dirname, '../../..');
const SCRIPT = path.join(REPO, 'scripts/audit.ts');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

let dir: string;
let file: string;

function hoursAgo(hours: number): string {
  return new Date(Date.now() - hours * 3_600_000).toISOString();
}

const RECORDS: AuditRecord[] = [
  auditRecord({ requestId: 'req-cyber-old', time: '2025-06-01T09:00:00.000Z' }),
  auditRecord({
    requestId: 'req-partner-partial',
    time: '2025-06-01T10:00:00.000Z',
    subject: 'dev:energy-partner',
    agency: 'partner',
    outcome: 'partial',
    classification: 'CUI',
    returned: ['Query.models'],
    denied: [{ coordinate: 'Vulnerability.exploitDetails', responsePath: 'vulnerabilities.nodes.exploitDetails', rule: '@policy(policies: [["need-to-know:exploit"]])' }],
  }),
  auditRecord({
    requestId: 'req-bad-token',
    time: hoursAgo(3),
    subject: null,
    agency: null,
    operationName: null,
    operationHash: null,
    operationType: null,
    outcome: 'refused',
    status: 401,
    returned: [],
    errorCodes: ['TOKEN_EXPIRED'],
  }),
  auditRecord({ requestId: 'req-partner-recent', time: hoursAgo(1), subject: 'dev:energy-partner', agency: 'partner' }),
];

// Runs the script as `npm run audit` does, from another directory, with no audit settings in the environment.
function runAudit(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('ACCORD_AUDIT_')));
  return new Promise((done) => {
    execFile(...tsxCommand(SCRIPT, args), { cwd: dir, env: { ...base, ACCORD_DATA_DIR: dir, ...env } }, (error, stdout, stderr) => {
      done({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

function requestIds(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => (JSON.parse(line) as AuditRecord).requestId);
}

beforeAll(async () => {
  dir = await temporaryDir('cli');
  file = path.join(dir, 'audit.jsonl');
  await writeFile(file, RECORDS.map((r) => JSON.stringify(r) + '\n').join(''));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run audit', () => {
  it('prints one readable line per record of a subject, from the data directory by default', async () => {
    const run = await runAudit(['--subject', 'dev:energy-partner']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('req-partner-partial');
    expect(lines[0]).toContain('dev:energy-partner (partner)');
    expect(lines[0]).toContain('denied Vulnerability.exploitDetails at vulnerabilities.nodes.exploitDetails by @policy');
    expect(lines[0]).toContain('returned Query.models');
    expect(lines[1]).toContain('req-partner-recent');
    expect(run.stderr).toContain(`2 records from ${file}`);
  });

  it('prints the records themselves as JSON lines with --json', async () => {
    const run = await runAudit(['--json', '--file', file]);
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line))).toEqual(RECORDS);
  });

  it('filters by a relative --since', async () => {
    const run = await runAudit(['--json', '--since', '2h']);
    expect(requestIds(run.stdout)).toEqual(['req-partner-recent']);
  });

  it('filters by ISO --since and --until, both inclusive', async () => {
    const run = await runAudit(['--json', '--since', '2025-06-01T09:00:00Z', '--until', '2025-06-01T10:00:00Z']);
    expect(requestIds(run.stdout)).toEqual(['req-cyber-old', 'req-partner-partial']);
  });

  it('filters by agency, outcome, request id and denials', async () => {
    expect(requestIds((await runAudit(['--json', '--agency', 'cyber'])).stdout)).toEqual(['req-cyber-old']);
    expect(requestIds((await runAudit(['--json', '--outcome', 'refused'])).stdout)).toEqual(['req-bad-token']);
    expect(requestIds((await runAudit(['--json', '--request-id', 'req-partner-recent'])).stdout)).toEqual(['req-partner-recent']);
    expect(requestIds((await runAudit(['--json', '--denied-only'])).stdout)).toEqual(['req-partner-partial']);
    expect(requestIds((await runAudit(['--json', '--subject', 'dev:energy-partner', '--since', '2h'])).stdout)).toEqual([
      'req-partner-recent',
    ]);
  });

  it('reads the file named by ACCORD_AUDIT_FILE', async () => {
    const other = path.join(dir, 'other.jsonl');
    await writeFile(other, JSON.stringify(auditRecord({ requestId: 'req-other-file' })) + '\n');
    const run = await runAudit(['--json'], { ACCORD_AUDIT_FILE: other });
    expect(requestIds(run.stdout)).toEqual(['req-other-file']);
  });

  it('skips a truncated last line with a warning and prints the rest', async () => {
    const torn = path.join(dir, 'torn.jsonl');
    await writeFile(torn, RECORDS.map((r) => JSON.stringify(r) + '\n').join(''));
    await appendFile(torn, JSON.stringify(auditRecord({ requestId: 'req-torn' })).slice(0, 40));
    const run = await runAudit(['--json', '--file', torn]);
    expect(run.code).toBe(0);
    expect(requestIds(run.stdout)).toEqual(RECORDS.map((r) => r.requestId));
    expect(run.stderr).toContain(`warning: ${torn}:5: skipped, not valid JSON`);
  });

  it.each([
    [['--since', 'yesterday'], '--since must be an ISO 8601 time or an age'],
    [['--until', '2025-13-45'], '--until must be an ISO 8601 time or an age'],
    [['--since', '1h', '--until', '2h'], '--since must not be later than --until'],
    [['--outcome', 'maybe'], '--outcome must be one of ok, partial, denied, error, refused'],
    [['--agency', 'nasa'], '--agency must be one of treasury, defense, cyber, partner'],
    [['--subjekt', 'x'], "Unknown option '--subjekt'"],
    [['dev:cyber-analyst'], 'Unexpected argument'],
    [['--subject', ''], '--subject must not be empty'],
    [['--subject'], "Option '--subject <value>' argument missing"],
    [['--file', 'a.jsonl', '--database-url', 'postgres://localhost/x'], 'give --file or --database-url, not both'],
    [['--database-url', 'mysql://localhost/x'], 'must start with postgres:// or postgresql://'],
  ])('refuses %j with a usage error and exit code 2', async (args, message) => {
    const run = await runAudit(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('usage: npm run audit');
    expect(run.stdout).toBe('');
  });

  it('says so, with exit code 1, when there is no audit file', async () => {
    const run = await runAudit(['--file', path.join(dir, 'missing.jsonl')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no audit trail there yet');
  });
});

describe.skipIf(!TEST_POSTGRES_URL)('npm run audit against PostgreSQL', () => {
  let database: ScratchDatabase;

  beforeAll(async () => {
    database = await scratchDatabase(TEST_POSTGRES_URL!);
    const sink = await openPostgresAuditSink(database.url);
    await Promise.all(RECORDS.map((record) => sink.append(record)));
    await sink.close();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('reads the database given by --database-url with the same filters', async () => {
    const run = await runAudit(['--json', '--database-url', database.url, '--subject', 'dev:energy-partner', '--denied-only']);
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line))).toEqual([RECORDS[1]]);
  });

  it('reads the database configured by ACCORD_AUDIT_DATABASE_URL', async () => {
    const run = await runAudit(['--json', '--since', '2h'], { ACCORD_AUDIT_DATABASE_URL: database.url });
    expect(requestIds(run.stdout)).toEqual(['req-partner-recent']);
  });
});
