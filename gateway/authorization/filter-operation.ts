// Removes from an operation everything the caller may not read, before it is planned, with
// Apollo Router's semantics (see the authorization-semantics reference, §3.2–3.4):
// - a field goes if its own requirement, its return type's, or (on an interface) any
//   implementing type's field fails; a field returning an interface or union also goes if any
//   possible type fails, unless it selects only `__typename` and fragments;
// - a typed fragment is judged on its own type condition; `__typename` is always allowed;
// - a requirement on the root operation type removes the whole operation;
// - whatever is left empty goes silently, then unused fragments and variables.
// Passes run in the Router's order (@authenticated, @requiresScopes, @policy), each on what the
// previous left, and their denials are concatenated.
//
// Where Accord differs on purpose: denials carry spec-valid response paths (aliases, no list
// or fragment segments), and a fragment on an interface or union is held to the requirements of
// its possible types like a field returning it (the Router lets `... on I { id }` through).
import {
  isAbstractType,
  isCompositeType,
  Kind,
  type ASTNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import { fieldChecks, possibleTypeChecks, typeChecks, type Check } from './checks';
import { describeRequirement } from './describe-requirement';
import { AuthorizationError } from './errors';
import { PASSES, unmetPart, type Pass } from './evaluate-requirement';
import { fragmentsByName, selectedOperations } from './operation-parts';
import { rebuildDocument } from './rebuild-document';
import type { AuthorizationRules } from './rules';
import { compositeType, fieldReturnType, isMetaField, rootType } from './schema-lookup';
import type { AccessContext, Denial, FilterResult } from './types';

export interface FilterInput {
  /** The API schema the operation is written against (graphql-js). */
  readonly schema: GraphQLSchema;
  readonly rules: AuthorizationRules;
  readonly document: DocumentNode;
  /** The operation to filter; without it, every operation of the document. */
  readonly operationName?: string;
  readonly access: AccessContext;
  /**
   * Dry run: record every denial, those inside denied selections too, and remove nothing (Apollo
   * Router's `dry_run` reports the nested paths because the parent stays). One denial per node.
   */
  readonly reportOnly?: boolean;
}

/** A named fragment judged once per pass; its denials are repeated at every spread site. */
type FragmentOutcome =
  | { readonly kind: 'denied'; readonly coordinate: string; readonly rule: string; readonly nested: readonly Denial[] }
  | { readonly kind: 'judged'; readonly denials: readonly Denial[]; readonly empty: boolean };

/** True when the selection set holds only `__typename` and fragments (what is still in it). */
function onlyTypenameAndFragments(selectionSet: SelectionSetNode | undefined, removed: ReadonlySet<ASTNode>): boolean {
  if (!selectionSet) return false;
  return selectionSet.selections.every(
    (selection) => removed.has(selection) || selection.kind !== Kind.FIELD || selection.name.value === '__typename',
  );
}

class OperationFilter {
  readonly removed = new Set<ASTNode>();
  readonly denials: Denial[] = [];
  private pass: Pass = 'authenticated';
  private outcomes = new Map<string, FragmentOutcome>();
  private readonly judging = new Set<string>();
  private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  /** Report-only mode: nodes already denied by an earlier pass, so that each is reported once. */
  private readonly reported = new Set<ASTNode>();

  constructor(private readonly input: FilterInput) {
    this.fragments = fragmentsByName(input.document);
  }

  run(operations: readonly OperationDefinitionNode[]): void {
    for (const pass of PASSES) {
      this.pass = pass;
      this.outcomes = new Map();
      for (const operation of operations) this.judgeOperation(operation);
    }
  }

  /**
   * The first check `access` fails in this pass, recorded as a denial of `node` at `path`.
   * True when `node` goes (never in report-only mode, where judging continues inside it).
   */
  private deny(node: ASTNode, checks: readonly Check[], path: readonly string[], sink: Denial[]): boolean {
    for (const check of checks) {
      const unmet = unmetPart(check.requirement, this.pass, this.input.access);
      if (unmet === null) continue;
      if (this.input.reportOnly) {
        if (!this.reported.has(node)) sink.push({ coordinate: check.coordinate, rule: describeRequirement(unmet), node, responsePath: path });
        this.reported.add(node);
        return false;
      }
      sink.push({ coordinate: check.coordinate, rule: describeRequirement(unmet), node, responsePath: path });
      this.removed.add(node);
      return true;
    }
    return false;
  }

  private typeConditionChecks(type: GraphQLCompositeType, selectionSet: SelectionSetNode): readonly Check[] {
    const own = typeChecks(this.input.rules, type.name);
    if (!isAbstractType(type) || onlyTypenameAndFragments(selectionSet, this.removed)) return own;
    return [...own, ...possibleTypeChecks(this.input.rules, type.name)];
  }

  private judgeOperation(operation: OperationDefinitionNode): void {
    if (this.removed.has(operation)) return;
    const root = rootType(this.input.schema, operation);
    // Introspection is not protected: a root-type requirement applies once real fields are selected.
    const rootChecks = this.onlyIntrospection(operation.selectionSet, new Set()) ? [] : typeChecks(this.input.rules, root.name);
    if (this.deny(operation, rootChecks, [], this.denials)) return;
    if (!this.judgeSelections(operation.selectionSet, root, [], this.denials)) this.removed.add(operation);
  }

  private onlyIntrospection(selectionSet: SelectionSetNode, seen: Set<string>): boolean {
    return selectionSet.selections.every((selection) => {
      if (this.removed.has(selection)) return true;
      if (selection.kind === Kind.FIELD) return isMetaField(selection.name.value);
      if (selection.kind === Kind.INLINE_FRAGMENT) return this.onlyIntrospection(selection.selectionSet, seen);
      const fragment = this.fragments.get(selection.name.value);
      if (!fragment || seen.has(selection.name.value)) return true;
      seen.add(selection.name.value);
      return this.onlyIntrospection(fragment.selectionSet, seen);
    });
  }

  /** Judges every selection still present; returns whether any is left. */
  private judgeSelections(selectionSet: SelectionSetNode, parent: GraphQLCompositeType, path: readonly string[], sink: Denial[]): boolean {
    let anyLeft = false;
    for (const selection of selectionSet.selections) {
      if (this.removed.has(selection)) continue;
      if (this.judgeSelection(selection, parent, path, sink)) anyLeft = true;
    }
    return anyLeft;
  }

  /** Judges one selection; returns whether it stays. */
  private judgeSelection(selection: SelectionNode, parent: GraphQLCompositeType, path: readonly string[], sink: Denial[]): boolean {
    const { rules, schema } = this.input;
    switch (selection.kind) {
      case Kind.FIELD: {
        const name = selection.name.value;
        if (isMetaField(name)) return true;
        const returned = fieldReturnType(parent, name);
        const fieldPath = [...path, selection.alias?.value ?? name];
        let checks = fieldChecks(rules, parent.name, name, returned.name);
        if (isAbstractType(returned) && !onlyTypenameAndFragments(selection.selectionSet, this.removed)) {
          checks = [...checks, ...possibleTypeChecks(rules, returned.name)];
        }
        if (this.deny(selection, checks, fieldPath, sink)) return false;
        if (!selection.selectionSet || !isCompositeType(returned)) return true;
        return this.keepUnlessEmpty(selection, this.judgeSelections(selection.selectionSet, returned, fieldPath, sink));
      }
      case Kind.INLINE_FRAGMENT: {
        // An untyped fragment (`... @defer { }`, `... @include(if:) { }`) is transparent.
        const type = selection.typeCondition ? compositeType(schema, selection.typeCondition.name.value) : parent;
        if (selection.typeCondition && this.deny(selection, this.typeConditionChecks(type, selection.selectionSet), path, sink)) {
          return false;
        }
        return this.keepUnlessEmpty(selection, this.judgeSelections(selection.selectionSet, type, path, sink));
      }
      case Kind.FRAGMENT_SPREAD: {
        const outcome = this.judgeFragment(selection.name.value);
        if (outcome.kind === 'denied') {
          sink.push({ coordinate: outcome.coordinate, rule: outcome.rule, node: selection, responsePath: path });
          for (const denial of outcome.nested) sink.push({ ...denial, responsePath: [...path, ...denial.responsePath] });
          if (this.input.reportOnly) return true;
          this.removed.add(selection);
          return false;
        }
        for (const denial of outcome.denials) sink.push({ ...denial, responsePath: [...path, ...denial.responsePath] });
        return this.keepUnlessEmpty(selection, !outcome.empty);
      }
    }
  }

  /** A selection whose contents were all removed goes too, without a denial of its own. */
  private keepUnlessEmpty(node: ASTNode, anyLeft: boolean): boolean {
    if (!anyLeft) this.removed.add(node);
    return anyLeft;
  }

  /** Judges a named fragment on its own (its checks do not depend on where it is spread). */
  private judgeFragment(name: string): FragmentOutcome {
    const known = this.outcomes.get(name);
    if (known) return known;
    const fragment = this.fragments.get(name);
    if (!fragment) throw new AuthorizationError('INVALID_OPERATION', `unknown fragment "${name}"`);
    if (this.judging.has(name)) throw new AuthorizationError('INVALID_OPERATION', `fragment "${name}" spreads itself`);
    this.judging.add(name);
    const outcome = this.judgeFragmentDefinition(fragment);
    this.judging.delete(name);
    this.outcomes.set(name, outcome);
    return outcome;
  }

  private judgeFragmentDefinition(fragment: FragmentDefinitionNode): FragmentOutcome {
    if (this.removed.has(fragment)) return { kind: 'judged', denials: [], empty: true };
    const type = compositeType(this.input.schema, fragment.typeCondition.name.value);
    const found: Denial[] = [];
    if (this.deny(fragment, this.typeConditionChecks(type, fragment.selectionSet), [], found)) {
      return { kind: 'denied', coordinate: found[0]!.coordinate, rule: found[0]!.rule, nested: [] };
    }
    if (this.input.reportOnly && found.length > 0) {
      // Reported at each spread site, with what the fragment's own selections would have lost.
      const [own] = found.splice(0, 1);
      this.judgeSelections(fragment.selectionSet, type, [], found);
      return { kind: 'denied', coordinate: own!.coordinate, rule: own!.rule, nested: found };
    }
    const anyLeft = this.judgeSelections(fragment.selectionSet, type, [], found);
    if (!anyLeft) this.removed.add(fragment);
    return { kind: 'judged', denials: found, empty: !anyLeft };
  }
}

/**
 * Filters `operationName` (or every operation of the document) for `access`. The result's
 * document holds only the filtered operation(s) and what they use; it is null when nothing the
 * caller may read is left. Denials point into the ORIGINAL document.
 */
export function filterOperation(input: FilterInput): FilterResult {
  const operations = selectedOperations(input.document, input.operationName);
  const filter = new OperationFilter(input);
  if (!input.rules.isEmpty) filter.run(operations);
  const rebuilt = rebuildDocument(input.document, operations, filter.removed);
  for (const node of rebuilt.unused) filter.removed.add(node);
  return { document: rebuilt.document, denials: filter.denials, removed: filter.removed };
}
