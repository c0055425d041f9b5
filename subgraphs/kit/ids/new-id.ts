import { randomBytes } from 'node:crypto';

/** A new record id: a readable prefix naming the kind of record, then 12 random hex digits. */
export function newId(prefix: string): string {
  return `${prefix}-${randomBytes(6).toString('hex')}`;
}
