// Compiles the client's ORIGINAL operation into a result shape, once per operation (and per
// authorization outcome), so that shaping a response never walks the AST. Fragments are
// flattened per runtime type, @skip/@include are resolved per combination of their variables,
// and the authorization filter's removals and denials are attached to the keys they concern.
import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  valueFromASTUntyped,
  type ASTNode,
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLError,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
} from 'graphql';
import type { Denial } from '../authorization/types';
import { PlanningError } from '../planning/errors';
import { LruCache } from '../planning/lru-cache';
import { selectOperation } from '../planning/select-operation';
import { badUserInput } from './errors';
import { INTROSPECTION_FIELDS, introspectionDocument } from './introspection';
import { isPrototypeKey } from './own';
import {
  COMPOSITE,
  INTROSPECTION_FIELD,
  LEAF,
  LEAF_KINDS,
  LIST,
  SelectionShape,
  TYPENAME_FIELD,
  VALUE_FIELD,
  type FieldShape,
  type LeafKind,
  type ObjectShape,
  type TypeShape,
} from './shape';

export interface ShapeOptions {
  /** Nodes of the original document that the authorization filter removed. */
  readonly removed?: ReadonlySet<ASTNode>;
  /** Why they were removed; each denial yields at least one error. */
  readonly denials?: readonly Denial[];
  /** Schema coordinates (`Type.field`) to report when the response carries a non-null value for them. */
  readonly tracked?: ReadonlySet<string>;
}

/** The @skip/@include variables of one execution, resolved. */
export interface ConditionValues {
  /** One character per condition variable, naming the compiled variant. */
  readonly key: string;
  readonly values: ReadonlyMap<string, boolean>;
}

/** A part of a selection, with the static type it is written against. */
interface Source {
  readonly selections: readonly SelectionNode[];
  readonly staticType: GraphQLCompositeType;
  readonly removed: boolean;
}

interface Occurrence {
  readonly node: FieldNode;
  readonly staticType: GraphQLCompositeType;
  readonly messageParent: GraphQLCompositeType;
  readonly removed: boolean;
}

const SCALAR_LEAF_KINDS: Readonly<Record<string, LeafKind>> = {
  String: LEAF_KINDS.STRING,
  ID: LEAF_KINDS.ID,
  Int: LEAF_KINDS.INT,
  Float: LEAF_KINDS.FLOAT,
  Boolean: LEAF_KINDS.BOOLEAN,
};

const NO_REMOVALS: ReadonlySet<ASTNode> = new Set();
const MAX_VARIANTS = 64;

/** The document does not fit the API schema (it should have been validated against it). */
function unresolved(message: string): PlanningError {
  return new PlanningError('OPERATION_RESOLUTION_FAILURE', message);
}

/** Variables that @skip/@include read in the operation and the fragments it uses. */
function conditionVariablesOf(
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): string[] {
  const names = new Set<string>();
  const visited = new Set<string>();
  const visitSelections = (selections: readonly SelectionNode[]): void => {
    for (const selection of selections) {
      for (const directive of selection.directives ?? []) {
        if (directive.name.value !== 'skip' && directive.name.value !== 'include') continue;
        const condition = directive.arguments?.find((a) => a.name.value === 'if')?.value;
        if (condition?.kind === Kind.VARIABLE) names.add(condition.name.value);
      }
      if (selection.kind !== Kind.FRAGMENT_SPREAD) {
        if (selection.selectionSet) visitSelections(selection.selectionSet.selections);
      } else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) visitSelections(fragment.selectionSet.selections);
      }
    }
  };
  visitSelections(operation.selectionSet.selections);
  return [...names];
}

/** Compiles the variants of one operation's shape, one per combination of @skip/@include values. */
export class OperationShape {
  readonly operation: OperationDefinitionNode;
  readonly rootType: GraphQLObjectType;
  /** Variables read by @skip/@include, in a fixed order. */
  readonly conditionVariables: readonly string[];
  readonly denials: readonly Denial[];
  private readonly defaults = new Map<string, unknown>();
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly denialsByNode = new Map<ASTNode, number[]>();
  private readonly removed: ReadonlySet<ASTNode>;
  private readonly tracked: ReadonlySet<string> | null;
  /** Compiled variants by condition values (n condition variables allow 2^n): the most recent are kept. */
  private readonly variants = new LruCache<SelectionShape>(MAX_VARIANTS);

  constructor(
    readonly schema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | null | undefined,
    options: ShapeOptions,
  ) {
    this.operation = selectOperation(document, operationName);
    const rootType = schema.getRootType(this.operation.operation);
    if (!rootType) throw unresolved(`The schema has no ${this.operation.operation} type`);
    this.rootType = rootType;
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(definition.name.value, definition);
    }
    for (const variable of this.operation.variableDefinitions ?? []) {
      if (variable.defaultValue) this.defaults.set(variable.variable.name.value, valueFromASTUntyped(variable.defaultValue));
    }
    this.conditionVariables = conditionVariablesOf(this.operation, this.fragments);
    this.removed = options.removed ?? NO_REMOVALS;
    this.denials = options.denials ?? [];
    this.denials.forEach((denial, index) => {
      const indexes = this.denialsByNode.get(denial.node);
      if (indexes) indexes.push(index);
      else this.denialsByNode.set(denial.node, [index]);
    });
    this.tracked = options.tracked && options.tracked.size > 0 ? options.tracked : null;
  }

  /** Resolves the @skip/@include variables (given, else defaulted); they must be Booleans. */
  conditionValues(variables: Readonly<Record<string, unknown>>): ConditionValues | GraphQLError {
    let key = '';
    const values = new Map<string, boolean>();
    for (const name of this.conditionVariables) {
      const given = Object.prototype.hasOwnProperty.call(variables, name) ? variables[name] : undefined;
      const value = given === undefined ? this.defaults.get(name) : given;
      if (typeof value !== 'boolean') {
        return badUserInput(`Variable "$${name}" must be a Boolean: it decides an @skip or @include`);
      }
      values.set(name, value);
      key += value ? '1' : '0';
    }
    return { key, values };
  }

  /** The root selection for these condition values. */
  root(conditions: ConditionValues): SelectionShape {
    let root = this.variants.get(conditions.key);
    if (!root) {
      const source: Source = {
        selections: this.operation.selectionSet.selections,
        staticType: this.rootType,
        removed: this.removed.has(this.operation),
      };
      const operationDenials = this.denialsByNode.get(this.operation) ?? null;
      root = new SelectionShape((typename) =>
        this.compileObject([source], this.rootType, typename, conditions.values, operationDenials),
      );
      this.variants.set(conditions.key, root);
    }
    return root;
  }

  private included(selection: SelectionNode, values: ReadonlyMap<string, boolean>): boolean {
    if (!selection.directives || selection.directives.length === 0) return true;
    for (const directive of selection.directives) {
      const name = directive.name.value;
      if (name === 'skip' && this.conditionOf(directive, values)) return false;
      if (name === 'include' && !this.conditionOf(directive, values)) return false;
    }
    return true;
  }

  private conditionOf(directive: DirectiveNode, values: ReadonlyMap<string, boolean>): boolean {
    const condition = directive.arguments?.find((a) => a.name.value === 'if')?.value;
    if (condition?.kind === Kind.VARIABLE) return values.get(condition.name.value) === true;
    return condition?.kind === Kind.BOOLEAN && condition.value;
  }

  private applies(condition: GraphQLNamedType | null, target: GraphQLNamedType): boolean {
    if (!condition || condition === target) return true;
    return (
      isAbstractType(condition) &&
      (isObjectType(target) || isInterfaceType(target)) &&
      this.schema.isSubType(condition, target)
    );
  }

  /**
   * The fields of an object of runtime type `typename` (null when the data does not say; the
   * declared type then stands for it), merged over every source, in response order.
   */
  private compileObject(
    sources: readonly Source[],
    declared: GraphQLCompositeType,
    typename: string | null,
    values: ReadonlyMap<string, boolean>,
    inheritedDenials: readonly number[] | null,
  ): ObjectShape | null {
    let runtimeType: GraphQLCompositeType = declared;
    if (typename !== null) {
      const named = this.schema.getType(typename);
      if (!named || !isCompositeType(named)) return null;
      runtimeType = named;
    }
    const known = typename !== null;
    const occurrencesByKey = new Map<string, Occurrence[]>();
    const fragmentDenials = new Set<number>();

    const visit = (
      selections: readonly SelectionNode[],
      staticType: GraphQLCompositeType,
      parentType: GraphQLCompositeType,
      removed: boolean,
    ): void => {
      for (const selection of selections) {
        if (!this.included(selection, values)) continue;
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          const occurrence = { node: selection, staticType, messageParent: parentType, removed: removed || this.removed.has(selection) };
          const list = occurrencesByKey.get(key);
          if (list) list.push(occurrence);
          else occurrencesByKey.set(key, [occurrence]);
          continue;
        }
        let condition: GraphQLCompositeType | null = null;
        let subSelections: readonly SelectionNode[];
        let removedHere = this.removed.has(selection);
        if (selection.kind === Kind.INLINE_FRAGMENT) {
          condition = selection.typeCondition ? this.compositeType(selection.typeCondition.name.value) : null;
          subSelections = selection.selectionSet.selections;
        } else {
          const fragment = this.fragments.get(selection.name.value);
          if (!fragment) throw unresolved(`Unknown fragment "${selection.name.value}"`);
          condition = this.compositeType(fragment.typeCondition.name.value);
          subSelections = fragment.selectionSet.selections;
          removedHere ||= this.removed.has(fragment);
        }
        if (!this.applies(condition, known ? runtimeType : parentType)) continue;
        for (const index of this.denialsByNode.get(selection) ?? []) fragmentDenials.add(index);
        visit(subSelections, condition ?? staticType, condition ?? parentType, removed || removedHere);
      }
    };
    for (const source of sources) visit(source.selections, source.staticType, runtimeType, source.removed);

    const fields: FieldShape[] = [];
    for (const [key, occurrences] of occurrencesByKey) {
      fields.push(this.compileField(key, occurrences, runtimeType, values, inheritedDenials));
    }
    return { typeName: runtimeType.name, fields, fragmentDenials: fragmentDenials.size > 0 ? [...fragmentDenials] : null };
  }

  private compositeType(name: string): GraphQLCompositeType {
    const type = this.schema.getType(name);
    if (!type || !isCompositeType(type)) throw unresolved(`Unknown composite type "${name}"`);
    return type;
  }

  private compileField(
    key: string,
    occurrences: readonly Occurrence[],
    runtimeType: GraphQLCompositeType,
    values: ReadonlyMap<string, boolean>,
    inheritedDenials: readonly number[] | null,
  ): FieldShape {
    const first = occurrences[0];
    const fieldName = first.node.name.value;
    const denials = new Set<number>(inheritedDenials ?? []);
    for (const occurrence of occurrences) {
      for (const index of this.denialsByNode.get(occurrence.node) ?? []) denials.add(index);
    }
    const base = {
      key,
      prototypeKey: isPrototypeKey(key),
      removed: occurrences.every((o) => o.removed),
      denials: denials.size > 0 ? [...denials] : null,
      messageParent: first.messageParent.name,
      type: null,
      typenameFallback: null,
      introspection: null,
      tracked: null,
      metaNonNull: fieldName === '__typename' || fieldName === '__schema',
    };
    if (fieldName === '__typename') {
      return {
        ...base,
        kind: TYPENAME_FIELD,
        typenameFallback: isObjectType(first.messageParent) ? first.messageParent.name : null,
      };
    }
    if (INTROSPECTION_FIELDS.has(fieldName)) {
      return {
        ...base,
        kind: INTROSPECTION_FIELD,
        introspection: introspectionDocument(
          this.operation,
          occurrences.map((o) => o.node),
          [...this.fragments.values()],
        ),
      };
    }
    const definitionType = (occurrence: Occurrence): GraphQLOutputType => {
      if (isAbstractType(occurrence.staticType) && !isInterfaceType(occurrence.staticType)) {
        throw unresolved(`Field "${fieldName}" selected on union "${occurrence.staticType.name}"`);
      }
      const definition = (occurrence.staticType as GraphQLObjectType).getFields()[fieldName];
      if (!definition) throw unresolved(`Unknown field "${occurrence.staticType.name}.${fieldName}"`);
      return definition.type;
    };
    const type = definitionType(first);
    let selection: SelectionShape | null = null;
    const named = getNamedType(type);
    if (isCompositeType(named)) {
      const sources: Source[] = [];
      for (const occurrence of occurrences) {
        if (!occurrence.node.selectionSet) continue;
        sources.push({
          selections: occurrence.node.selectionSet.selections,
          staticType: getNamedType(definitionType(occurrence)) as GraphQLCompositeType,
          removed: occurrence.removed,
        });
      }
      selection = new SelectionShape((typename) => this.compileObject(sources, named, typename, values, null));
    }
    return {
      ...base,
      kind: VALUE_FIELD,
      type: this.typeShape(type, selection),
      tracked: this.trackedCoordinates(fieldName, runtimeType, occurrences),
    };
  }

  private trackedCoordinates(
    fieldName: string,
    runtimeType: GraphQLCompositeType,
    occurrences: readonly Occurrence[],
  ): string[] | null {
    if (!this.tracked) return null;
    const coordinates = new Set<string>();
    for (const type of [runtimeType, ...occurrences.map((o) => o.staticType)]) {
      const coordinate = `${type.name}.${fieldName}`;
      if (this.tracked.has(coordinate)) coordinates.add(coordinate);
    }
    return coordinates.size > 0 ? [...coordinates] : null;
  }

  private typeShape(type: GraphQLOutputType, selection: SelectionShape | null): TypeShape {
    const nonNull = isNonNullType(type);
    const nullable = nonNull ? type.ofType : type;
    const shape = { nonNull, printed: String(nullable), ofType: null, leaf: LEAF_KINDS.CUSTOM, enumValues: null, selection: null };
    if (isListType(nullable)) return { ...shape, kind: LIST, ofType: this.typeShape(nullable.ofType, selection) };
    if (isCompositeType(nullable)) return { ...shape, kind: COMPOSITE, selection };
    if (isEnumType(nullable)) {
      return { ...shape, kind: LEAF, leaf: LEAF_KINDS.ENUM, enumValues: new Set(nullable.getValues().map((v) => v.name)) };
    }
    return { ...shape, kind: LEAF, leaf: SCALAR_LEAF_KINDS[nullable.name] ?? LEAF_KINDS.CUSTOM };
  }
}

/** Compiles the result shape of one operation of `document` (the client's original document). */
export function compileShape(
  apiSchema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  options: ShapeOptions = {},
): OperationShape {
  return new OperationShape(apiSchema, document, operationName, options);
}
