// The policy engine: answers, for the policies an operation mentions, which ones the caller is
// granted. Built-in families (clearance, agency, sector) plus one policy per data-sharing
// agreement. A policy name the engine does not know is denied, and listed by unknownPolicies
// so that the gateway can report it at start-up.
import { AGENCY_POLICIES } from './agency-policies';
import { agreementPolicies, type Agreement } from './agreements';
import { CLEARANCE_POLICIES } from './clearance-policies';
import type { Policy, PolicyInput } from './policy';
import { SECTOR_POLICIES } from './sector-policies';

export interface PolicyEngine {
  /** The subset of `required` granted for `input`: only a policy returning exactly `true` grants. */
  evaluate(required: Iterable<string>, input: PolicyInput): Set<string>;
  /** The names in `names` (e.g. every policy the supergraph uses) that no policy answers to, sorted. */
  unknownPolicies(names: Iterable<string>): string[];
}

export interface PolicyEngineOptions {
  readonly agreements?: readonly Agreement[];
  /** Further named policies; a name that a built-in policy or an agreement already has is refused. */
  readonly extraPolicies?: ReadonlyMap<string, Policy>;
}

export class PolicyEngineError extends Error {
  readonly code = 'DUPLICATE_POLICY';

  constructor(name: string) {
    super(`policy "${name}" is defined twice`);
    this.name = 'PolicyEngineError';
  }
}

export function createPolicyEngine(options: PolicyEngineOptions = {}): PolicyEngine {
  const policies = new Map<string, Policy>();
  const families: Array<ReadonlyMap<string, Policy>> = [
    CLEARANCE_POLICIES,
    AGENCY_POLICIES,
    SECTOR_POLICIES,
    agreementPolicies(options.agreements ?? []),
    options.extraPolicies ?? new Map(),
  ];
  for (const family of families) {
    for (const [name, policy] of family) {
      if (policies.has(name)) throw new PolicyEngineError(name);
      policies.set(name, policy);
    }
  }
  return {
    evaluate(required, input) {
      const granted = new Set<string>();
      for (const name of required) {
        const policy = policies.get(name);
        let answer: unknown = false;
        try {
          answer = policy?.(input);
        } catch {
          // A policy that fails to decide denies: never grant by accident.
          answer = false;
        }
        if (answer === true) granted.add(name);
      }
      return granted;
    },
    unknownPolicies(names) {
      return [...new Set(names)].filter((name) => !policies.has(name)).sort();
    },
  };
}
