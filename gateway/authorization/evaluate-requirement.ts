// Judging one requirement against the caller's access, one directive kind at a time. Apollo
// Router runs the @authenticated pass, then @requiresScopes, then @policy, each on the output
// of the previous one; Accord keeps that order so that denials come out the same way.
import { dnfSatisfied } from './requirement';
import type { AccessContext, Requirement } from './types';

export type Pass = 'authenticated' | 'scopes' | 'policy';

export const PASSES: readonly Pass[] = ['authenticated', 'scopes', 'policy'];

/** The part of `requirement` judged by `pass` that `access` does not meet, or null when it is met. */
export function unmetPart(requirement: Requirement, pass: Pass, access: AccessContext): Requirement | null {
  switch (pass) {
    case 'authenticated':
      return requirement.authenticated && !access.authenticated ? { authenticated: true, scopes: [], policies: [] } : null;
    case 'scopes':
      return dnfSatisfied(requirement.scopes, access.scopes) ? null : { authenticated: false, scopes: requirement.scopes, policies: [] };
    case 'policy':
      return dnfSatisfied(requirement.policies, access.policies) ? null : { authenticated: false, scopes: [], policies: requirement.policies };
  }
}
