// What a schema check compares between the current and the proposed supergraph: the API schema
// clients see and the authorization rules, built exactly as the gateway builds them, so that a
// supergraph the gateway would refuse fails the check too.
import type { GraphQLSchema } from 'graphql';
import { AuthorizationError, readAuthorizationRules, type AuthorizationRules } from '../../../gateway/authorization';
import { createPlanner } from '../../../gateway/planning/planner';
import { PlanningError } from '../../../gateway/planning/errors';

export interface SupergraphSnapshot {
  readonly apiSchema: GraphQLSchema;
  readonly rules: AuthorizationRules;
}

/** A supergraph the gateway would not load, with the code the gateway would report. */
export class UnloadableSupergraphError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'UnloadableSupergraphError';
  }
}

export function snapshotOf(supergraphSdl: string): SupergraphSnapshot {
  try {
    const { rules, sanitizedSupergraphSdl } = readAuthorizationRules(supergraphSdl);
    const planner = createPlanner(sanitizedSupergraphSdl);
    return { apiSchema: planner.apiGraphQLSchema, rules };
  } catch (error) {
    if (error instanceof AuthorizationError || error instanceof PlanningError) {
      throw new UnloadableSupergraphError(error.code, error.message);
    }
    throw error;
  }
}
