// In safelist mode, the check before Apollo Server: an operation runs only if its text, its
// manifest id or the hash of its text is in the manifest. Refused before parsing, so a refused
// operation learns nothing about the schema.
import type { OperationRequest } from '../http/graphql-requests';
import type { Safelist } from './safelist';

/** Why the operation may not run, or null if it may (or is malformed: Apollo Server says how). */
export function safelistRefusal(safelist: Safelist, request: OperationRequest): string | null {
  if (request.query !== undefined) {
    return safelist.allowsText(request.query) ? null : 'This operation is not in the safelist; only registered operations may run';
  }
  if (request.persistedHash !== undefined) {
    return safelist.body(request.persistedHash) !== undefined ? null : 'No operation in the safelist has this id or hash';
  }
  return null;
}
