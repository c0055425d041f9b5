// A bounded map whose entries expire: holds tokens signed or verified recently, so that the many
// requests of one caller, and the many subgraph calls of one request, cost one signature and one
// verification.
// Entries are kept in insertion order; as they mostly expire in that order, expired entries are
// dropped from the front on each insertion, and the oldest goes when the map is full.

export class ExpiringCache<V> {
  private readonly entries = new Map<string, { readonly value: V; readonly expiresAt: number }>();

  constructor(private readonly maxEntries: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** The value, unless absent or expired at `now` (milliseconds). */
  get(key: string, now: number): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > now) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, value: V, expiresAt: number, now: number): void {
    for (const [oldKey, entry] of this.entries) {
      if (entry.expiresAt > now) break;
      this.entries.delete(oldKey);
    }
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}
