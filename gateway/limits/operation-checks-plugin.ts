// The checks every operation passes after Apollo Server has parsed and validated it and before the
// request pipeline plans anything: the operation can be chosen, the caller may introspect if it
// does, it is within the operation limits, and its variables fit their declarations. A refused
// operation reaches no subgraph; Apollo Server answers with the error (and its HTTP status).
import type { ApolloServerPlugin } from '@apollo/server';
import type { IntrospectionConfig, OperationLimits } from '../config/hardening-config';
import type { GatewayContext } from '../gateway-context';
import { checkLimits } from './check-limits';
import { checkVariables } from './check-variables';
import { checkIntrospection } from './introspection-access';
import { measureOperation } from './measure-operation';
import { unresolvedOperation } from './operation-resolution';

export interface OperationChecksOptions {
  readonly limits: OperationLimits;
  readonly introspection: IntrospectionConfig;
}

export function operationChecksPlugin(options: OperationChecksOptions): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) throw unresolvedOperation(request.operationName);
          const variables = request.variables ?? {};
          const refusal =
            checkIntrospection(schema, document, options.introspection, contextValue.caller) ??
            checkLimits(measureOperation(schema, document, operation, variables, options.limits.cost), options.limits) ??
            checkVariables(schema, operation, variables);
          if (refusal) throw refusal;
        },
      };
    },
  };
}
