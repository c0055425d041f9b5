import { describe, expect, it } from 'vitest';
import { executionKey } from '../../../gateway/caching/execution-key';
import { callerFromClaims } from '../../../gateway/identity/caller';
import { PERSONAS } from '../../../gateway/identity/personas';

const parts = { supergraphId: 's1', operationKey: 'op', variables: { first: 5 } };
const energy = PERSONAS['energy-partner']!.claims;

describe('executionKey', () => {
  it('is the same for the same caller whatever client token it came with', () => {
    const now = Math.floor(Date.now() / 1000);
    const one = executionKey({ ...parts, caller: callerFromClaims({ ...energy, iat: now, exp: now + 60, jti: 'a' }) });
    const other = executionKey({ ...parts, caller: callerFromClaims({ ...energy, iat: now + 5, exp: now + 900, nbf: now, jti: 'b' }) });
    expect(one).toBe(other);
  });

  it('tells apart callers the subgraphs would answer differently, even with the same rights in the gateway', () => {
    // Same scopes and clearance: the gateway's authorization context is the same, the subgraphs'
    // row filters (organisation, sector) are not.
    const keys = [
      executionKey({ ...parts, caller: callerFromClaims(energy) }),
      executionKey({ ...parts, caller: callerFromClaims({ ...energy, sector: 'WATER' }) }),
      executionKey({ ...parts, caller: callerFromClaims({ ...energy, org: 'partner-other' }) }),
      executionKey({ ...parts, caller: callerFromClaims({ ...energy, sub: 'someone-else' }) }),
      executionKey({ ...parts, caller: callerFromClaims({ ...energy, clearance: 'cui' }) }),
      executionKey({ ...parts, caller: null }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('tells apart supergraph versions, operations and variables', () => {
    const caller = callerFromClaims(energy);
    const keys = [
      executionKey({ ...parts, caller }),
      executionKey({ ...parts, supergraphId: 's2', caller }),
      executionKey({ ...parts, operationKey: 'op2', caller }),
      executionKey({ ...parts, variables: { first: 6 }, caller }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});
