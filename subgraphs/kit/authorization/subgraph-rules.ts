// The access rules a subgraph declares in its own SDL, read through Apollo's own subgraph model
// (which resolves the federation @link imports and any renames), as Requirements per type and
// per field: the same shape the gateway reads from the supergraph.
import { buildSubgraph } from '@apollo/federation-internals';
import { andRequirements, NO_REQUIREMENT, normalizeDnf } from '../../../gateway/authorization/requirement';
import type { Requirement } from '../../../gateway/authorization/types';

export interface SubgraphRules {
  /** Requirements by `Type` or `Type.field`, as declared on that element. */
  readonly own: ReadonlyMap<string, Requirement>;
}

/** `[[T]]` arguments with GraphQL input coercion: a lone value stands for a list of one. */
function coerceDnf(value: unknown, where: string): string[][] {
  const outer = Array.isArray(value) ? value : [value];
  return normalizeDnf(
    outer.map((inner: unknown) => {
      const conjunct = Array.isArray(inner) ? inner : [inner];
      if (!conjunct.every((item) => typeof item === 'string')) throw new Error(`${where}: scopes and policies must be strings`);
      return conjunct as string[];
    }),
  ).map((conjunct) => [...conjunct]);
}

export function readSubgraphRules(name: string, sdl: string): SubgraphRules {
  const metadata = buildSubgraph(name, 'http://unused', sdl).metadata();
  const own = new Map<string, Requirement>();
  const add = (coordinate: string, requirement: Requirement) =>
    own.set(coordinate, andRequirements(own.get(coordinate) ?? NO_REQUIREMENT, requirement));
  const coordinateOf = (parent: unknown) => (parent as { coordinate: string }).coordinate;

  for (const application of metadata.authenticatedDirective().applications()) {
    add(coordinateOf(application.parent), { authenticated: true, scopes: [], policies: [] });
  }
  for (const application of metadata.requiresScopesDirective().applications()) {
    const where = coordinateOf(application.parent);
    add(where, { authenticated: false, scopes: coerceDnf(application.arguments().scopes, where), policies: [] });
  }
  for (const application of metadata.policyDirective().applications()) {
    const where = coordinateOf(application.parent);
    add(where, { authenticated: false, scopes: [], policies: coerceDnf((application.arguments() as { policies?: unknown }).policies, where) });
  }
  return { own };
}
