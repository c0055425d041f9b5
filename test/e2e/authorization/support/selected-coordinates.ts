// Reading operations back as schema coordinates: which `Type.field`s a subgraph request selects,
// and which field of a client operation sits at a response path.
import {
  getNamedType,
  isCompositeType,
  Kind,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/** Every `Type.field` the query selects (meta fields excluded), read against `schema`. */
export function selectedCoordinates(schema: GraphQLSchema, query: string): Set<string> {
  const coordinates = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  visit(
    parse(query),
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (parent && !node.name.value.startsWith('__')) coordinates.add(`${parent.name}.${node.name.value}`);
      },
    }),
  );
  return coordinates;
}

/**
 * The coordinates of the fields of `document` whose response key sits at `path` (response keys
 * from the root, no list indices). Several when fragments on different types select the same key.
 */
export function coordinatesAtPath(schema: GraphQLSchema, document: DocumentNode, path: readonly string[]): Set<string> {
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  const found = new Set<string>();
  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, rest: readonly string[]): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if ((selection.alias?.value ?? selection.name.value) !== rest[0]) continue;
        const name = selection.name.value;
        if (rest.length === 1) {
          found.add(`${parent.name}.${name}`);
          continue;
        }
        const fields = 'getFields' in parent ? parent.getFields() : {};
        const returned = fields[name] ? getNamedType(fields[name].type) : undefined;
        if (selection.selectionSet && returned && isCompositeType(returned)) walk(selection.selectionSet, returned, rest.slice(1));
      } else {
        const typeName = selection.kind === Kind.INLINE_FRAGMENT ? selection.typeCondition?.name.value : fragments.get(selection.name.value)?.typeCondition.name.value;
        const type = typeName ? schema.getType(typeName) : parent;
        const body = selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : fragments.get(selection.name.value)?.selectionSet;
        if (body && type && isCompositeType(type)) walk(body, type, rest);
      }
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const root = schema.getRootType(definition.operation);
    if (root && path.length > 0) walk(definition.selectionSet, root, path);
  }
  return found;
}
