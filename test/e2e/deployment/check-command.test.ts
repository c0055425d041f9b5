// `npm run check -- <subgraph> <new-sdl-file>` as a subgraph team runs it in CI: a child process
// against the checked-in schema (schema/*.graphql and the supergraph), for proposals that are
// compatible, breaking, weaker in access, or do not compose. The runs are started together.
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdlFileOf } from '../../../scripts/lib/subgraph-sources';
import { startChild } from '../../support/processes';
import { addFields, makeNullable, removeField, setFieldDirectives } from './support/sdl-edits';

interface Run {
  readonly code: number | null;
  readonly output: string;
}

function check(args: string[]): Promise<Run> {
  const child = startChild(['scripts/check.ts', ...args]);
  return new Promise((resolve) => child.process.once('exit', (code) => resolve({ code, output: child.output() })));
}

const OPERATIONS = /* GraphQL */ `
  query ModelWithdrawals { models(first: 5) { nodes { id withdrawalReason } } }
  query ModelNames { models(first: 5) { nodes { id name } } }
`;

describe('npm run check', () => {
  let dir: string;
  const runs: Record<string, Run> = {};

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'accord-check-'));
    const treasury = await readFile(sdlFileOf('treasury'), 'utf8');
    const proposals: Record<string, string> = {
      compatible: addFields(treasury, 'Developer', '"""The developer\'s public website."""\nwebsite: String'),
      breaking: makeNullable(removeField(treasury, 'Model', 'withdrawalReason'), 'Developer', 'name'),
      weaker: setFieldDirectives(treasury, 'Developer', 'commercialTerms', '@requiresScopes(scopes: [["treasury:read"], ["partner:read"]])'),
      uncomposable: treasury.replace(/(type Model @key\(fields: )"id"/, '$1"serialNumber"'),
    };
    expect(proposals.uncomposable).not.toBe(treasury);
    for (const [name, sdl] of Object.entries(proposals)) await writeFile(path.join(dir, `${name}.graphql`), sdl);
    await mkdir(path.join(dir, 'operations'));
    await writeFile(path.join(dir, 'operations', 'dashboard.graphql'), OPERATIONS);
    const manifest = {
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [
        { id: 'a1', name: 'ModelWithdrawals', type: 'query', body: 'query ModelWithdrawals { models(first: 5) { nodes { id withdrawalReason } } }' },
        { id: 'b2', name: 'ModelNames', type: 'query', body: 'query ModelNames { models(first: 5) { nodes { id name } } }' },
      ],
    };
    await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
    const file = (name: string) => path.join(dir, `${name}.graphql`);
    const [compatible, breaking, breakingManifest, weaker, accepted, uncomposable, unknown] = await Promise.all([
      check(['treasury', file('compatible'), '--operations', path.join(dir, 'operations')]),
      check(['treasury', file('breaking'), '--operations', path.join(dir, 'operations')]),
      check(['treasury', file('breaking'), '--operations', path.join(dir, 'manifest.json')]),
      check(['treasury', file('weaker')]),
      check(['treasury', file('weaker'), '--accept-weaker-access', 'Developer.commercialTerms']),
      check(['treasury', file('uncomposable')]),
      check(['treasuryy', file('compatible')]),
    ]);
    Object.assign(runs, { compatible, breaking, breakingManifest, weaker, accepted, uncomposable, unknown });
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('passes a compatible change (a new field) and says what it checked', () => {
    const { code, output } = runs.compatible!;
    expect(output).toContain('Composition: ok');
    expect(output).toContain('Breaking changes: none');
    expect(output).toContain('Security findings: none');
    expect(output).toContain('Client operations: 2 checked, 0 would break');
    expect(output).toContain('Result: PASSED');
    expect(code).toBe(0);
  });

  it('fails a breaking change, naming each field and the client operations it breaks', () => {
    const { code, output } = runs.breaking!;
    expect(output).toMatch(/✗ Model\.withdrawalReason\n\s+FIELD_REMOVED: Model\.withdrawalReason was removed\./);
    expect(output).toMatch(/✗ Developer\.name\n\s+FIELD_CHANGED_KIND: Developer\.name changed type from String! to String\./);
    expect(output).toContain('Client operations: 2 checked, 1 would break');
    expect(output).toMatch(/✗ ModelWithdrawals \(.*dashboard\.graphql:2\)\n\s+Cannot query field "withdrawalReason" on type "Model"/);
    expect(output).not.toMatch(/✗ ModelNames/);
    expect(output).toContain('Result: FAILED (2 breaking changes, 1 broken operation)');
    expect(code).toBe(1);
  });

  it('reads the operations from a persisted-operations manifest too', () => {
    const { code, output } = runs.breakingManifest!;
    expect(output).toMatch(/✗ ModelWithdrawals \(manifest\.json#a1:1\)/);
    expect(output).toContain('Client operations: 2 checked, 1 would break');
    expect(code).toBe(1);
  });

  it('fails weaker access and a lowered classification as security findings', () => {
    const { code, output } = runs.weaker!;
    expect(output).toContain('Breaking changes: none');
    expect(output).toContain('Security findings: 2 (2 not accepted)');
    expect(output).toMatch(
      /✗ Developer\.commercialTerms: access weakened\n\s+now:\s+@requiresScopes\(scopes: \[\["treasury:read"\]\]\) @policy\(policies: \[\["agency:treasury"\]\]\)\n\s+proposed:\s+@requiresScopes\(scopes: \[\["treasury:read"\], \["partner:read"\]\]\)\n\s+newly admitted: an authenticated caller holding only scope "treasury:read"/,
    );
    expect(output).toContain('✗ Developer.commercialTerms: classification lowered from CUI to UNCLASSIFIED');
    expect(output).toContain('Result: FAILED (2 security findings)');
    expect(code).toBe(1);
  });

  it('passes the same change with an explicit override, and records it in the report', () => {
    const { code, output } = runs.accepted!;
    expect(output).toContain('Security findings: 2 (0 not accepted)');
    expect(output).toContain('✓ Developer.commercialTerms: access weakened  [accepted with --accept-weaker-access]');
    expect(output).toContain('✓ Developer.commercialTerms: classification lowered from CUI to UNCLASSIFIED  [accepted with --accept-weaker-access]');
    expect(output).toContain('Result: PASSED');
    expect(code).toBe(0);
  });

  it('fails a proposal that does not compose, with the code, the subgraph and the location', () => {
    const { code, output } = runs.uncomposable!;
    expect(output).toMatch(/Composition: FAILED with 1 error\n\s+✗ KEY_INVALID_FIELDS \(subgraph treasury; [^)]*uncomposable\.graphql:\d+:\d+/);
    expect(output).toContain('Result: FAILED (the proposed schema does not compose)');
    expect(code).toBe(1);
  });

  it('refuses an unknown subgraph as a usage error', () => {
    const { code, output } = runs.unknown!;
    expect(output).toContain('check: UNKNOWN_SUBGRAPH: unknown subgraph "treasuryy" (known: treasury, defense, cyber)');
    expect(code).toBe(2);
  });
});
