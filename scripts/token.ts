// Prints a development token signed by the local dev issuer (keys in the data folder).
//   npm run token -- <persona> [--ttl 1h]
//   npm run token -- --claims '{"sub":"someone","scope":"cyber:read"}' [--ttl 10m]
// The token is alone on the last line of stdout: `TOKEN=$(npm run -s token -- cyber-analyst | tail -n 1)`.
import { parseArgs } from 'node:util';
import { decodeJwt } from 'jose';
import { callerFromClaims, ClaimsError } from '../gateway/identity/caller';
import { ensureDevIdentity, signDevToken } from '../gateway/identity/dev-identity';
import { findPersona, PERSONAS } from '../gateway/identity/personas';
import { DATA_DIR } from '../gateway/config/data-dir';

const DEFAULT_TTL = '1h';

/** A mistake in the command line: reported with the usage text and exit code 2. */
class UsageError extends Error {
  constructor(
    message: string,
    readonly listPersonas = false,
  ) {
    super(message);
  }
}

function personaList(): string {
  const width = Math.max(...Object.keys(PERSONAS).map((name) => name.length));
  return Object.entries(PERSONAS)
    .map(([name, persona]) => `  ${name.padEnd(width)}  ${persona.description}`)
    .join('\n');
}

const USAGE = `usage: npm run token -- <persona> [--ttl <lifetime>]
       npm run token -- --claims '<json object>' [--ttl <lifetime>]
  --ttl     token lifetime: seconds, or a number with s, m, h or d (default ${DEFAULT_TTL})
  --claims  exactly these claims; iss, aud, iat and exp are added unless given`;

const TTL_UNITS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86_400 };

function parseTtl(text: string): number {
  const match = /^(\d+)([smhd]?)$/.exec(text.trim());
  const seconds = match ? Number(match[1]) * TTL_UNITS[match[2]!]! : 0;
  if (!(seconds > 0)) throw new UsageError(`--ttl must be a positive lifetime such as 90, 15m, 1h or 2d (got "${text}")`);
  return seconds;
}

function parseClaims(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--claims is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError('--claims must be a JSON object, such as \'{"sub":"someone","scope":"cyber:read"}\'');
  }
  return value as Record<string, unknown>;
}

interface Request {
  readonly label: string;
  readonly claims: Record<string, unknown>;
  readonly ttlSeconds: number;
}

function parseRequest(argv: string[]): Request {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { claims: { type: 'string' }, ttl: { type: 'string' } },
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const ttlSeconds = parseTtl(values.ttl ?? DEFAULT_TTL);
  if (values.claims !== undefined) {
    if (positionals.length > 0) throw new UsageError('give either a persona or --claims, not both');
    return { label: 'custom claims', claims: parseClaims(values.claims), ttlSeconds };
  }
  if (positionals.length !== 1) throw new UsageError('give one persona name or --claims', true);
  const name = positionals[0]!;
  const persona = findPersona(name);
  if (!persona) throw new UsageError(`unknown persona "${name}"`, true);
  return { label: `persona ${name}`, claims: { ...persona.claims }, ttlSeconds };
}

// Custom claims may be malformed on purpose (to try the gateway's refusals); say so, sign anyway.
function warnAboutClaims(claims: Record<string, unknown>): void {
  try {
    callerFromClaims(claims);
  } catch (error) {
    if (!(error instanceof ClaimsError)) throw error;
    process.stderr.write(`warning: the gateway will refuse this token: ${error.message}\n`);
  }
}

async function main(argv: string[]): Promise<number> {
  let request: Request;
  try {
    request = parseRequest(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const personas = error.listPersonas ? `\n\npersonas:\n${personaList()}` : '';
    process.stderr.write(`${error.message}\n\n${USAGE}${personas}\n`);
    return 2;
  }
  warnAboutClaims(request.claims);
  const identity = await ensureDevIdentity(DATA_DIR);
  const token = await signDevToken(identity, request.claims, request.ttlSeconds);
  const payload = decodeJwt(token);
  const expiry =
    typeof payload.exp === 'number' ? `expires ${new Date(payload.exp * 1000).toISOString()}` : 'no valid expiry';
  process.stdout.write(`# ${request.label}, ${expiry}, verify with ${identity.jwksPath}\n`);
  process.stdout.write(`# claims ${JSON.stringify(payload)}\n`);
  process.stdout.write(`${token}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
