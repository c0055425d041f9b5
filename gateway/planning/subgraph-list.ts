// The subgraphs a supergraph joins, read from its `join__Graph` enum.
import type { Supergraph } from '@apollo/federation-internals';
import { PlanningError } from './errors';

export interface SubgraphEndpoint {
  /** The subgraph's name as query plans use it (`Fetch(service: "...")`). */
  readonly name: string;
  readonly url: string;
}

/** Subgraph names and URLs; `urlOverrides` (by subgraph name) replaces the URLs the supergraph holds. */
export function subgraphList(
  supergraph: Supergraph,
  urlOverrides: Readonly<Record<string, string>> = {},
): SubgraphEndpoint[] {
  const subgraphs = supergraph.subgraphsMetadata().map(({ name, url }) => ({ name, url: urlOverrides[name] ?? url }));
  const known = new Set(subgraphs.map((s) => s.name));
  for (const name of Object.keys(urlOverrides)) {
    if (!known.has(name)) {
      throw new PlanningError('INVALID_SUPERGRAPH', `URL override for unknown subgraph "${name}" (known: ${[...known].join(', ')})`);
    }
  }
  for (const { name, url } of subgraphs) {
    if (!url) throw new PlanningError('INVALID_SUPERGRAPH', `Subgraph "${name}" has no URL in the supergraph and no override`);
  }
  return subgraphs;
}
