// A subgraph schema is built from its SDL, so an enum default (`field: SortField! = DUE_AT`) is
// read as the value's name; the resolver map then gives the enum its internal values
// ('dueAt'), but defaults are not updated with it. A client that leaves such a field out would
// hand the resolvers the name instead of the value. This puts the internal values in the defaults.
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLEnumType,
  type GraphQLInputField,
  type GraphQLSchema,
} from 'graphql';

function internal(enumType: GraphQLEnumType, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => internal(enumType, item));
  return typeof value === 'string' ? (enumType.getValue(value)?.value ?? value) : value;
}

function fixDefault(input: GraphQLArgument | GraphQLInputField): void {
  const named = getNamedType(input.type);
  if (!isEnumType(named) || input.defaultValue === undefined) return;
  (input as { defaultValue: unknown }).defaultValue = internal(named, input.defaultValue);
}

/** Rewrites, in place, every enum default of input fields and field arguments to the internal value. */
export function useInternalEnumDefaults(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) fixDefault(field);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) for (const argument of field.args) fixDefault(argument);
    }
  }
}
