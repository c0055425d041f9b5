// The seed's command line: `npm run seed -- [--scale N] [--anchor YYYY-MM-DD] [--reset | --if-empty]`.
import { parseArgs } from 'node:util';
import { startOfUtcDay } from './clock';
import type { SeedMode } from './seed-all';

export const MAX_SCALE = 100;

export const USAGE = `usage: npm run seed -- [--scale <n>] [--anchor <YYYY-MM-DD>] [--reset | --if-empty]
  --scale     multiply the volume (models, developers, partners, grants, vulnerabilities,
              assessments) by a whole number from 1 to ${MAX_SCALE} (default 1)
  --anchor    the day every time is relative to, at 00:00 UTC (default: today)
  --reset     empty the agency tables first, then seed
  --if-empty  seed only when all databases are empty; otherwise do nothing and exit 0
Without --reset or --if-empty, databases that already hold data are left alone and the seed fails.`;

/** A mistake on the command line: reported with the usage text and exit code 2. */
export class UsageError extends Error {
  readonly code = 'BAD_USAGE';

  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface SeedCommand {
  readonly help: boolean;
  readonly scale: number;
  readonly anchor: Date;
  readonly mode: SeedMode;
}

export function parseScale(text: string): number {
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`--scale must be a whole number from 1 to ${MAX_SCALE} (got "${text}")`);
  const scale = Number(text);
  if (scale < 1 || scale > MAX_SCALE) throw new UsageError(`--scale must be a whole number from 1 to ${MAX_SCALE} (got "${text}")`);
  return scale;
}

/** A calendar day, as midnight UTC; rejects days that do not exist (2026-02-30). */
export function parseAnchor(text: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const day = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!day || day.toISOString().slice(0, 10) !== text.trim()) {
    throw new UsageError(`--anchor must be a calendar day such as 2026-11-23 (got "${text}")`);
  }
  return day;
}

export function parseSeedCommand(argv: readonly string[], now: Date = new Date()): SeedCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        scale: { type: 'string' },
        anchor: { type: 'string' },
        reset: { type: 'boolean' },
        'if-empty': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
      strict: true,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.reset && values['if-empty']) throw new UsageError('give --reset or --if-empty, not both');
  return {
    help: values.help ?? false,
    scale: values.scale === undefined ? 1 : parseScale(values.scale),
    anchor: values.anchor === undefined ? startOfUtcDay(now) : parseAnchor(values.anchor),
    mode: values.reset ? 'reset' : values['if-empty'] ? 'if-empty' : 'refuse',
  };
}
