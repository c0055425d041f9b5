// The SDL files in schema/ are what the code produces: a change to a subgraph that was not
// composed and checked in fails here, with the file to regenerate (`npm run compose`).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSubgraphConfig } from '../../scripts/lib/subgraph-config';
import { SCHEMA_DIR, sdlFileOf, sourcesFromCode, type SubgraphSource } from '../../scripts/lib/subgraph-sources';
import { composeSupergraph } from '../../scripts/lib/compose';

describe('checked-in schema', () => {
  let sources: SubgraphSource[];
  let supergraph: string;

  it('composes from the code without errors', async () => {
    sources = await sourcesFromCode(readSubgraphConfig());
    const result = composeSupergraph(sources);
    if (!result.ok) throw new Error(result.problems.map((p) => `${p.code}: ${p.message}`).join('\n'));
    supergraph = result.supergraphSdl;
    expect(result.hints.filter((hint) => !hint.includes('MERGED_NON_REPEATABLE_DIRECTIVE_ARGUMENTS'))).toEqual([]);
  });

  it.each(['treasury', 'defense', 'cyber'])('has the current SDL of the %s subgraph (run npm run compose if not)', async (name) => {
    const source = sources.find((s) => s.name === name)!;
    expect(await readFile(sdlFileOf(name), 'utf8')).toBe(source.sdl);
  });

  it('has the current supergraph (run npm run compose if not)', async () => {
    expect(await readFile(path.join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8')).toBe(supergraph);
  });
});
