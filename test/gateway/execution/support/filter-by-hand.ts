// Stands in for the authorization filter in execution tests: removes chosen nodes of the
// original document and describes each as a denial, the way the filter reports them.
import { Kind, parse, visit, type ASTNode, type DocumentNode, type OperationDefinitionNode, type SelectionNode } from 'graphql';
import type { Denial } from '../../../../gateway/authorization/types';

export interface HandFilter {
  readonly original: DocumentNode;
  /** The original without the removed nodes, or null when the whole operation was removed. */
  readonly filtered: DocumentNode | null;
  readonly removed: ReadonlySet<ASTNode>;
  readonly denials: Denial[];
}

export interface Removal {
  /** Response keys from the root; `... on T` for an inline fragment, `...Name` for a spread; [] for the operation. */
  readonly at: readonly string[];
  readonly coordinate: string;
  readonly rule: string;
}

function findIn(selections: readonly SelectionNode[], step: string): SelectionNode {
  const found = selections.find((s) => {
    if (s.kind === Kind.FIELD) return (s.alias?.value ?? s.name.value) === step;
    if (s.kind === Kind.INLINE_FRAGMENT) return step === `... on ${s.typeCondition?.name.value}`;
    return step === `...${s.name.value}`;
  });
  if (!found) throw new Error(`no selection "${step}"`);
  return found;
}

function nodeAt(operation: OperationDefinitionNode, at: readonly string[]): ASTNode {
  let node: ASTNode = operation;
  for (const step of at) {
    if (node.kind !== Kind.OPERATION_DEFINITION && node.kind !== Kind.FIELD && node.kind !== Kind.INLINE_FRAGMENT) {
      throw new Error(`cannot descend into ${node.kind}`);
    }
    node = findIn(node.selectionSet?.selections ?? [], step);
  }
  return node;
}

export function filterByHand(query: string, removals: readonly Removal[]): HandFilter {
  const original = parse(query);
  const operation = original.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation) throw new Error('no operation');
  const removed = new Set<ASTNode>();
  const denials: Denial[] = removals.map(({ at, coordinate, rule }) => {
    const node = nodeAt(operation, at);
    removed.add(node);
    const responsePath = at.filter((step) => !step.startsWith('...'));
    return { coordinate, rule, responsePath, node };
  });
  if (removed.has(operation)) return { original, filtered: null, removed, denials };
  removeEmptied(operation.selectionSet.selections, removed);
  const filtered = visit(original, { enter: (node) => (removed.has(node) ? null : undefined) });
  return { original, filtered, removed, denials };
}

/** Like the filter, silently removes a selection all of whose sub-selections were removed. */
function removeEmptied(selections: readonly SelectionNode[], removed: Set<ASTNode>): boolean {
  let kept = false;
  for (const selection of selections) {
    if (removed.has(selection)) continue;
    const children = selection.kind === Kind.FRAGMENT_SPREAD ? null : selection.selectionSet?.selections;
    if (children && !removeEmptied(children, removed)) removed.add(selection);
    else kept = true;
  }
  return kept;
}
