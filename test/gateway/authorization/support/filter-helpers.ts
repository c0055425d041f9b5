// Small helpers the filter tests share.
import { parse, print, visit, type ASTNode, type DocumentNode } from 'graphql';
import type { Caller } from '../../../../gateway/identity/caller';
import type { AccessContext } from '../../../../gateway/authorization/types';

/** Printed the same way whatever the spacing and `query` keyword of the source text. */
export function normalized(document: DocumentNode | string | null): string | null {
  if (document === null) return null;
  const parsed = typeof document === 'string' ? parse(document) : document;
  return print(parsed).replace(/\s+/g, ' ').trim();
}

/** Every node of `document`, for identity checks. */
export function nodesOf(document: DocumentNode): Set<ASTNode> {
  const nodes = new Set<ASTNode>();
  visit(document, { enter: (node) => void nodes.add(node) });
  return nodes;
}

export function accessOf(authenticated: boolean, scopes: Iterable<string> = [], policies: Iterable<string> = []): AccessContext {
  return { authenticated, scopes: new Set(scopes), policies: new Set(policies) };
}

export function callerWith(scopes: Iterable<string>, fields: Partial<Caller> = {}): Caller {
  return {
    subject: 'caller-1',
    agency: null,
    scopes: new Set(scopes),
    clearance: 'unclassified',
    org: null,
    sector: null,
    claims: {},
    ...fields,
  };
}
