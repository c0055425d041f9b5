// Composes subgraph SDL into a supergraph with @apollo/composition (no external binary), and
// turns composition errors into something a subgraph team can act on: subgraph, code, location.
import { composeServices } from '@apollo/composition';
import { getLocation, GraphQLError, parse, Source, type DocumentNode } from 'graphql';
import type { SubgraphSource } from './subgraph-sources';

export interface CompositionProblem {
  readonly code: string;
  readonly message: string;
  /** Subgraphs the problem is in, when composition says. */
  readonly subgraphs: readonly string[];
  /** `origin:line:column` of each place involved. */
  readonly locations: readonly string[];
}

export type CompositionResult =
  | { readonly ok: true; readonly supergraphSdl: string; readonly hints: readonly string[] }
  | { readonly ok: false; readonly problems: readonly CompositionProblem[] };

function parseSource(source: SubgraphSource): DocumentNode | CompositionProblem {
  try {
    return parse(new Source(source.sdl, source.origin));
  } catch (error) {
    const graphqlError = error as GraphQLError;
    const location = graphqlError.locations?.[0];
    return {
      code: 'INVALID_GRAPHQL',
      message: graphqlError.message,
      subgraphs: [source.name],
      locations: location ? [`${source.origin}:${location.line}:${location.column}`] : [source.origin],
    };
  }
}

function problemOf(error: GraphQLError, names: readonly string[]): CompositionProblem {
  const code = String(error.extensions?.code ?? 'COMPOSITION_ERROR');
  const locations = (error.nodes ?? [])
    .map((node) => {
      const loc = node.loc;
      if (!loc) return null;
      const { line, column } = getLocation(loc.source, loc.start);
      return `${loc.source.name}:${line}:${column}`;
    })
    .filter((l): l is string => l !== null);
  // Composition prefixes messages with "[subgraph]" for the subgraphs involved.
  const mentioned = names.filter((name) => error.message.includes(`[${name}]`) || error.message.includes(`"${name}"`));
  return { code, message: error.message, subgraphs: mentioned, locations: [...new Set(locations)] };
}

export function composeSupergraph(sources: readonly SubgraphSource[]): CompositionResult {
  const parsed: { name: string; url: string; typeDefs: DocumentNode }[] = [];
  const problems: CompositionProblem[] = [];
  for (const source of sources) {
    const document = parseSource(source);
    if ('kind' in document) parsed.push({ name: source.name, url: source.routingUrl, typeDefs: document });
    else problems.push(document);
  }
  if (problems.length) return { ok: false, problems };
  const result = composeServices(parsed);
  if (result.errors?.length) {
    const names = sources.map((s) => s.name);
    return { ok: false, problems: result.errors.map((e) => problemOf(e, names)) };
  }
  if (!result.supergraphSdl) return { ok: false, problems: [{ code: 'COMPOSITION_ERROR', message: 'composition produced no supergraph', subgraphs: [], locations: [] }] };
  return { ok: true, supergraphSdl: result.supergraphSdl, hints: (result.hints ?? []).map((h) => h.toString()) };
}

export function formatProblem(problem: CompositionProblem): string {
  const where = [
    problem.subgraphs.length ? `subgraph ${problem.subgraphs.join(', ')}` : null,
    ...problem.locations,
  ].filter(Boolean);
  return `✗ ${problem.code}${where.length ? ` (${where.join('; ')})` : ''}\n    ${problem.message}`;
}
