// Builds the filtered document from the original one and the set of removed nodes: removed
// selections go, fragments no longer spread go, and variable definitions no longer used go
// (they would make the document invalid). Unchanged nodes are reused as they are.
import {
  Kind,
  visit,
  type ASTNode,
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';

export interface RebuiltDocument {
  /** Null when none of the operations is left. */
  readonly document: DocumentNode | null;
  /** Fragment and variable definitions that only the removed selections used. */
  readonly unused: readonly ASTNode[];
}

function pruneSelectionSet(selectionSet: SelectionSetNode, removed: ReadonlySet<ASTNode>): SelectionSetNode {
  let changed = false;
  const selections: SelectionNode[] = [];
  for (const selection of selectionSet.selections) {
    if (removed.has(selection)) {
      changed = true;
      continue;
    }
    const pruned = pruneSelection(selection, removed);
    changed ||= pruned !== selection;
    selections.push(pruned);
  }
  return changed ? { ...selectionSet, selections } : selectionSet;
}

function pruneSelection(selection: SelectionNode, removed: ReadonlySet<ASTNode>): SelectionNode {
  if (selection.kind === Kind.FRAGMENT_SPREAD || !selection.selectionSet) return selection;
  const selectionSet = pruneSelectionSet(selection.selectionSet, removed);
  return selectionSet === selection.selectionSet ? selection : { ...selection, selectionSet };
}

/** Fragment names spread (directly) and variable names used in `node`. */
function references(node: ASTNode): { spreads: string[]; variables: string[] } {
  const spreads: string[] = [];
  const variables: string[] = [];
  visit(node, {
    FragmentSpread: (spread) => void spreads.push(spread.name.value),
    Variable: (variable) => void variables.push(variable.name.value),
  });
  return { spreads, variables };
}

/** The fragments `operation` reaches (transitively) and the variables it and they use. */
function usage(
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): { fragments: Set<string>; variables: Set<string> } {
  const reached = new Set<string>();
  const variables = new Set<string>();
  const pending: ASTNode[] = [operation.selectionSet, ...(operation.directives ?? [])];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    const found = references(node);
    for (const name of found.variables) variables.add(name);
    for (const name of found.spreads) {
      const fragment = fragments.get(name);
      if (reached.has(name) || !fragment) continue;
      reached.add(name);
      pending.push(fragment);
    }
  }
  return { fragments: reached, variables };
}

/** The document holding `operations` without the `removed` nodes, and what became unused. */
export function rebuildDocument(
  document: DocumentNode,
  operations: readonly OperationDefinitionNode[],
  removed: ReadonlySet<ASTNode>,
): RebuiltDocument {
  const originalFragments = new Map<string, FragmentDefinitionNode>();
  const prunedFragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.FRAGMENT_DEFINITION) continue;
    originalFragments.set(definition.name.value, definition);
    if (removed.has(definition)) continue;
    const selectionSet = pruneSelectionSet(definition.selectionSet, removed);
    prunedFragments.set(definition.name.value, selectionSet === definition.selectionSet ? definition : { ...definition, selectionSet });
  }

  const unused: ASTNode[] = [];
  const keptFragments = new Set<string>();
  const keptOperations = new Map<OperationDefinitionNode, OperationDefinitionNode>();
  const usedBefore = new Set<string>();
  for (const operation of operations) {
    const before = usage(operation, originalFragments);
    for (const name of before.fragments) usedBefore.add(name);
    if (removed.has(operation)) continue;
    const selectionSet = pruneSelectionSet(operation.selectionSet, removed);
    const pruned = selectionSet === operation.selectionSet ? operation : { ...operation, selectionSet };
    const after = usage(pruned, prunedFragments);
    for (const name of after.fragments) keptFragments.add(name);
    const variableDefinitions = (operation.variableDefinitions ?? []).filter((definition) => {
      const used = after.variables.has(definition.variable.name.value);
      if (!used && before.variables.has(definition.variable.name.value)) unused.push(definition);
      return used;
    });
    const changed = pruned !== operation || variableDefinitions.length !== (operation.variableDefinitions ?? []).length;
    keptOperations.set(operation, changed ? { ...pruned, variableDefinitions } : operation);
  }
  for (const name of usedBefore) {
    const fragment = originalFragments.get(name)!;
    if (!keptFragments.has(name) && !removed.has(fragment)) unused.push(fragment);
  }
  if (keptOperations.size === 0) return { document: null, unused };

  const definitions: DefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) {
      const kept = keptOperations.get(definition);
      if (kept) definitions.push(kept);
    } else if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      if (keptFragments.has(definition.name.value)) definitions.push(prunedFragments.get(definition.name.value)!);
    } else {
      definitions.push(definition);
    }
  }
  const unchanged =
    definitions.length === document.definitions.length && definitions.every((definition, i) => definition === document.definitions[i]);
  return { document: unchanged ? document : { ...document, definitions }, unused };
}
