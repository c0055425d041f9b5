// The two stores behind Apollo Server's persisted queries (APQ): a bounded LRU cache that clients
// fill (hash first, full text on a miss), or, in safelist mode, the manifest itself, which
// answers ids and hashes of allowed operations and accepts nothing new.
import type { Safelist } from './safelist';

/** Apollo Server's KeyValueCache, as its persisted queries use it. */
export interface QueryTextCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<boolean>;
}

// Apollo Server prefixes the keys of its persisted query cache.
const APQ_PREFIX = 'apq:';

function hashOf(key: string): string {
  return key.startsWith(APQ_PREFIX) ? key.slice(APQ_PREFIX.length) : key;
}

/**
 * At most `entries` operations, least recently used first out. Apollo Server stores a text only
 * after its hash was checked and the operation passed validation and the operation limits.
 */
export function boundedApqCache(entries: number): QueryTextCache {
  const texts = new Map<string, string>();
  return {
    get: async (key) => {
      const text = texts.get(hashOf(key));
      if (text !== undefined) {
        texts.delete(hashOf(key));
        texts.set(hashOf(key), text);
      }
      return text;
    },
    set: async (key, value) => {
      texts.delete(hashOf(key));
      texts.set(hashOf(key), value);
      if (texts.size > entries) texts.delete(texts.keys().next().value as string);
    },
    delete: async (key) => texts.delete(hashOf(key)),
  };
}

export function safelistCache(safelist: Safelist): QueryTextCache {
  return {
    get: async (key) => safelist.body(hashOf(key)),
    // Only the manifest decides what may run.
    set: async () => undefined,
    delete: async () => false,
  };
}
