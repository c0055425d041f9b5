// Where a subgraph's SDL comes from: the code itself, the SDL files checked in next to the
// supergraph, or a running subgraph's `_service { sdl }`.
import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from '../../gateway/config/data-dir';
import type { SubgraphEntry } from './subgraph-config';

export interface SubgraphSource {
  readonly name: string;
  readonly routingUrl: string;
  readonly sdl: string;
  /** Where the SDL was read, for error locations. */
  readonly origin: string;
}

export const SCHEMA_DIR = path.join(REPO_ROOT, 'schema');

export function sdlFileOf(name: string, dir: string = SCHEMA_DIR): string {
  return path.join(dir, `${name}.graphql`);
}

export async function sourcesFromCode(entries: readonly SubgraphEntry[]): Promise<SubgraphSource[]> {
  // Loaded lazily: reading SDL files or running subgraphs needs none of the agencies' code.
  const { agencyByName } = await import('../../subgraphs/agencies');
  const { buildAgencySchema } = await import('../../subgraphs/kit/schema/build-agency-schema');
  const sources: SubgraphSource[] = [];
  for (const entry of entries) {
    const { sdl } = await buildAgencySchema(agencyByName(entry.name).schema);
    sources.push({ ...entry, sdl, origin: `subgraphs/${entry.name}` });
  }
  return sources;
}

export async function sourcesFromFiles(entries: readonly SubgraphEntry[], dir: string = SCHEMA_DIR): Promise<SubgraphSource[]> {
  return Promise.all(
    entries.map(async (entry) => {
      const file = sdlFileOf(entry.name, dir);
      try {
        return { ...entry, sdl: await readFile(file, 'utf8'), origin: path.relative(process.cwd(), file) };
      } catch (error) {
        throw new Error(`cannot read the SDL of ${entry.name} at ${file}: ${(error as Error).message}`);
      }
    }),
  );
}

/** Asks each running subgraph for its SDL. `headers` lets the caller pass a gateway token. */
export async function sourcesFromRunning(
  entries: readonly SubgraphEntry[],
  headers: Record<string, string> = {},
  timeoutMs = 10_000,
): Promise<SubgraphSource[]> {
  return Promise.all(
    entries.map(async (entry) => {
      let response: Response;
      try {
        response = await fetch(entry.routingUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query: '{ _service { sdl } }' }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new Error(`${entry.name} at ${entry.routingUrl} did not answer: ${(error as Error).message}`);
      }
      const body = (await response.json().catch(() => null)) as { data?: { _service?: { sdl?: string } }; errors?: { message: string }[] } | null;
      const sdl = body?.data?._service?.sdl;
      if (!response.ok || typeof sdl !== 'string') {
        const why = body?.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.status}`;
        throw new Error(`${entry.name} at ${entry.routingUrl} did not return its SDL: ${why}`);
      }
      return { ...entry, sdl, origin: entry.routingUrl };
    }),
  );
}
