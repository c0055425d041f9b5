// The fields whose values the gateway reports when a response carries them: those behind a
// requirement stronger than "authenticated" (scopes or policies, on the field, its parent type
// or its return type) and those classified above UNCLASSIFIED. The audit trail lists them and
// the classification marking is computed from them.
import { getNamedType, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import type { AuthorizationRules, Requirement } from '../authorization';

function beyondAuthentication(requirement: Requirement): boolean {
  return requirement.scopes.length > 0 || requirement.policies.length > 0;
}

export function sensitiveCoordinates(schema: GraphQLSchema, rules: AuthorizationRules): ReadonlySet<string> {
  const coordinates = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    const parentProtected = beyondAuthentication(rules.typeRequirement(type.name));
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      if (
        parentProtected ||
        beyondAuthentication(rules.fieldRequirement(type.name, field.name)) ||
        beyondAuthentication(rules.typeRequirement(getNamedType(field.type).name)) ||
        rules.classification(coordinate) !== 'UNCLASSIFIED'
      ) {
        coordinates.add(coordinate);
      }
    }
  }
  return coordinates;
}
