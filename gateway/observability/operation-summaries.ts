// The Apollo Server plugin that notes, per request, what each operation came to (a batch holds
// several), so the HTTP layer can log and count the request once it is answered.
import type { ApolloServerPlugin } from '@apollo/server';
import { operationRecord } from '../audit';
import type { GatewayContext } from '../gateway-context';
import type { OperationSummary } from './request-summary';

export class OperationSummaries {
  private readonly byRequest = new WeakMap<GatewayContext, OperationSummary[]>();

  /** What the operations of this request came to; empty when Apollo Server ran none. */
  of(context: GatewayContext): readonly OperationSummary[] {
    return this.byRequest.get(context) ?? [];
  }

  plugin(): ApolloServerPlugin<GatewayContext> {
    return {
      requestDidStart: async () => ({
        willSendResponse: async (requestContext) => {
          const record = operationRecord(requestContext, null, new Date());
          const summary: OperationSummary = {
            operationName: record.operationName,
            operationType: record.operationType,
            outcome: record.outcome,
            errorCodes: record.errorCodes,
          };
          const list = this.byRequest.get(requestContext.contextValue);
          if (list) list.push(summary);
          else this.byRequest.set(requestContext.contextValue, [summary]);
        },
      }),
    };
  }
}
