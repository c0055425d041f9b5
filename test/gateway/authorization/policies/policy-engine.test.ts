// The built-in policy families, agreements as policies, unknown names, and what counts as a grant.
import { describe, expect, it } from 'vitest';
import { readAgreementsFile } from '../../../../gateway/authorization/policies/agreements';
import { createPolicyEngine, PolicyEngineError } from '../../../../gateway/authorization/policies/engine';
import type { Policy, PolicyInput } from '../../../../gateway/authorization/policies/policy';
import type { Caller } from '../../../../gateway/identity/caller';
import { callerWith } from '../support/filter-helpers';

const agreements = readAgreementsFile(new URL('../../../fixtures/authorization/agreements.json', import.meta.url).pathname);
const engine = createPolicyEngine({ agreements });
const NOW = new Date('2026-08-15T12:00:00Z');

function granted(caller: Caller | null, required: string[], now = NOW): string[] {
  const input: PolicyInput = { caller, now, request: { variables: {} } };
  return [...engine.evaluate(required, input)].sort();
}

const CLEARANCE_POLICIES = ['clearance:cui', 'clearance:secret', 'clearance:top_secret'];

describe('clearance policies', () => {
  it.each([
    ['unclassified', []],
    ['cui', ['clearance:cui']],
    ['secret', ['clearance:cui', 'clearance:secret']],
    ['top_secret', CLEARANCE_POLICIES],
  ] as const)('grants a %s caller the levels at or below its clearance', (clearance, expected) => {
    expect(granted(callerWith([], { clearance }), CLEARANCE_POLICIES)).toEqual(expected);
  });

  it('grants an anonymous caller nothing', () => {
    expect(granted(null, [...CLEARANCE_POLICIES, 'agency:treasury', 'sector-partner', 'sector-lead-agency'])).toEqual([]);
  });
});

describe('agency policies', () => {
  it('grants the caller its own agency only', () => {
    const all = ['agency:treasury', 'agency:defense', 'agency:cyber', 'agency:partner'];
    expect(granted(callerWith([], { agency: 'cyber' }), all)).toEqual(['agency:cyber']);
    expect(granted(callerWith([], { agency: null }), all)).toEqual([]);
  });
});

describe('sector policies', () => {
  it('grants sector-partner to a partner that names its sector, and to no one else', () => {
    expect(granted(callerWith([], { agency: 'partner', org: 'bank-1', sector: 'FINANCIAL_SERVICES' }), ['sector-partner'])).toEqual(['sector-partner']);
    expect(granted(callerWith([], { agency: 'partner', org: 'bank-1', sector: null }), ['sector-partner'])).toEqual([]);
    expect(granted(callerWith([], { agency: 'treasury', sector: 'FINANCIAL_SERVICES' }), ['sector-partner'])).toEqual([]);
  });

  it('grants sector-lead-agency to the lead agencies of financial services and the defense industrial base', () => {
    expect(granted(callerWith([], { agency: 'treasury' }), ['sector-lead-agency'])).toEqual(['sector-lead-agency']);
    expect(granted(callerWith([], { agency: 'defense' }), ['sector-lead-agency'])).toEqual(['sector-lead-agency']);
    expect(granted(callerWith([], { agency: 'cyber' }), ['sector-lead-agency'])).toEqual([]);
    expect(granted(callerWith([], { agency: 'partner', sector: 'FINANCIAL_SERVICES' }), ['sector-lead-agency'])).toEqual([]);
  });
});

describe('agreement policies', () => {
  const cyber = callerWith([], { agency: 'cyber' });

  it('grants an agency the agreement shares with while it is in force', () => {
    expect(granted(cyber, ['agreement:fin-stability-2026', 'agreement:dib-findings-q3'])).toEqual([
      'agreement:dib-findings-q3',
      'agreement:fin-stability-2026',
    ]);
  });

  it('includes the start and excludes the end', () => {
    expect(granted(cyber, ['agreement:dib-findings-q3'], new Date('2026-07-01T00:00:00Z'))).toEqual(['agreement:dib-findings-q3']);
    expect(granted(cyber, ['agreement:dib-findings-q3'], new Date('2026-06-30T23:59:59.999Z'))).toEqual([]);
    // ends 2026-10-01T00:00:00-04:00 = 04:00 UTC
    expect(granted(cyber, ['agreement:dib-findings-q3'], new Date('2026-10-01T03:59:59Z'))).toEqual(['agreement:dib-findings-q3']);
    expect(granted(cyber, ['agreement:dib-findings-q3'], new Date('2026-10-01T04:00:00Z'))).toEqual([]);
  });

  it('denies the owner and agencies the agreement does not name', () => {
    expect(granted(callerWith([], { agency: 'defense' }), ['agreement:dib-findings-q3'])).toEqual([]);
    expect(granted(callerWith([], { agency: 'partner' }), ['agreement:fin-stability-2026'])).toEqual([]);
  });
});

describe('policy engine', () => {
  it('denies a policy it does not know and lists such names, sorted and once each', () => {
    const treasury = callerWith([], { agency: 'treasury', clearance: 'top_secret' });
    expect(granted(treasury, ['agency:treasury', 'agreement:unknown', 'clearence:secret'])).toEqual(['agency:treasury']);
    expect(engine.unknownPolicies(['clearence:secret', 'agency:treasury', 'agreement:unknown', 'clearence:secret', 'sector-partner'])).toEqual([
      'agreement:unknown',
      'clearence:secret',
    ]);
  });

  it('grants only on exactly true, and denies when a policy throws', () => {
    const truthy = (() => 'yes') as unknown as Policy;
    const extraPolicies = new Map<string, Policy>([
      ['always', () => true],
      ['truthy', truthy],
      ['broken', () => {
        throw new Error('no answer');
      }],
    ]);
    const custom = createPolicyEngine({ extraPolicies });
    expect([...custom.evaluate(['always', 'truthy', 'broken'], { caller: null, now: NOW, request: { variables: {} } })]).toEqual(['always']);
  });

  it('refuses a policy name defined twice', () => {
    expect(() => createPolicyEngine({ extraPolicies: new Map([['agency:cyber', () => true]]) })).toThrow(PolicyEngineError);
  });

  it('reads the request it is given', () => {
    const byOperation = createPolicyEngine({
      extraPolicies: new Map<string, Policy>([['dashboard-only', ({ request }) => request.operationName === 'Dashboard']]),
    });
    const input = (operationName: string): PolicyInput => ({ caller: null, now: NOW, request: { operationName, variables: {} } });
    expect(byOperation.evaluate(['dashboard-only'], input('Dashboard')).size).toBe(1);
    expect(byOperation.evaluate(['dashboard-only'], input('Export')).size).toBe(0);
  });
});
