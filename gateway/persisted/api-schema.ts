// The API schema clients see, from a supergraph's SDL: what persisted operations are validated against.
import type { GraphQLSchema } from 'graphql';
import { readAuthorizationRules } from '../authorization';
import { createPlanner } from '../planning';

export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  const { sanitizedSupergraphSdl } = readAuthorizationRules(supergraphSdl);
  return createPlanner(sanitizedSupergraphSdl).apiGraphQLSchema;
}
