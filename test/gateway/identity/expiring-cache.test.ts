import { describe, expect, it } from 'vitest';
import { ExpiringCache } from '../../../gateway/identity/expiring-cache';

describe('ExpiringCache', () => {
  it('returns a value until it expires', () => {
    const cache = new ExpiringCache<string>(10);
    cache.set('a', 'token-a', 1_000, 0);
    expect(cache.get('a', 999)).toBe('token-a');
    expect(cache.get('a', 1_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('drops expired entries when adding, and never holds more than its maximum', () => {
    const cache = new ExpiringCache<number>(3);
    for (let i = 0; i < 10; i++) cache.set(`k${i}`, i, 100 + i, 0);
    expect(cache.size).toBe(3);
    expect(cache.get('k9', 0)).toBe(9);
    expect(cache.get('k6', 0)).toBeUndefined();
    cache.set('late', 42, 1_000, 200); // every earlier entry expired at 200
    expect(cache.size).toBe(1);
  });
});
