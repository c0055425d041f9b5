// What the HTTP layer hands to each operation: who is asking and under which request id, and a
// slot the later stages fill in for the audit trail.
import type { Caller } from './identity/caller';
import type { OperationOutcome } from './request-pipeline';

/** What happened to one request, as far as the audit trail needs to know. */
export interface RequestAudit {
  /** Set by the gateway's executor once the request pipeline has run; null if it never ran. */
  pipeline: { readonly outcome: OperationOutcome; readonly supergraphId: string } | null;
  /** Set by whichever layer writes the request's audit record, before writing it: one record per request. */
  recorded: boolean;
}

export interface GatewayContext {
  /** Verified identity; null for an anonymous caller. */
  readonly caller: Caller | null;
  /** Names the request in responses, logs and the audit trail. */
  readonly requestId: string;
  /** Aborted when the client goes away, so subgraph calls in flight stop. */
  readonly signal?: AbortSignal;
  readonly audit: RequestAudit;
}

export function newRequestAudit(): RequestAudit {
  return { pipeline: null, recorded: false };
}
