// The gateways a benchmark run compares: the stock Apollo Gateway and Accord as shipped
// (gateway/main.ts, production mode), each alone on the gateway CPU. A variant is Accord with
// other environment settings, or Accord from another checkout (to measure one change on its own).
import path from 'node:path';
import { REPO_ROOT } from '../../gateway/config/data-dir';

export interface Contestant {
  readonly name: string;
  readonly kind: 'stock' | 'accord';
  /** The checkout the gateway runs from (default this one). */
  readonly root: string;
  /** Environment added to the gateway's. */
  readonly env: Readonly<Record<string, string>>;
  /** Options for node itself instead of the gateway's own (GATEWAY_NODE_OPTIONS); null: those. */
  readonly nodeOptions: readonly string[] | null;
}

export const STOCK: Contestant = { name: 'stock', kind: 'stock', root: REPO_ROOT, env: {}, nodeOptions: null };
export const ACCORD: Contestant = { name: 'accord', kind: 'accord', root: REPO_ROOT, env: {}, nodeOptions: null };

export class VariantError extends Error {}

/**
 * `name:KEY=VALUE,KEY=VALUE` (Accord with these settings) or `name@/path/to/checkout` (Accord from
 * another checkout, e.g. a git worktree of an earlier commit), or both: `name@/path:KEY=VALUE`.
 * The key `node` gives node's own options instead of the gateway's: `semi16:node=--max-semi-space-size=16`
 * (several separated by spaces; `node=` for none).
 */
export function parseVariant(text: string): Contestant {
  const match = /^([A-Za-z0-9_-]+)(?:@([^:]+))?(?::(.*))?$/.exec(text);
  if (!match) throw new VariantError(`variant "${text}" must look like name:KEY=VALUE,... or name@/path/to/checkout`);
  const [, name, root, settings] = match;
  const env: Record<string, string> = {};
  let nodeOptions: string[] | null = null;
  for (const pair of settings ? settings.split(',') : []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new VariantError(`variant "${text}": "${pair}" is not KEY=VALUE`);
    const [key, value] = [pair.slice(0, eq), pair.slice(eq + 1)];
    if (key === 'node') nodeOptions = value.split(' ').filter((option) => option.length > 0);
    else if (/^[A-Z][A-Z0-9_]*$/.test(key)) env[key] = value;
    else throw new VariantError(`variant "${text}": "${key}" is not an environment variable (settings are given as the gateway reads them from its environment, e.g. ACCORD_RESPONSE_CACHE_TTL_MS=1000)`);
  }
  if (name === STOCK.name || name === ACCORD.name) throw new VariantError(`variant name "${name}" is taken`);
  return { name: name!, kind: 'accord', root: root ? path.resolve(root) : REPO_ROOT, env, nodeOptions };
}
