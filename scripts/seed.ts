// npm run seed -- [--scale N] [--anchor YYYY-MM-DD] [--reset | --if-empty]
// Fills the treasury, defense and cyber databases with a deterministic, realistic data set. The
// databases are found as the subgraphs find them: ACCORD_POSTGRES_URL or <AGENCY>_DATABASE_URL for
// PostgreSQL, otherwise SQLite files in the data folder (ACCORD_DATA_DIR, default .data).
// Exit codes: 0 seeded (or skipped with --if-empty), 1 refused or failed, 2 bad options.
import 'reflect-metadata';
import { DATA_DIR } from '../gateway/config/data-dir';
import { USAGE, UsageError, parseSeedCommand, type SeedCommand } from './seed/options';
import { SeedRefusedError, seedAll } from './seed/seed-all';

function flag(value: string | undefined): boolean {
  return value === '1' || value === 'true' || value === 'yes';
}

async function main(argv: string[]): Promise<number> {
  let command: SeedCommand;
  try {
    command = parseSeedCommand(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (command.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    await seedAll({ ...command, env: process.env, dataDir: DATA_DIR, logSql: flag(process.env.ACCORD_LOG_SQL) });
    return 0;
  } catch (error) {
    if (!(error instanceof SeedRefusedError)) throw error;
    process.stderr.write(`seed refused: ${error.message}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
