// A property over random operations and random callers: whatever a caller asks, no field it may
// not read ever comes back with a value. "May not read" is decided by an oracle that shares no
// code with the gateway's authorization (support/requirement-oracle.ts reads the directives off
// the supergraph SDL itself). Rows the subgraphs narrow are checked where the response shows
// them: no finding above the caller's clearance, a partner's models and sector only.
import fc from 'fast-check';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AGREEMENTS_FILE } from '../../../gateway/config/gateway-config';
import { findPersona } from '../../../gateway/identity/personas';
import { REPO_ROOT } from '../../../gateway/config/data-dir';
import { postGraphQL, startSystem, type RunningSystem } from '../../support/start-system';
import { CALLERS, type CallerClaims } from './support/callers';
import { OperationWriter, type ArgumentPools } from './support/operation-writer';
import { oracleCaller, RequirementOracle } from './support/requirement-oracle';
import { UNAUTHORIZED } from './support/response-reading';
import { walkResponse } from './support/response-walk';

const RUNS = 300;
const SCOPES = ['treasury:read', 'treasury:write', 'defense:read', 'defense:write', 'defense:classified', 'cyber:read', 'cyber:write', 'partner:read', 'audit:read'];
const CLEARANCES = ['unclassified', 'cui', 'secret', 'top_secret'];
/** Errors a valid operation may meet besides denials: arguments the resolvers refuse, ids that do not exist. */
const EXPECTED_ERRORS = new Set([UNAUTHORIZED, 'BAD_USER_INPUT', 'NOT_FOUND']);

/** A persona, a caller of the matrix, or random claims; null: anonymous. */
const callerArbitrary: fc.Arbitrary<CallerClaims | null> = fc.oneof(
  fc.constantFrom(...Object.values(CALLERS)).map((caller) => (typeof caller === 'string' ? { ...findPersona(caller)!.claims } : caller)),
  fc
    .record(
      {
        agency: fc.constantFrom('treasury', 'defense', 'cyber', 'partner'),
        scope: fc.subarray(SCOPES).map((scopes) => scopes.join(' ')),
        clearance: fc.constantFrom(...CLEARANCES),
        sector: fc.constantFrom('ENERGY', 'FINANCIAL_SERVICES', 'DEFENSE_INDUSTRIAL_BASE'),
        org: fc.constantFrom('partner-gridline-energy', 'partner-harbor-bank'),
      },
      { requiredKeys: ['scope', 'clearance'] },
    )
    .map((claims) => ({ sub: 'test:random-caller', ...claims })),
);

describe('no field a caller may not read ever comes back', () => {
  let system: RunningSystem;
  let oracle: RequirementOracle;
  let pools: ArgumentPools;

  beforeAll(async () => {
    system = await startSystem({ seed: { scale: 1 } });
    oracle = new RequirementOracle(await readFile(path.join(REPO_ROOT, 'schema', 'supergraph.graphql'), 'utf8'));
    // Ids of every kind, as an analyst of each agency sees them.
    const ids = new Set<string>();
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) key === 'id' && typeof item === 'string' ? ids.add(item) : collect(item);
    };
    const lists = [
      ['treasury-analyst', '{ models(first: 5) { nodes { id } } developers(first: 3) { nodes { id } } partners(first: 3) { nodes { id } } financialStabilityAssessments(first: 3) { nodes { id } } }'],
      ['cyber-analyst', '{ vulnerabilities(first: 5) { nodes { id } } infrastructureImpactAssessments(first: 3) { nodes { id } } }'],
      ['defense-analyst', '{ nationalSecurityAssessments(first: 3) { nodes { id findings(first: 3) { nodes { id } } } } }'],
    ];
    for (const [persona, query] of lists) collect((await system.query(query!, { token: await system.token(persona!) })).body.data);
    pools = { ids: [...ids], sectorCodes: ['ENERGY', 'FINANCIAL_SERVICES', 'DEFENSE_INDUSTRIAL_BASE', 'HEALTHCARE'] };
  });

  afterAll(async () => {
    await system?.close();
  });

  it(`holds for ${RUNS} random operations by random callers, judged by an oracle of its own`, async () => {
    const schema = system.gateway.gateway.supergraph.apiSchema;
    let withData = 0;
    let withDenials = 0;

    await fc.assert(
      fc.asyncProperty(callerArbitrary, fc.gen(), async (claims, g) => {
        const query = new OperationWriter(schema, pools, g).query();
        expect(validate(schema, parse(query)), query).toEqual([]);
        const headers: Record<string, string> = claims ? { authorization: `Bearer ${await system.token(claims)}` } : {};
        const { status, body } = await postGraphQL(system.gateway.url, { query }, headers);
        expect(status, `${query}\n${JSON.stringify(body.errors)}`).toBe(200);
        const codes = (body.errors ?? []).map((error) => String(error.extensions?.code));
        const unexpected = (body.errors ?? []).filter((error) => !EXPECTED_ERRORS.has(String(error.extensions?.code)));
        expect(unexpected, query).toEqual([]);

        const caller = oracleCaller(claims, DEFAULT_AGREEMENTS_FILE, new Date());
        const clearance = CLEARANCES.indexOf(typeof claims?.clearance === 'string' ? claims.clearance : 'unclassified');
        const partnerSector = claims?.agency === 'partner' ? claims.sector : undefined;
        const leaks: string[] = [];
        let returned = false;
        walkResponse(schema, query, body.data, ({ path, typename, via, fields }) => {
          for (const field of fields.keys()) {
            returned = true;
            if (!oracle.mayRead(caller, typename, field)) leaks.push(`${typename}.${field} at ${JSON.stringify(path)}`);
          }
          if (typename === 'SecurityFinding') {
            for (const level of fields.get('classification') ?? []) {
              if (CLEARANCES.indexOf(String(level).toLowerCase()) > clearance) leaks.push(`a ${String(level)} finding at ${JSON.stringify(path)}`);
            }
          }
          if (claims?.agency === 'partner' && typename === 'Model' && (fields.get('activeGrantForCaller') ?? []).some((held) => held !== true)) {
            leaks.push(`a model without the partner's grant at ${JSON.stringify(path)}`);
          }
          if (via === 'Vulnerability.sector' && claims?.agency === 'partner' && (fields.get('code') ?? []).some((code) => code !== partnerSector)) {
            leaks.push(`another sector's vulnerability at ${JSON.stringify(path)}`);
          }
        });
        if (returned) withData++;
        if (codes.includes(UNAUTHORIZED)) withDenials++;
        expect(leaks, `${JSON.stringify(claims)}\n${query}`).toEqual([]);
      }),
      { numRuns: RUNS },
    );

    // The property was not vacuous: many operations returned data, many met denials.
    expect(withData).toBeGreaterThan(RUNS / 5);
    expect(withDenials).toBeGreaterThan(RUNS / 5);
  });
});
