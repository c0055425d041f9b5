// Measures one operation of a validated document for the operation limits: depth, aliases, root
// fields, directives and estimated cost. Fragments count once per spread, as if expanded; each
// fragment is measured once per context and the result reused, so a document whose spreads
// multiply (A spreads B twice, B spreads C twice, ...) is measured in linear time.
import {
  getNamedType,
  getNullableType,
  GraphQLInt,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { CostModel } from '../config/hardening-config';

export interface OperationMeasure {
  /** Deepest nesting of fields; a root field is at depth 1. */
  readonly depth: number;
  readonly aliases: number;
  readonly rootFields: number;
  readonly directives: number;
  /** Estimated cost: field weights, multiplied by the length of the lists they are in. */
  readonly cost: number;
}

/** Arguments that choose how many items a list or connection returns. */
const PAGE_SIZE_ARGUMENTS = ['first', 'last'];
const OBJECT_COST = 1;
const LEAF_COST = 0;
const MUTATION_FIELD_COST = 10;

interface Tally {
  readonly depth: number;
  readonly aliases: number;
  readonly directives: number;
  readonly cost: number;
}

const NOTHING: Tally = { depth: 0, aliases: 0, directives: 0, cost: 0 };

function add(a: Tally, b: Tally): Tally {
  return { depth: Math.max(a.depth, b.depth), aliases: a.aliases + b.aliases, directives: a.directives + b.directives, cost: a.cost + b.cost };
}

export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
  model: CostModel,
): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const memo = new Map<string, Tally>();
  const rootFieldMemo = new Map<string, number>();
  const mutationType = schema.getMutationType();

  function typeNamed(name: string, fallback: GraphQLCompositeType): GraphQLCompositeType {
    const type = schema.getType(name);
    return type && isCompositeType(type) ? type : fallback;
  }

  function fieldDefinition(parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
    if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
    if (parent === schema.getQueryType()) {
      if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
      if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
    }
    return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
  }

  /** The page size the operation asks for (a literal, a variable, or the argument's default). */
  function pageSize(field: FieldNode, definition: GraphQLField<unknown, unknown>): number | null {
    for (const name of PAGE_SIZE_ARGUMENTS) {
      const argument = definition.args.find((a) => a.name === name);
      if (!argument) continue;
      const node = field.arguments?.find((a) => a.name.value === name);
      const value = node ? valueFromAST(node.value, GraphQLInt, variables as Record<string, unknown>) : argument.defaultValue;
      if (typeof value === 'number' && value >= 0) return value;
    }
    return null;
  }

  function measureField(field: FieldNode, parent: GraphQLCompositeType, listSize: number | null): Tally {
    const definition = fieldDefinition(parent, field.name.value);
    const own = { aliases: field.alias ? 1 : 0, directives: field.directives?.length ?? 0 };
    if (!definition) return { depth: 1, ...own, cost: 0 };
    const coordinate = `${parent.name}.${definition.name}`;
    const named = getNamedType(definition.type);
    const isList = isListType(getNullableType(definition.type));
    const requested = pageSize(field, definition);
    const weight =
      model.fieldCosts[coordinate] ??
      (parent === mutationType ? MUTATION_FIELD_COST : isCompositeType(named) ? OBJECT_COST : LEAF_COST);
    // A list is as long as the operation asks, or as the connection around it was asked to be,
    // or as declared for it, or the default. A connection passes its page size to its lists.
    const multiplier = isList ? (requested ?? listSize ?? model.listSizes[coordinate] ?? model.defaultListSize) : 1;
    const inner = field.selectionSet && isCompositeType(named) ? measureSet(field.selectionSet, named, isList ? null : requested) : NOTHING;
    return {
      depth: 1 + inner.depth,
      aliases: own.aliases + inner.aliases,
      directives: own.directives + inner.directives,
      cost: multiplier * (weight + inner.cost),
    };
  }

  function measureFragment(name: string, listSize: number | null, parent: GraphQLCompositeType): Tally {
    const key = `${name}\u0000${listSize ?? ''}`;
    const known = memo.get(key);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment) return NOTHING;
    memo.set(key, NOTHING); // a cycle (invalid GraphQL, refused before this) would count nothing
    const inner = measureSet(fragment.selectionSet, typeNamed(fragment.typeCondition.name.value, parent), listSize);
    const tally = { ...inner, directives: inner.directives + (fragment.directives?.length ?? 0) };
    memo.set(key, tally);
    return tally;
  }

  function measureSet(set: SelectionSetNode, parent: GraphQLCompositeType, listSize: number | null): Tally {
    let tally = NOTHING;
    for (const selection of set.selections) {
      const directives = { ...NOTHING, directives: selection.directives?.length ?? 0 };
      if (selection.kind === Kind.FIELD) {
        tally = add(tally, measureField(selection, parent, listSize));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? typeNamed(selection.typeCondition.name.value, parent) : parent;
        tally = add(tally, add(directives, measureSet(selection.selectionSet, type, listSize)));
      } else {
        tally = add(tally, add(directives, measureFragment(selection.name.value, listSize, parent)));
      }
    }
    return tally;
  }

  function countRootFields(set: SelectionSetNode): number {
    let count = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) count += 1;
      else if (selection.kind === Kind.INLINE_FRAGMENT) count += countRootFields(selection.selectionSet);
      else {
        const name = selection.name.value;
        let known = rootFieldMemo.get(name);
        if (known === undefined) {
          rootFieldMemo.set(name, 0);
          const fragment = fragments.get(name);
          known = fragment ? countRootFields(fragment.selectionSet) : 0;
          rootFieldMemo.set(name, known);
        }
        count += known;
      }
    }
    return count;
  }

  const root = schema.getRootType(operation.operation);
  const measured = root ? measureSet(operation.selectionSet, root, null) : NOTHING;
  return {
    depth: measured.depth,
    aliases: measured.aliases,
    rootFields: countRootFields(operation.selectionSet),
    directives: measured.directives + (operation.directives?.length ?? 0),
    cost: measured.cost,
  };
}
