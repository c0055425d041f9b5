// Token buckets in Redis, shared by every gateway replica. One Lua script reads, refills and takes
// from all of a request's buckets at once, on Redis's clock, so concurrent requests on different
// replicas cannot both spend the same token. While Redis cannot be reached, each replica limits
// on its own (in memory) rather than refusing everyone or letting everyone through.
import { Redis } from 'ioredis';
import type { RateLimiter } from './rate-limiter';
import { bucketKey, costFor, type BucketKind, type BucketRef } from './token-bucket';

// KEYS: the buckets. ARGV: per bucket its cost, tokens per millisecond and burst.
// Returns {0, 0} when taken, else {index of the bucket (from 1), milliseconds to wait}.
const TAKE_SCRIPT = `
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local levels = {}
local blocked, wait = 0, 0
for i, key in ipairs(KEYS) do
  local cost, rate, burst = tonumber(ARGV[3 * i - 2]), tonumber(ARGV[3 * i - 1]), tonumber(ARGV[3 * i])
  local state = redis.call('HMGET', key, 'tokens', 'at')
  local tokens = tonumber(state[1]) or burst
  local at = tonumber(state[2]) or now
  tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
  levels[i] = tokens
  if tokens < cost and (cost - tokens) / rate > wait then
    blocked, wait = i, (cost - tokens) / rate
  end
end
if blocked > 0 then return {blocked, math.ceil(wait)} end
for i, key in ipairs(KEYS) do
  local cost, rate, burst = tonumber(ARGV[3 * i - 2]), tonumber(ARGV[3 * i - 1]), tonumber(ARGV[3 * i])
  redis.call('HSET', key, 'tokens', tostring(levels[i] - cost), 'at', now)
  redis.call('PEXPIRE', key, math.ceil((burst - levels[i] + cost) / rate) + 1000)
end
return {0, 0}
`;

export interface RedisRateLimiterOptions {
  readonly url: string;
  readonly prefix: string;
  /** Used while Redis is unreachable. */
  readonly fallback: RateLimiter;
  /** Told when Redis stops or starts answering. */
  readonly onAvailability?: (available: boolean, error?: Error) => void;
}

type TakeCommand = (numberOfKeys: number, ...args: Array<string | number>) => Promise<[number, number]>;

export async function redisRateLimiter(options: RedisRateLimiterOptions): Promise<RateLimiter> {
  const redis = new Redis(options.url, {
    lazyConnect: true,
    // Fail fast instead of queueing: a request must not wait for Redis to come back.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: 500,
    connectTimeout: 2000,
  });
  redis.defineCommand('accordTakeTokens', { lua: TAKE_SCRIPT });
  const take = (redis as unknown as { accordTakeTokens: TakeCommand }).accordTakeTokens.bind(redis);
  let available = true;
  const report = (now: boolean, error?: Error) => {
    if (now !== available) options.onAvailability?.(now, error);
    available = now;
  };
  redis.on('error', (error: Error) => report(false, error));
  redis.on('ready', () => report(true));
  try {
    await redis.connect();
  } catch (error) {
    // Keeps retrying in the background; until then the fallback limits.
    report(false, error as Error);
  }

  return {
    async take(refs: readonly BucketRef[], requested: number) {
      const args: Array<string | number> = refs.map((ref) => `${options.prefix}:${bucketKey(ref)}`);
      for (const ref of refs) args.push(costFor(requested, ref.settings), ref.settings.perSecond / 1000, ref.settings.burst);
      let reply: [number, number];
      try {
        reply = await take(refs.length, ...args);
      } catch (error) {
        report(false, error as Error);
        return options.fallback.take(refs, requested);
      }
      report(true);
      const [blocked, waitMs] = reply;
      if (blocked === 0) return { allowed: true };
      const bucket: BucketKind = refs[blocked - 1]!.kind;
      return { allowed: false, bucket, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    },
    async close() {
      redis.disconnect();
      await options.fallback.close();
    },
  };
}
