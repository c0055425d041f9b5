// Whether one access requirement admits only callers another admits too. A requirement is
// `@authenticated` AND its scopes DNF AND its policies DNF; written as one DNF over atoms
// ("authenticated", "scope:x", "policy:p") it is monotone, so `a` implies `b` exactly when every
// conjunct of `a` contains some conjunct of `b`. Scopes come only from a verified token, so a
// caller holding one is authenticated: conjuncts with a scope are read with "authenticated" added.
import type { Requirement } from '../../../gateway/authorization';

type Conjunct = ReadonlySet<string>;
type Dnf = readonly Conjunct[];

const AUTHENTICATED = 'authenticated';

function and(a: Dnf, b: Dnf): Dnf {
  const product: Conjunct[] = [];
  for (const left of a) for (const right of b) product.push(new Set([...left, ...right]));
  return product;
}

function prefixed(dnf: ReadonlyArray<ReadonlyArray<string>>, prefix: string): Dnf {
  return dnf.map((conjunct) => new Set(conjunct.map((item) => `${prefix}${item}`)));
}

/** The requirement as one DNF; `[{}]` (one empty conjunct) is "no requirement". */
export function requirementDnf(requirement: Requirement): Dnf {
  let dnf: Dnf = [new Set()];
  if (requirement.authenticated) dnf = and(dnf, [new Set([AUTHENTICATED])]);
  if (requirement.scopes.length > 0) dnf = and(dnf, prefixed(requirement.scopes, 'scope:'));
  if (requirement.policies.length > 0) dnf = and(dnf, prefixed(requirement.policies, 'policy:'));
  return dnf;
}

function withImpliedAuthentication(conjunct: Conjunct): Conjunct {
  return [...conjunct].some((atom) => atom.startsWith('scope:')) ? new Set([...conjunct, AUTHENTICATED]) : conjunct;
}

function contains(big: Conjunct, small: Conjunct): boolean {
  for (const atom of small) if (!big.has(atom)) return false;
  return true;
}

/**
 * A caller `proposed` admits and `current` refuses, as the smallest set of rights that shows it;
 * null when `proposed` admits no one `current` refuses (it is as strict or stricter).
 */
export function newlyAdmitted(current: Requirement, proposed: Requirement): ReadonlySet<string> | null {
  const required = requirementDnf(current);
  for (const conjunct of requirementDnf(proposed)) {
    const rights = withImpliedAuthentication(conjunct);
    if (!required.some((needed) => contains(rights, needed))) return rights;
  }
  return null;
}

/** "an anonymous caller", "an authenticated caller with scope "a" and policy "p"". */
export function describeCaller(rights: ReadonlySet<string>): string {
  if (rights.size === 0) return 'an anonymous caller';
  const held = [...rights]
    .filter((atom) => atom !== AUTHENTICATED)
    .sort()
    .map((atom) => {
      const [kind, ...rest] = atom.split(':');
      return `${kind} ${JSON.stringify(rest.join(':'))}`;
    });
  const who = rights.has(AUTHENTICATED) ? 'an authenticated caller' : 'a caller (even anonymous)';
  return held.length ? `${who} holding only ${held.join(' and ')}` : `${who} with no scope or policy`;
}
