// Composes the benchmark supergraph, with each subgraph's URL under a base URL: the plain one
// (the benchmark's own SDL) or the one with authorization rules (authorized-sdl.ts).
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { AUTHORIZED_PUBLIC_WORKLOAD_SDL } from './authorized-sdl';
import { PUBLIC_WORKLOAD_SDL, PUBLIC_WORKLOAD_SUBGRAPHS, type PublicWorkloadSubgraph } from './sdl';

function compose(sdl: Readonly<Record<PublicWorkloadSubgraph, string>>, baseUrl: string): string {
  const result = composeServices(
    PUBLIC_WORKLOAD_SUBGRAPHS.map((name) => ({
      name,
      url: `${baseUrl}/${name}`,
      typeDefs: parse(sdl[name]),
    })),
  );
  if (result.errors) {
    throw new Error(`The benchmark subgraphs do not compose:\n${result.errors.map(String).join('\n')}`);
  }
  return result.supergraphSdl;
}

export function composePublicWorkloadSupergraph(baseUrl: string): string {
  return compose(PUBLIC_WORKLOAD_SDL, baseUrl);
}

/** The same graph with `@authenticated` root types and `@requiresScopes` fields (scope BENCH_SCOPE). */
export function composeAuthorizedPublicWorkloadSupergraph(baseUrl: string): string {
  return compose(AUTHORIZED_PUBLIC_WORKLOAD_SDL, baseUrl);
}
