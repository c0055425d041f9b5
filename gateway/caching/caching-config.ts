// Settings of the optional response cache and of sharing identical requests in flight: both off
// unless configured (flag > environment > config file), like every other gateway setting.
import { ConfigError } from '../config/config-error';

export interface CachingConfig {
  readonly caching: {
    /** How long an answer is served again to the same caller for the same request; 0: no response cache. */
    readonly responseCacheTtlMs: number;
    /** Answers kept at most (least recently used go first). */
    readonly responseCacheSize: number;
    /** Identical requests of the same caller that arrive while one runs wait for its answer instead of running again. */
    readonly shareIdenticalRequests: boolean;
  };
}

/** The command-line flags of these settings (all take a value). */
export const CACHING_FLAGS = {
  'response-cache-ttl-ms': { type: 'string' },
  'response-cache-size': { type: 'string' },
  'share-identical-requests': { type: 'string' },
} as const;

type ReadSetting = (flag: string, env: string, fileKey: string) => unknown;

function count(value: unknown, name: string, allowZero: boolean): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < (allowZero ? 0 : 1)) {
    throw new ConfigError(`${name} must be a ${allowZero ? 'non-negative' : 'positive'} integer (got ${JSON.stringify(value)})`);
  }
  return n;
}

function onOff(value: unknown, name: string): boolean {
  if (value === undefined) return false;
  if (value === true || value === 'on' || value === 'true' || value === '1') return true;
  if (value === false || value === 'off' || value === 'false' || value === '0') return false;
  throw new ConfigError(`${name} must be on or off (got ${JSON.stringify(value)})`);
}

export function readCachingConfig(read: ReadSetting): CachingConfig {
  return {
    caching: {
      responseCacheTtlMs: count(read('response-cache-ttl-ms', 'ACCORD_RESPONSE_CACHE_TTL_MS', 'responseCacheTtlMs') ?? 0, 'response cache TTL', true),
      responseCacheSize: count(read('response-cache-size', 'ACCORD_RESPONSE_CACHE_SIZE', 'responseCacheSize') ?? 1000, 'response cache size', false),
      shareIdenticalRequests: onOff(read('share-identical-requests', 'ACCORD_SHARE_IDENTICAL_REQUESTS', 'shareIdenticalRequests'), 'sharing identical requests'),
    },
  };
}
