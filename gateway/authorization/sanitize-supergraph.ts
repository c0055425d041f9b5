// `@apollo/gateway` 2.14 refuses a supergraph whose authorization links say `for: SECURITY`
// ("feature ... is for: SECURITY but is unsupported"). Without that purpose it loads the
// supergraph (and drops the directives from its API schema, which is why the rules are read
// from the original text). This removes exactly those three `for:` arguments, leaving every
// other character of the supergraph as it was.
import { Kind } from 'graphql';
import { AUTHENTICATED_SPEC, POLICY_SPEC, REQUIRES_SCOPES_SPEC, type SpecLink } from './spec-links';

const AUTHORIZATION_SPECS = new Set([AUTHENTICATED_SPEC, REQUIRES_SCOPES_SPEC, POLICY_SPEC]);

interface Span {
  readonly start: number;
  readonly end: number;
}

function securityPurposeSpan(link: SpecLink): Span | null {
  const args = link.node.arguments ?? [];
  const index = args.findIndex((arg) => arg.name.value === 'for');
  const purpose = args[index];
  if (!purpose || purpose.value.kind !== Kind.ENUM || purpose.value.value !== 'SECURITY' || !purpose.loc) return null;
  // Take the separator with it: from the end of the previous argument, or up to the next one.
  const previous = args[index - 1];
  const next = args[index + 1];
  if (previous?.loc) return { start: previous.loc.end, end: purpose.loc.end };
  return { start: purpose.loc.start, end: next?.loc?.start ?? purpose.loc.end };
}

/** `supergraphSdl` without `for: SECURITY` on the authenticated, requiresScopes and policy links. */
export function sanitizeSupergraphSdl(supergraphSdl: string, links: readonly SpecLink[]): string {
  const spans = links
    .filter((link) => AUTHORIZATION_SPECS.has(link.identity))
    .map(securityPurposeSpan)
    .filter((span): span is Span => span !== null)
    .sort((a, b) => b.start - a.start);
  let text = supergraphSdl;
  for (const span of spans) text = text.slice(0, span.start) + text.slice(span.end);
  return text;
}
