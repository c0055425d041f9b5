// The request deadline: when it passes, the request's subgraph calls are aborted (the pipeline
// then completes at once with their errors) and the answer says so with HTTP 504 and a
// REQUEST_TIMEOUT error.
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../gateway-context';

export const REQUEST_TIMEOUT = 'REQUEST_TIMEOUT';

/** The abort reason of a request that ran out of time. */
export class RequestTimedOut extends Error {
  constructor(readonly timeoutMs: number) {
    super(`The request did not complete within ${timeoutMs} ms`);
    this.name = 'RequestTimedOut';
  }
}

export function timedOut(context: GatewayContext): RequestTimedOut | null {
  const reason: unknown = context.signal?.aborted ? context.signal.reason : null;
  return reason instanceof RequestTimedOut ? reason : null;
}

export function requestTimeoutPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    requestDidStart: async () => ({
      // Runs before the audit record is built, so the record holds the status the client gets.
      didEncounterErrors: async ({ contextValue, response }) => {
        if (timedOut(contextValue)) response.http.status = 504;
      },
      willSendResponse: async ({ contextValue, response }) => {
        const timeout = timedOut(contextValue);
        if (!timeout || response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        result.errors = [...(result.errors ?? []), { message: timeout.message, extensions: { code: REQUEST_TIMEOUT } }];
      },
    }),
  };
}
