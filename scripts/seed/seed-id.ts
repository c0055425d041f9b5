import { createHash } from 'node:crypto';

/**
 * A record id in the same shape as the subgraphs' own (`mdl-` and 12 hex digits), derived from
 * what the record is and its position rather than drawn at random, so that it never changes.
 */
export function seedId(prefix: string, ...parts: ReadonlyArray<string | number>): string {
  const digest = createHash('sha256').update([prefix, ...parts].join('/')).digest('hex');
  return `${prefix}-${digest.slice(0, 12)}`;
}
