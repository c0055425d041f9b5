// What the HTTP layer hands to each operation: who is asking and under which request id.
import type { Caller } from './identity/caller';

export interface GatewayContext {
  /** Verified identity; null for an anonymous caller. */
  readonly caller: Caller | null;
  /** Names the request in responses, logs and the audit trail. */
  readonly requestId: string;
  /** Aborted when the client goes away, so subgraph calls in flight stop. */
  readonly signal?: AbortSignal;
}
