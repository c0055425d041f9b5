// Settings of the optional response cache and of sharing identical requests in flight: both off
// unless configured (flag > environment > config file), like every other gateway setting.
import { nonNegativeInteger, onOff, positiveInteger } from '../config/setting-values';

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



export function readCachingConfig(read: ReadSetting): CachingConfig {
  return {
    caching: {
      responseCacheTtlMs: nonNegativeInteger(read('response-cache-ttl-ms', 'ACCORD_RESPONSE_CACHE_TTL_MS', 'responseCacheTtlMs') ?? 0, 'response cache TTL'),
      responseCacheSize: positiveInteger(read('response-cache-size', 'ACCORD_RESPONSE_CACHE_SIZE', 'responseCacheSize') ?? 1000, 'response cache size'),
      shareIdenticalRequests: onOff(read('share-identical-requests', 'ACCORD_SHARE_IDENTICAL_REQUESTS', 'shareIdenticalRequests'), false, 'sharing identical requests'),
    },
  };
}
