// Apollo's persisted query manifest: the operations a safelist allows, each with an id (by
// default the SHA-256 of its body), its name, type and full text.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const MANIFEST_FORMAT = 'apollo-persisted-query-manifest';

export interface ManifestOperation {
  readonly id: string;
  readonly name: string;
  readonly type: 'query' | 'mutation' | 'subscription';
  readonly body: string;
}

export interface PersistedQueryManifest {
  readonly format: typeof MANIFEST_FORMAT;
  readonly version: 1;
  readonly operations: readonly ManifestOperation[];
}

export class ManifestError extends Error {}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function isOperation(value: unknown): value is ManifestOperation {
  if (typeof value !== 'object' || value === null) return false;
  const o = value as Record<string, unknown>;
  return (
    typeof o.id === 'string' &&
    o.id.length > 0 &&
    typeof o.name === 'string' &&
    (o.type === 'query' || o.type === 'mutation' || o.type === 'subscription') &&
    typeof o.body === 'string' &&
    o.body.length > 0
  );
}

/** Checks the manifest's shape; throws ManifestError naming what is wrong. */
export function parseManifest(text: string, source: string): PersistedQueryManifest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ManifestError(`${source} is not JSON: ${(error as Error).message}`);
  }
  const m = parsed as Partial<PersistedQueryManifest> | null;
  if (!m || m.format !== MANIFEST_FORMAT || m.version !== 1 || !Array.isArray(m.operations)) {
    throw new ManifestError(`${source} is not an ${MANIFEST_FORMAT} (version 1) with an operations array`);
  }
  m.operations.forEach((operation, index) => {
    if (!isOperation(operation)) throw new ManifestError(`${source}: operation ${index} needs a string id, name and body, and a type`);
  });
  return m as PersistedQueryManifest;
}

export function readManifest(file: string): PersistedQueryManifest {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ManifestError(`cannot read the persisted query manifest ${file}: ${(error as Error).message}`);
  }
  return parseManifest(text, file);
}
