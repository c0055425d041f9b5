// The agreements file is validated strictly: every mistake is an error naming where it is.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AgreementFileError, parseAgreements, readAgreementsFile } from '../../../../gateway/authorization/policies/agreements';

const VALID = {
  id: 'fin-1',
  owner: 'treasury',
  sharesWith: ['defense'],
  starts: '2026-01-01',
  ends: '2026-12-31',
  purpose: 'Financial-stability findings for national-security review',
};

function errorFor(agreements: unknown[] | unknown): string {
  const text = JSON.stringify(Array.isArray(agreements) ? { agreements } : agreements);
  try {
    parseAgreements(text, 'agreements.json');
  } catch (error) {
    expect(error).toBeInstanceOf(AgreementFileError);
    expect((error as AgreementFileError).code).toBe('INVALID_AGREEMENTS_FILE');
    return (error as Error).message;
  }
  throw new Error('expected the file to be refused');
}

describe('agreements file', () => {
  it('reads a valid file into agreements with dates', () => {
    const [agreement] = parseAgreements(JSON.stringify({ agreements: [VALID] }), 'agreements.json');
    expect(agreement).toEqual({ ...VALID, starts: new Date('2026-01-01T00:00:00Z'), ends: new Date('2026-12-31T00:00:00Z') });
  });

  it.each([
    ['a date that does not exist', { starts: '2026-02-30' }, 'agreements[0]: "starts" must be an ISO 8601 date'],
    ['a date that is not ISO 8601', { ends: 'next year' }, 'agreements[0]: "ends" must be an ISO 8601 date'],
    ['a time without an offset', { starts: '2026-01-01T09:00:00' }, '"starts" must be an ISO 8601 date'],
    ['an hour that does not exist', { starts: '2026-01-01T25:00:00Z' }, '"starts" must be an ISO 8601 date'],
    ['an end before the start', { starts: '2026-06-01', ends: '2026-05-01' }, '"starts" must be before "ends"'],
    ['an unknown owner', { owner: 'commerce' }, '"owner" must be one of treasury, defense, cyber, partner, found "commerce"'],
    ['an unknown agency to share with', { sharesWith: ['defense', 'nsa'] }, '"sharesWith" names unknown agency "nsa"'],
    ['no agency to share with', { sharesWith: [] }, '"sharesWith" must be a non-empty list'],
    ['an agency named twice', { sharesWith: ['cyber', 'cyber'] }, '"sharesWith" names an agency twice'],
    ['an id with spaces', { id: 'fin 1' }, '"id" must be a non-empty string'],
    ['an empty purpose', { purpose: ' ' }, '"purpose" must be a non-empty string'],
    ['a misspelt key', { endsAt: '2027-01-01' }, 'unknown key "endsAt"'],
  ])('refuses %s', (_, change, message) => {
    expect(errorFor([{ ...VALID, ...change }])).toContain(message);
  });

  it('refuses a duplicate id, naming the second entry', () => {
    expect(errorFor([VALID, { ...VALID, sharesWith: ['cyber'] }])).toBe('agreements.json: agreements[1]: duplicate id "fin-1"');
  });

  it('refuses a file that is not JSON or not an agreements list', () => {
    expect(() => parseAgreements('{ agreements: [', 'agreements.json')).toThrow(/agreements.json: not valid JSON/);
    expect(errorFor({ agreement: [VALID] })).toContain('expected an object with an "agreements" list');
    expect(errorFor({ agreements: [VALID], version: 2 })).toContain('unknown top-level key "version"');
    expect(errorFor(['fin-1'])).toContain('agreements[0]: must be an object');
  });

  it('reads a file from disk and names a missing one', () => {
    const directory = mkdtempSync(join(tmpdir(), 'accord-agreements-'));
    const path = join(directory, 'agreements.json');
    writeFileSync(path, JSON.stringify({ agreements: [VALID] }));
    expect(readAgreementsFile(path).map((agreement) => agreement.id)).toEqual(['fin-1']);
    expect(() => readAgreementsFile(join(directory, 'missing.json'))).toThrow(/missing.json: cannot be read/);
  });
});
