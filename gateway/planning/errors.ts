// Errors raised while loading a supergraph for planning or while planning an operation.
import { GraphQLError } from 'graphql';

export type PlanningErrorCode =
  | 'INVALID_SUPERGRAPH'
  | 'OPERATION_RESOLUTION_FAILURE'
  | 'SUBSCRIPTION_NOT_SUPPORTED'
  | 'DEFER_NOT_SUPPORTED'
  | 'CONTEXT_NOT_SUPPORTED'
  | 'QUERY_PLANNING_FAILED';

/** A GraphQLError, so the gateway can hand it to the client as it is; `code` is in its extensions. */
export class PlanningError extends GraphQLError {
  readonly code: PlanningErrorCode;

  constructor(code: PlanningErrorCode, message: string, originalError?: Error) {
    super(message, { extensions: { code }, originalError });
    this.name = 'PlanningError';
    this.code = code;
  }
}
