// The operations a safelist allows, found by the manifest id or by the SHA-256 of their text.
import { sha256Hex, type PersistedQueryManifest } from './manifest';

export const NOT_IN_SAFELIST = 'PERSISTED_QUERY_NOT_IN_SAFELIST';

export class Safelist {
  private readonly bodies = new Map<string, string>();
  private readonly hashes = new Set<string>();

  constructor(manifest: PersistedQueryManifest) {
    for (const operation of manifest.operations) {
      const hash = sha256Hex(operation.body);
      this.hashes.add(hash);
      this.bodies.set(operation.id, operation.body);
      this.bodies.set(hash, operation.body);
    }
  }

  get size(): number {
    return this.hashes.size;
  }

  /** The text of the operation with this id or text hash. */
  body(idOrHash: string): string | undefined {
    return this.bodies.get(idOrHash);
  }

  /** Whether this exact text is one of the allowed operations. */
  allowsText(query: string): boolean {
    return this.hashes.has(sha256Hex(query));
  }
}
