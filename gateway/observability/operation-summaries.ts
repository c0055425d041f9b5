// The Apollo Server plugin that notes, per request, what each operation came to (a batch holds
// several), so the HTTP layer can log and count the request once it is answered.
import type { ApolloServerPlugin } from '@apollo/server';
import { operationRecord } from '../audit';
import type { GatewayContext, RequestAudit } from '../gateway-context';
import type { OperationSummary } from './request-summary';

// Apollo Server hands each operation a shallow copy of the request's context; the audit slot in
// it is the one object all copies share, so it keys the request here.
export class OperationSummaries {
  private readonly byRequest = new WeakMap<RequestAudit, OperationSummary[]>();

  /** What the operations of this request came to; empty when Apollo Server ran none. */
  of(context: GatewayContext): readonly OperationSummary[] {
    return this.byRequest.get(context.audit) ?? [];
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
          const list = this.byRequest.get(requestContext.contextValue.audit);
          if (list) list.push(summary);
          else this.byRequest.set(requestContext.contextValue.audit, [summary]);
        },
      }),
    };
  }
}
