// Prints a requirement the way it is written in a schema, so that a denial explains itself.
import type { Requirement } from './types';

function printDnf(dnf: ReadonlyArray<ReadonlyArray<string>>): string {
  return `[${dnf.map((conjunct) => `[${conjunct.map((item) => JSON.stringify(item)).join(', ')}]`).join(', ')}]`;
}

/**
 * `@authenticated @requiresScopes(scopes: [["a", "b"], ["c"]]) @policy(policies: [["p"]])`,
 * always with the spec's own directive names (not the supergraph's local renames).
 */
export function describeRequirement(requirement: Requirement): string {
  const parts: string[] = [];
  if (requirement.authenticated) parts.push('@authenticated');
  if (requirement.scopes.length > 0) parts.push(`@requiresScopes(scopes: ${printDnf(requirement.scopes)})`);
  if (requirement.policies.length > 0) parts.push(`@policy(policies: ${printDnf(requirement.policies)})`);
  return parts.length > 0 ? parts.join(' ') : 'no requirement';
}
