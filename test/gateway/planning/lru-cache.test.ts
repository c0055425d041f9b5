import { describe, expect, it } from 'vitest';
import { LruCache } from '../../../gateway/planning/lru-cache';

describe('the LRU cache', () => {
  it('evicts the least recently used entry once over capacity', () => {
    const cache = new LruCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('creates a missing value once and does not keep a failed creation', () => {
    const cache = new LruCache<string>(4);
    let calls = 0;
    expect(cache.getOrCreate('k', () => `v${++calls}`)).toBe('v1');
    expect(cache.getOrCreate('k', () => `v${++calls}`)).toBe('v1');
    expect(() =>
      cache.getOrCreate('bad', () => {
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(cache.get('bad')).toBeUndefined();
    expect(calls).toBe(1);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
    expect(() => new LruCache(1.5)).toThrow(RangeError);
  });
});
