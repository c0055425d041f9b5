// Which requirements a selection is judged against. The filter evaluates these checks; the
// analysis collects every scope and policy they mention. Both read them from here so that the
// access context (built from the analysis) always covers everything the filter will consult.
import type { AuthorizationRules } from './rules';
import { hasRequirement } from './requirement';
import type { Requirement } from './types';

export interface Check {
  /** Where the requirement is declared: `Type` or `Type.field`. */
  readonly coordinate: string;
  readonly requirement: Requirement;
}

const memos = new WeakMap<AuthorizationRules, Map<string, readonly Check[]>>();

function memoized(rules: AuthorizationRules, key: string, compute: () => Check[]): readonly Check[] {
  let memo = memos.get(rules);
  if (!memo) {
    memo = new Map();
    memos.set(rules, memo);
  }
  let checks = memo.get(key);
  if (!checks) {
    checks = compute();
    memo.set(key, checks);
  }
  return checks;
}

/** Adds a check for a requirement unless it is empty or the coordinate is already checked. */
function push(checks: Check[], coordinate: string, requirement: Requirement): void {
  if (hasRequirement(requirement) && !checks.some((check) => check.coordinate === coordinate)) {
    checks.push({ coordinate, requirement });
  }
}

/**
 * Selecting `fieldName` on `parentType` (which returns `returnType`) needs, in this order:
 * the field's own requirement; its return type's; and when the parent is an interface, the
 * same for the field on every implementing type (a restricted implementor field removes the
 * field from the interface selection, as in Apollo Router; an implementor whose field returns a
 * more specific, restricted type counts as well).
 */
export function fieldChecks(rules: AuthorizationRules, parentType: string, fieldName: string, returnType: string): readonly Check[] {
  return memoized(rules, `field:${parentType}.${fieldName}`, () => {
    const checks: Check[] = [];
    push(checks, `${parentType}.${fieldName}`, rules.fieldRequirement(parentType, fieldName));
    push(checks, returnType, rules.typeRequirement(returnType));
    for (const implementor of rules.possibleTypes(parentType)) {
      push(checks, `${implementor}.${fieldName}`, rules.fieldRequirement(implementor, fieldName));
      const implementorReturnType = rules.fieldTypeName(implementor, fieldName);
      if (implementorReturnType !== undefined) push(checks, implementorReturnType, rules.typeRequirement(implementorReturnType));
    }
    return checks;
  });
}

/** A type's own requirement: for fragment type conditions and root operation types. */
export function typeChecks(rules: AuthorizationRules, typeName: string): readonly Check[] {
  return memoized(rules, `type:${typeName}`, () => {
    const checks: Check[] = [];
    push(checks, typeName, rules.typeRequirement(typeName));
    return checks;
  });
}

/**
 * The requirement of every object type that can stand in for an interface or union. They apply
 * to a field returning that abstract type (and, in Accord, to a fragment on it) unless its
 * selection holds only `__typename` and fragments, each of which is then judged on its own type.
 */
export function possibleTypeChecks(rules: AuthorizationRules, abstractType: string): readonly Check[] {
  return memoized(rules, `possible:${abstractType}`, () => {
    const checks: Check[] = [];
    for (const possible of rules.possibleTypes(abstractType)) push(checks, possible, rules.typeRequirement(possible));
    return checks;
  });
}
