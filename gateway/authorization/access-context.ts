// The caller's rights, narrowed to what one operation involves, and a cache key for them.
// Filter results (and the plans made from them) are cached per (document, operation, key):
// callers whose rights are the same for this operation share an entry, and callers whose
// rights differ in any way the filter could see never do.
import type { Caller } from '../identity/caller';
import type { AccessContext, OperationAnalysis } from './types';

export interface ScopedAccess {
  readonly access: AccessContext;
  /** Stable text: equal for equal rights over this operation, different otherwise. */
  readonly cacheKey: string;
}

function intersect(held: Iterable<string>, mentioned: ReadonlySet<string>): Set<string> {
  const kept = new Set<string>();
  for (const item of held) if (mentioned.has(item)) kept.add(item);
  return kept;
}

/**
 * `caller` (null = anonymous) and the policies the engine granted, restricted to the scopes
 * and policies `analysis` found in the operation, as Apollo Router intersects its claims.
 */
export function buildAccessContext(
  caller: Caller | null,
  analysis: OperationAnalysis,
  grantedPolicies: Iterable<string>,
): ScopedAccess {
  const access: AccessContext = {
    authenticated: caller !== null,
    scopes: intersect(caller?.scopes ?? [], analysis.scopes),
    policies: intersect(grantedPolicies, analysis.policies),
  };
  // Whether the caller is authenticated only matters if the operation touches @authenticated.
  const cacheKey = JSON.stringify([
    analysis.authenticated ? access.authenticated : null,
    [...access.scopes].sort(),
    [...access.policies].sort(),
  ]);
  return { access, cacheKey };
}
