// Resolving the types an operation walks through, with a clear error for a document that was
// not validated against the schema.
import {
  getNamedType,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  type GraphQLCompositeType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { AuthorizationError } from './errors';

/** Meta-fields answered from the schema itself: authorization directives never apply to them. */
export function isMetaField(fieldName: string): boolean {
  return fieldName === '__typename' || fieldName === '__schema' || fieldName === '__type';
}

export function rootType(schema: GraphQLSchema, operation: OperationDefinitionNode): GraphQLObjectType {
  const type = schema.getRootType(operation.operation);
  if (!type) throw new AuthorizationError('INVALID_OPERATION', `the schema has no ${operation.operation} type`);
  return type;
}

export function compositeType(schema: GraphQLSchema, typeName: string): GraphQLCompositeType {
  const type = schema.getType(typeName);
  if (!type || !isCompositeType(type)) {
    throw new AuthorizationError('INVALID_OPERATION', `unknown type condition "${typeName}"`);
  }
  return type;
}

/** The named type `fieldName` returns on `parent`. */
export function fieldReturnType(parent: GraphQLCompositeType, fieldName: string): GraphQLNamedType {
  const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[fieldName] : undefined;
  if (!field) throw new AuthorizationError('INVALID_OPERATION', `unknown field "${parent.name}.${fieldName}"`);
  return getNamedType(field.type);
}
