// Data-sharing agreements between agencies, read from a JSON file:
//   { "agreements": [{ "id", "owner", "sharesWith": [...], "starts", "ends", "purpose" }] }
// Each becomes the policy `agreement:<id>`, granted to callers of an agency the agreement shares
// with while it is in force (starts <= now < ends). The file is validated strictly: a typo in
// it would otherwise silently grant or deny access.
import { readFileSync } from 'node:fs';
import { AGENCIES, type Agency } from '../../identity/caller';
import type { Policy } from './policy';

export interface Agreement {
  readonly id: string;
  /** The agency whose data the agreement shares. */
  readonly owner: Agency;
  readonly sharesWith: readonly Agency[];
  readonly starts: Date;
  /** Exclusive: the agreement no longer holds at this instant. */
  readonly ends: Date;
  readonly purpose: string;
}

export class AgreementFileError extends Error {
  readonly code = 'INVALID_AGREEMENTS_FILE';

  constructor(source: string, message: string) {
    super(`${source}: ${message}`);
    this.name = 'AgreementFileError';
  }
}

const AGREEMENT_KEYS = ['id', 'owner', 'sharesWith', 'starts', 'ends', 'purpose'];
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
// A calendar date, or a date and time with an explicit offset (a bare local time is ambiguous).
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isAgency(value: unknown): value is Agency {
  return typeof value === 'string' && (AGENCIES as readonly string[]).includes(value);
}

function parseInstant(value: unknown): Date | null {
  const match = typeof value === 'string' ? ISO_INSTANT.exec(value) : null;
  if (!match) return null;
  const date = new Date(value as string);
  if (Number.isNaN(date.getTime())) return null;
  // `new Date('2026-02-30')` rolls over into March: the calendar date must read back unchanged.
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  const exists = calendar.getUTCFullYear() === year && calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day;
  return exists ? date : null;
}

/** Reads one agreement entry; `fail` throws with the entry's location in the file. */
function readAgreement(entry: unknown, fail: (message: string) => never): Agreement {
  if (!isRecord(entry)) fail('must be an object');
  const unknownKey = Object.keys(entry).find((key) => !AGREEMENT_KEYS.includes(key));
  if (unknownKey !== undefined) fail(`unknown key "${unknownKey}" (expected ${AGREEMENT_KEYS.join(', ')})`);

  const { id, owner, sharesWith, purpose } = entry;
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) fail('"id" must be a non-empty string of letters, digits, ".", "_" or "-"');
  if (!isAgency(owner)) fail(`"owner" must be one of ${AGENCIES.join(', ')}, found ${JSON.stringify(owner)}`);
  if (!Array.isArray(sharesWith) || sharesWith.length === 0) fail('"sharesWith" must be a non-empty list of agencies');
  for (const agency of sharesWith) {
    if (!isAgency(agency)) fail(`"sharesWith" names unknown agency ${JSON.stringify(agency)} (expected ${AGENCIES.join(', ')})`);
  }
  if (new Set(sharesWith).size !== sharesWith.length) fail('"sharesWith" names an agency twice');
  if (typeof purpose !== 'string' || purpose.trim() === '') fail('"purpose" must be a non-empty string');

  const instant = (key: 'starts' | 'ends'): Date => {
    const date = parseInstant(entry[key]);
    if (date === null) fail(`"${key}" must be an ISO 8601 date, or date-time with an offset, found ${JSON.stringify(entry[key])}`);
    return date;
  };
  const starts = instant('starts');
  const ends = instant('ends');
  if (starts.getTime() >= ends.getTime()) fail('"starts" must be before "ends"');
  return { id, owner, sharesWith: sharesWith as Agency[], starts, ends, purpose };
}

/** Parses and validates the agreements file's text. `source` names the file in error messages. */
export function parseAgreements(text: string, source: string): Agreement[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new AgreementFileError(source, `not valid JSON (${(error as Error).message})`);
  }
  if (!isRecord(document) || !Array.isArray(document.agreements)) {
    throw new AgreementFileError(source, 'expected an object with an "agreements" list');
  }
  const unknownKey = Object.keys(document).find((key) => key !== 'agreements');
  if (unknownKey !== undefined) throw new AgreementFileError(source, `unknown top-level key "${unknownKey}"`);

  const seen = new Set<string>();
  return document.agreements.map((entry: unknown, index: number) => {
    const fail = (message: string): never => {
      throw new AgreementFileError(source, `agreements[${index}]: ${message}`);
    };
    const agreement = readAgreement(entry, fail);
    if (seen.has(agreement.id)) fail(`duplicate id "${agreement.id}"`);
    seen.add(agreement.id);
    return agreement;
  });
}

export function readAgreementsFile(path: string): Agreement[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new AgreementFileError(path, `cannot be read (${(error as Error).message})`);
  }
  return parseAgreements(text, path);
}

/** One `agreement:<id>` policy per agreement. */
export function agreementPolicies(agreements: readonly Agreement[]): Map<string, Policy> {
  return new Map(
    agreements.map((agreement): [string, Policy] => [
      `agreement:${agreement.id}`,
      ({ caller, now }) =>
        caller?.agency != null &&
        agreement.sharesWith.includes(caller.agency) &&
        agreement.starts.getTime() <= now.getTime() &&
        now.getTime() < agreement.ends.getTime(),
    ]),
  );
}
