// What the HTTP layer asks before serving a request: may it take `cost` tokens from these buckets?
import type { Caller } from '../../identity/caller';
import type { RateLimitConfig } from '../../config/hardening-config';
import type { BucketRef, RateDecision } from './token-bucket';

export interface RateLimiter {
  take(buckets: readonly BucketRef[], cost: number): Promise<RateDecision>;
  close(): Promise<void>;
}

/** A verified caller counts against its own bucket and its agency's; anyone else against the client address's. */
export function bucketsFor(caller: Caller | null, address: string, settings: RateLimitConfig): BucketRef[] {
  if (!caller) return [{ kind: 'address', id: address, settings: settings.anonymous }];
  const buckets: BucketRef[] = [{ kind: 'subject', id: caller.subject, settings: settings.subject }];
  if (caller.agency) buckets.push({ kind: 'agency', id: caller.agency, settings: settings.agency });
  return buckets;
}
