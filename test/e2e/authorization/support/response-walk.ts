// Walks a response along its operation, object by object. Every composite selection of the
// operations this is used with selects __typename, so each object names its concrete type.
import { Kind, parse, type FragmentDefinitionNode, type GraphQLSchema, type SelectionSetNode, isAbstractType, isObjectType } from 'graphql';

export interface VisitedObject {
  /** Response path of the object (keys and indices). */
  readonly path: ReadonlyArray<string | number>;
  readonly typename: string;
  /** The field (`Type.field`) whose value the object is; null for the root. */
  readonly via: string | null;
  /** Non-null values of the object's fields, by field name (several when aliased). */
  readonly fields: ReadonlyMap<string, readonly unknown[]>;
}

type Data = Record<string, unknown>;

export function walkResponse(schema: GraphQLSchema, query: string, data: unknown, visit: (object: VisitedObject) => void): void {
  const document = parse(query);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }

  const applies = (condition: string | undefined, typename: string): boolean => {
    if (condition === undefined || condition === typename) return true;
    const type = schema.getType(condition);
    const object = schema.getType(typename);
    return type !== undefined && isAbstractType(type) && object !== undefined && isObjectType(object) && schema.isSubType(type, object);
  };

  const walkObject = (object: Data, path: Array<string | number>, via: string | null, selectionSets: SelectionSetNode[]): void => {
    const typename = object.__typename;
    if (typeof typename !== 'string') throw new Error(`no __typename at ${JSON.stringify(path)}`);
    const fields = new Map<string, unknown[]>();
    const children: Array<() => void> = [];
    const collect = (selectionSet: SelectionSetNode): void => {
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          const value = object[key];
          if (value === null || value === undefined || selection.name.value.startsWith('__')) continue;
          const name = selection.name.value;
          fields.set(name, [...(fields.get(name) ?? []), value]);
          if (selection.selectionSet) {
            const set = selection.selectionSet;
            children.push(() => walkValue(value, [...path, key], `${typename}.${name}`, set));
          }
          continue;
        }
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
        if (fragment && applies(fragment.typeCondition?.name.value, typename)) collect(fragment.selectionSet);
      }
    };
    for (const selectionSet of selectionSets) collect(selectionSet);
    visit({ path, typename, via, fields });
    for (const child of children) child();
  };

  const walkValue = (value: unknown, path: Array<string | number>, via: string, selectionSet: SelectionSetNode): void => {
    if (Array.isArray(value)) value.forEach((item, index) => walkValue(item, [...path, index], via, selectionSet));
    else if (value !== null && typeof value === 'object') walkObject(value as Data, path, via, [selectionSet]);
  };

  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION || !data) continue;
    const root = schema.getRootType(definition.operation)!;
    walkObject({ ...(data as Data), __typename: root.name }, [], null, [definition.selectionSet]);
  }
}
