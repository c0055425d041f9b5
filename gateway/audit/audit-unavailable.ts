// What a client gets when its request's audit record could not be made durable. The gateway
// fails closed: no response leaves without a record, so the request fails instead.
export const AUDIT_UNAVAILABLE = 'AUDIT_UNAVAILABLE';
export const AUDIT_UNAVAILABLE_STATUS = 503;
export const AUDIT_UNAVAILABLE_MESSAGE = 'The audit trail is unavailable; the request was not answered';

/** Tells the operator why requests are failing (the client only learns the code). */
export function reportAuditFailure(requestId: string, sink: string, error: unknown): void {
  const cause = error instanceof Error && error.cause ? `: ${String(error.cause)}` : '';
  console.error(
    JSON.stringify({ level: 'error', msg: 'audit record could not be written', requestId, sink, error: `${String(error)}${cause}` }),
  );
}
