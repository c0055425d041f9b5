// Building and combining Requirements. Scopes and policies are in disjunctive normal form:
// the outer list is OR, each inner list is AND.
import type { Requirement } from './types';

type Dnf = ReadonlyArray<ReadonlyArray<string>>;

export const NO_REQUIREMENT: Requirement = Object.freeze({ authenticated: false, scopes: [], policies: [] });

export function hasRequirement(requirement: Requirement): boolean {
  return requirement.authenticated || requirement.scopes.length > 0 || requirement.policies.length > 0;
}

/**
 * Puts a DNF read from the schema into its canonical "no requirement" form: a conjunct with
 * no items is always satisfied, so a DNF containing one is `[]` (as Apollo Router reads `[[]]`).
 * Duplicate items inside a conjunct are dropped; the order as written is kept for printing.
 */
export function normalizeDnf(dnf: Dnf): Dnf {
  if (dnf.some((conjunct) => conjunct.length === 0)) return [];
  return dnf.map((conjunct) => [...new Set(conjunct)]);
}

/** Both DNFs must hold: the cartesian product of their conjuncts. `[]` (no requirement) is the identity. */
export function dnfAnd(a: Dnf, b: Dnf): Dnf {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const product: string[][] = [];
  for (const left of a) for (const right of b) product.push([...new Set([...left, ...right])]);
  return product;
}

/** Both requirements must hold (several directives on one element, or a type and its extension). */
export function andRequirements(a: Requirement, b: Requirement): Requirement {
  if (!hasRequirement(a)) return b;
  if (!hasRequirement(b)) return a;
  return {
    authenticated: a.authenticated || b.authenticated,
    scopes: dnfAnd(a.scopes, b.scopes),
    policies: dnfAnd(a.policies, b.policies),
  };
}

/** True when some conjunct of `dnf` is wholly contained in `granted`; `[]` is always satisfied. */
export function dnfSatisfied(dnf: Dnf, granted: ReadonlySet<string>): boolean {
  if (dnf.length === 0) return true;
  return dnf.some((conjunct) => conjunct.every((item) => granted.has(item)));
}
