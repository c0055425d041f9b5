// What identifies one execution for the response cache and for sharing requests in flight.
// Two requests may share an answer only if the subgraphs would answer both alike. The subgraphs
// apply row filters from the caller's claims (a partner sees only its own organisation and
// sector, findings are cut by clearance, ...), so the key holds everything they can see of the
// caller: the claims forwarded in the gateway token (forwardedClaims: the client's claims without
// iat/exp/nbf/jti), not only the gateway's authorization context, which two partners of different
// sectors can share. Add to the key whatever else ever reaches a subgraph.
import { forwardedClaims } from '../identity/gateway-token';
import type { Caller } from '../identity/caller';

export interface ExecutionKeyParts {
  /** The supergraph version the operation runs on. */
  readonly supergraphId: string;
  /** Names the prepared operation: document, operation name, authorization mode and context. */
  readonly operationKey: string;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly caller: Caller | null;
}

export function executionKey(parts: ExecutionKeyParts): string {
  return JSON.stringify([parts.supergraphId, parts.operationKey, parts.variables, forwardedClaims(parts.caller)]);
}
