// Reading a gateway response back in schema terms: which fields came back with values, and
// which denials (coordinate and rule) its errors report.
import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  Kind,
  parse,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

type Data = Record<string, unknown>;

interface ErrorLike {
  readonly extensions?: Record<string, unknown>;
}

export const UNAUTHORIZED = 'UNAUTHORIZED_FIELD_OR_TYPE';

/**
 * Every `Type.field` of `query` that has a non-null value somewhere in `data`. Objects of an
 * abstract type are read by their `__typename` when the operation selects it.
 */
export function returnedCoordinates(schema: GraphQLSchema, query: string, data: unknown): Set<string> {
  const document = parse(query);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const found = new Set<string>();

  const visitValue = (value: unknown, type: GraphQLCompositeType, selectionSet: SelectionSetNode): void => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      for (const item of value) visitValue(item, type, selectionSet);
      return;
    }
    const object = value as Data;
    const typename = typeof object.__typename === 'string' ? object.__typename : undefined;
    visitSelections(object, type, typename, selectionSet);
  };

  const visitSelections = (object: Data, type: GraphQLCompositeType, typename: string | undefined, selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name.startsWith('__') || !('getFields' in type)) continue;
        const value = object[selection.alias?.value ?? name];
        if (value === null || value === undefined) continue;
        const owner = isAbstractType(type) && typename ? typename : type.name;
        found.add(`${owner}.${name}`);
        const returned = getNamedType(type.getFields()[name]!.type);
        if (selection.selectionSet && isCompositeType(returned)) visitValue(value, returned, selection.selectionSet);
        continue;
      }
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
      if (!fragment) continue;
      const condition = fragment.typeCondition?.name.value;
      if (condition && typename && condition !== typename && !isAbstractType(schema.getType(condition)!)) continue;
      const narrowed = condition ? (schema.getType(condition) as GraphQLCompositeType) : type;
      visitSelections(object, narrowed, typename, fragment.selectionSet);
    }
  };

  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const root = schema.getRootType(definition.operation);
    if (root && data) visitSelections(data as Data, root, root.name, definition.selectionSet);
  }
  return found;
}

/** `coordinate rule` of every authorization error, wherever the gateway put it; sorted, distinct. */
export function denialsOf(body: { errors?: readonly ErrorLike[]; extensions?: Record<string, unknown> }): string[] {
  const errors = [...(body.errors ?? []), ...((body.extensions?.authorizationErrors as ErrorLike[] | undefined) ?? [])];
  const denials = errors
    .filter((error) => error.extensions?.code === UNAUTHORIZED)
    .map((error) => `${String(error.extensions?.coordinate)} ${String(error.extensions?.rule)}`);
  return [...new Set(denials)].sort();
}

/** Codes of the errors that are not authorization denials. */
export function otherErrorCodes(body: { errors?: readonly ErrorLike[] }): string[] {
  return (body.errors ?? []).map((error) => String(error.extensions?.code)).filter((code) => code !== UNAUTHORIZED);
}
