// "Weaker access": a requirement that admits some caller the current one refuses.
import { describe, expect, it } from 'vitest';
import type { Requirement } from '../../../gateway/authorization';
import { describeCaller, newlyAdmitted } from '../../../scripts/lib/schema-check/requirement-implication';

function requirement(parts: Partial<Requirement>): Requirement {
  return { authenticated: false, scopes: [], policies: [], ...parts };
}

const NONE = requirement({});
const AUTHENTICATED = requirement({ authenticated: true });
const TREASURY = requirement({ scopes: [['treasury:read']] });
const TREASURY_OR_PARTNER = requirement({ scopes: [['treasury:read'], ['partner:read']] });
const TREASURY_AND_POLICY = requirement({ scopes: [['treasury:read']], policies: [['agency:treasury']] });

function admitted(current: Requirement, proposed: Requirement): string | null {
  const rights = newlyAdmitted(current, proposed);
  return rights && describeCaller(rights);
}

describe('weaker access', () => {
  it.each([
    ['a requirement removed', AUTHENTICATED, NONE, 'an anonymous caller'],
    ['a scope dropped for authentication', TREASURY, AUTHENTICATED, 'an authenticated caller with no scope or policy'],
    ['an alternative scope added', TREASURY, TREASURY_OR_PARTNER, 'an authenticated caller holding only scope "partner:read"'],
    ['a policy dropped', TREASURY_AND_POLICY, TREASURY, 'an authenticated caller holding only scope "treasury:read"'],
    ['a policy alone instead of authentication and a policy', requirement({ authenticated: true, policies: [['p']] }), requirement({ policies: [['p']] }), 'a caller (even anonymous) holding only policy "p"'],
  ])('finds %s', (_case, current, proposed, who) => {
    expect(admitted(current, proposed)).toBe(who);
  });

  it.each([
    ['the same requirement', TREASURY_OR_PARTNER, TREASURY_OR_PARTNER],
    ['a stricter one', TREASURY, TREASURY_AND_POLICY],
    ['an alternative removed', TREASURY_OR_PARTNER, TREASURY],
    ['authentication made explicit next to a scope', TREASURY, requirement({ authenticated: true, scopes: [['treasury:read']] })],
    ['authentication dropped next to a scope (a scope needs a token)', requirement({ authenticated: true, scopes: [['treasury:read']] }), TREASURY],
    ['a requirement added', NONE, AUTHENTICATED],
  ])('accepts %s', (_case, current, proposed) => {
    expect(newlyAdmitted(current, proposed)).toBeNull();
  });
});
