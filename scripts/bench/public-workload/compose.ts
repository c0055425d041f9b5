// Composes the benchmark supergraph, with each subgraph's URL under a base URL.
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { PUBLIC_WORKLOAD_SDL, PUBLIC_WORKLOAD_SUBGRAPHS } from './sdl';

export function composePublicWorkloadSupergraph(baseUrl: string): string {
  const result = composeServices(
    PUBLIC_WORKLOAD_SUBGRAPHS.map((name) => ({
      name,
      url: `${baseUrl}/${name}`,
      typeDefs: parse(PUBLIC_WORKLOAD_SDL[name]),
    })),
  );
  if (result.errors) {
    throw new Error(`The benchmark subgraphs do not compose:\n${result.errors.map(String).join('\n')}`);
  }
  return result.supergraphSdl;
}
