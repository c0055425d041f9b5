// The small config file naming each subgraph and the URL it is reached at.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../gateway/config/data-dir';

export interface SubgraphEntry {
  readonly name: string;
  readonly routingUrl: string;
}

export const DEFAULT_SUBGRAPH_CONFIG = path.join(REPO_ROOT, 'schema', 'subgraphs.json');

export function readSubgraphConfig(file: string = DEFAULT_SUBGRAPH_CONFIG): SubgraphEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read subgraph config ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const list = (parsed as { subgraphs?: unknown }).subgraphs;
  if (!Array.isArray(list) || list.length === 0) throw new Error(`${file}: "subgraphs" must be a non-empty array`);
  const seen = new Set<string>();
  return list.map((entry, index) => {
    const { name, routingUrl } = (entry ?? {}) as Record<string, unknown>;
    if (typeof name !== 'string' || !/^[A-Za-z][A-Za-z0-9_-]*$/.test(name)) {
      throw new Error(`${file}: subgraphs[${index}].name must be a simple name`);
    }
    if (seen.has(name)) throw new Error(`${file}: subgraph ${name} is listed twice`);
    seen.add(name);
    if (typeof routingUrl !== 'string' || !/^https?:\/\//.test(routingUrl)) {
      throw new Error(`${file}: subgraphs[${index}].routingUrl must be an http(s) URL`);
    }
    return { name, routingUrl };
  });
}
