// Token buckets in this process's memory: the default, and the fallback while Redis is unreachable.
// At most `maxBuckets` are kept (least recently used go first), so many client addresses cannot
// grow it without bound; a forgotten bucket starts full again.
import type { RateLimiter } from './rate-limiter';
import { bucketKey, costFor, refill, waitMs, type BucketState } from './token-bucket';

const MAX_BUCKETS = 100_000;

export function memoryRateLimiter(now: () => number = Date.now, maxBuckets = MAX_BUCKETS): RateLimiter {
  const buckets = new Map<string, BucketState>();
  return {
    async take(refs, requested) {
      const at = now();
      const levels = refs.map((ref) => refill(buckets.get(bucketKey(ref)), ref.settings, at));
      let blocked = -1;
      let wait = 0;
      refs.forEach((ref, i) => {
        const ms = waitMs(levels[i]!, costFor(requested, ref.settings), ref.settings);
        if (ms > wait) [blocked, wait] = [i, ms];
      });
      if (blocked >= 0) return { allowed: false, bucket: refs[blocked]!.kind, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) };
      refs.forEach((ref, i) => {
        const key = bucketKey(ref);
        buckets.delete(key);
        buckets.set(key, { tokens: levels[i]! - costFor(requested, ref.settings), at });
        if (buckets.size > maxBuckets) buckets.delete(buckets.keys().next().value as string);
      });
      return { allowed: true };
    },
    async close() {
      buckets.clear();
    },
  };
}
