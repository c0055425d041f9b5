// npm run audit -- [--subject S] [--since T] [--until T] [--agency A] [--outcome O] [--denied-only]
//                  [--request-id ID] [--json] [--file FILE | --database-url URL]
// Prints the audit records that match, oldest first: from the audit file (streamed), or from
// PostgreSQL when a database is given or configured (ACCORD_AUDIT_DATABASE_URL).
import { once } from 'node:events';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  AUDIT_OUTCOMES,
  describeDatabaseUrl,
  formatRecord,
  parseTimeArgument,
  readDatabaseRecords,
  readFileRecords,
  type AuditFilter,
  type AuditOutcome,
  type AuditRecord,
} from '../gateway/audit';
import { AGENCIES, type Agency } from '../gateway/identity/caller';
import { DATA_DIR } from '../gateway/config/data-dir';

const OPTIONS = {
  subject: { type: 'string' },
  agency: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  outcome: { type: 'string' },
  'denied-only': { type: 'boolean' },
  'request-id': { type: 'string' },
  json: { type: 'boolean' },
  file: { type: 'string' },
  'database-url': { type: 'string' },
  help: { type: 'boolean' },
} as const;

const USAGE = `usage: npm run audit -- [--subject S] [--since T] [--until T] [--agency ${AGENCIES.join('|')}]
  [--outcome ${AUDIT_OUTCOMES.join('|')}] [--denied-only] [--request-id ID] [--json]
  [--file FILE | --database-url postgres://...]
  T is an ISO 8601 time (2025-06-01, 2025-06-01T12:00:00Z) or an age: 90s, 15m, 2h, 7d, 2w.
  Reads --database-url, else --file, else ACCORD_AUDIT_DATABASE_URL, else ACCORD_AUDIT_FILE,
  else ${path.join('<data dir>', 'audit.jsonl')}.`;

class UsageError extends Error {}

type Source = { readonly kind: 'file'; readonly file: string } | { readonly kind: 'database'; readonly url: string };

interface Query {
  readonly filter: AuditFilter;
  readonly json: boolean;
  readonly source: Source;
}

function nonEmpty(value: string | undefined, name: string): string | undefined {
  if (value === '') throw new UsageError(`--${name} must not be empty`);
  return value;
}

function time(value: string | undefined, name: string, now: Date): Date | undefined {
  if (value === undefined) return undefined;
  const parsed = parseTimeArgument(value, now);
  if (!parsed) throw new UsageError(`--${name} must be an ISO 8601 time or an age like 2h or 7d (got ${JSON.stringify(value)})`);
  return parsed;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], name: string): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`);
}

function sourceOf(flags: { file?: string; 'database-url'?: string }, env: NodeJS.ProcessEnv): Source {
  if (flags.file !== undefined && flags['database-url'] !== undefined) throw new UsageError('give --file or --database-url, not both');
  const url = flags['database-url'] ?? (flags.file === undefined ? env.ACCORD_AUDIT_DATABASE_URL || undefined : undefined);
  if (url !== undefined) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new UsageError('the audit database URL must start with postgres:// or postgresql://');
    return { kind: 'database', url };
  }
  return { kind: 'file', file: path.resolve(nonEmpty(flags.file, 'file') ?? (env.ACCORD_AUDIT_FILE || path.join(DATA_DIR, 'audit.jsonl'))) };
}

function parseQuery(args: string[], env: NodeJS.ProcessEnv, now: Date): Query | 'help' {
  let flags;
  try {
    flags = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (flags.help) return 'help';
  const since = time(flags.since, 'since', now);
  const until = time(flags.until, 'until', now);
  if (since && until && since > until) throw new UsageError('--since must not be later than --until');
  const filter: AuditFilter = {
    subject: nonEmpty(flags.subject, 'subject'),
    agency: oneOf<Agency>(flags.agency, AGENCIES, 'agency'),
    since,
    until,
    outcome: oneOf<AuditOutcome>(flags.outcome, AUDIT_OUTCOMES, 'outcome'),
    deniedOnly: flags['denied-only'] ?? false,
    requestId: nonEmpty(flags['request-id'], 'request-id'),
  };
  return { filter, json: flags.json ?? false, source: sourceOf(flags, env) };
}

function recordsOf(query: Query): AsyncGenerator<AuditRecord> {
  const { source, filter } = query;
  if (source.kind === 'database') {
    return readDatabaseRecords(source.url, filter, (id) => console.error(`warning: audit row ${id} is not a valid record; skipped`));
  }
  return readFileRecords(source.file, filter, ({ line, reason }) =>
    console.error(`warning: ${source.file}:${line}: skipped, ${reason}`),
  );
}

async function print(query: Query): Promise<number> {
  let count = 0;
  for await (const record of recordsOf(query)) {
    count += 1;
    const line = (query.json ? JSON.stringify(record) : formatRecord(record)) + '\n';
    if (!process.stdout.write(line)) await once(process.stdout, 'drain');
  }
  return count;
}

function describe(source: Source): string {
  return source.kind === 'file' ? source.file : describeDatabaseUrl(source.url);
}

async function main(): Promise<number> {
  let query: Query | 'help';
  try {
    query = parseQuery(process.argv.slice(2), process.env, new Date());
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`error: ${error.message}\n${USAGE}`);
    return 2;
  }
  if (query === 'help') {
    console.log(USAGE);
    return 0;
  }
  // A reader that stops early (`| head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? 0 : 1));
  try {
    const count = await print(query);
    if (!query.json) console.error(`${count} record${count === 1 ? '' : 's'} from ${describe(query.source)}`);
    return 0;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no audit trail there yet' : (error as Error).message;
    console.error(`error: cannot read the audit trail at ${describe(query.source)}: ${reason}`);
    return 1;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`audit failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
