// Edits to a subgraph's SDL for deployment scenarios, made on the parsed document so that they
// survive formatting changes; each throws when the element it edits is not there.
import { Kind, parse, print, visit, type FieldDefinitionNode, type ObjectTypeDefinitionNode } from 'graphql';

type FieldEdit = (field: FieldDefinitionNode) => FieldDefinitionNode | null;

/** Applies `edit` to `Type.field` (null removes it). */
export function editField(sdl: string, typeName: string, fieldName: string, edit: FieldEdit): string {
  let found = false;
  const edited = visit(parse(sdl), {
    ObjectTypeDefinition(type) {
      if (type.name.value !== typeName) return undefined;
      const fields = (type.fields ?? []).flatMap((field) => {
        if (field.name.value !== fieldName) return [field];
        found = true;
        const result = edit(field);
        return result ? [result] : [];
      });
      return { ...type, fields } satisfies ObjectTypeDefinitionNode;
    },
  });
  if (!found) throw new Error(`${typeName}.${fieldName} is not in the SDL`);
  return print(edited);
}

export function removeField(sdl: string, typeName: string, fieldName: string): string {
  return editField(sdl, typeName, fieldName, () => null);
}

/** Adds fields written in SDL (`"""Doc."""\nwebsite: String`) to a type. */
export function addFields(sdl: string, typeName: string, fieldsSdl: string): string {
  const added = (parse(`type Added { ${fieldsSdl} }`).definitions[0] as ObjectTypeDefinitionNode).fields ?? [];
  let found = false;
  const edited = visit(parse(sdl), {
    ObjectTypeDefinition(type) {
      if (type.name.value !== typeName) return undefined;
      found = true;
      return { ...type, fields: [...(type.fields ?? []), ...added] };
    },
  });
  if (!found) throw new Error(`type ${typeName} is not in the SDL`);
  return print(edited);
}

/** Replaces the directives written on `Type.field` with those given (`@requiresScopes(...)`). */
export function setFieldDirectives(sdl: string, typeName: string, fieldName: string, directivesSdl: string): string {
  const directives = (parse(`type D { f: Int ${directivesSdl} }`).definitions[0] as ObjectTypeDefinitionNode).fields![0]!.directives;
  return editField(sdl, typeName, fieldName, (field) => ({ ...field, directives }));
}

/** Makes `Type.field`'s type nullable (`String!` -> `String`). */
export function makeNullable(sdl: string, typeName: string, fieldName: string): string {
  return editField(sdl, typeName, fieldName, (field) => {
    if (field.type.kind !== Kind.NON_NULL_TYPE) throw new Error(`${typeName}.${fieldName} is already nullable`);
    return { ...field, type: field.type.type };
  });
}
