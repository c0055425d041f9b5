// The Apollo Server plugin that writes one audit record per operation Apollo Server handles:
// those the request pipeline ran, and those refused before it (parse and validation errors,
// persisted-query misses, ...). Apollo Server awaits `willSendResponse` before it answers, so the
// response leaves only once its record is durable.
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../gateway-context';
import type { AuditSink } from './audit-sink';
import { AUDIT_UNAVAILABLE, AUDIT_UNAVAILABLE_MESSAGE, AUDIT_UNAVAILABLE_STATUS, reportAuditFailure } from './audit-unavailable';
import { operationRecord } from './build-record';

export interface AuditPluginOptions {
  readonly sink: AuditSink;
  /** The supergraph serving new requests: named in records of operations that never reached the pipeline. */
  readonly currentSupergraphId: () => string | null;
  readonly now?: () => Date;
}

export function auditPlugin(options: AuditPluginOptions): ApolloServerPlugin<GatewayContext> {
  const now = options.now ?? (() => new Date());
  return {
    async requestDidStart() {
      return {
        async willSendResponse(requestContext) {
          const { audit, requestId } = requestContext.contextValue;
          audit.recorded = true;
          const record = operationRecord(requestContext, options.currentSupergraphId(), now());
          try {
            await options.sink.append(record);
          } catch (error) {
            // Fail closed: without a durable record the response must not leave. Its data is
            // replaced by an error, so nothing reaches the client that the trail does not show.
            reportAuditFailure(requestId, options.sink.description, error);
            requestContext.response.http.status = AUDIT_UNAVAILABLE_STATUS;
            requestContext.response.body = {
              kind: 'single',
              singleResult: { errors: [{ message: AUDIT_UNAVAILABLE_MESSAGE, extensions: { code: AUDIT_UNAVAILABLE } }] },
            };
          }
        },
      };
    },
  };
}
