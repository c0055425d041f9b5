// The reference cases' policy engine: it grants each named policy to callers whose token lists it
// in a `granted_policies` claim (the reference's coprocessor, as a claim).
import { createPolicyEngine, type Policy, type PolicyEngine } from '../../../../gateway/authorization';

/** Grants `name` to callers whose `granted_policies` claim lists it. */
function grantedByClaim(name: string): Policy {
  return ({ caller }) => {
    const granted = caller?.claims.granted_policies;
    return Array.isArray(granted) && granted.includes(name);
  };
}

export function claimPolicyEngine(names: Iterable<string>): PolicyEngine {
  return createPolicyEngine({ extraPolicies: new Map([...names].map((name) => [name, grantedByClaim(name)])) });
}
