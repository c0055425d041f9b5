// The four benchmark subgraphs (accounts, inventory, products, reviews) on one port.
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';
import { PUBLIC_WORKLOAD_RESOLVERS } from './resolvers';
import { PUBLIC_WORKLOAD_SDL, PUBLIC_WORKLOAD_SUBGRAPHS, type PublicWorkloadSubgraph } from './sdl';
import { startSubgraphServer, type RunningSubgraphServer } from './subgraph-server';

export interface PublicWorkloadOptions {
  /** 0 picks a free port. */
  readonly port?: number;
  readonly host?: string;
  /** Keep serialized responses by request body (default true). */
  readonly memo?: boolean;
}

export function buildPublicWorkloadSchemas(): Record<PublicWorkloadSubgraph, GraphQLSchema> {
  const schemas = {} as Record<PublicWorkloadSubgraph, GraphQLSchema>;
  for (const name of PUBLIC_WORKLOAD_SUBGRAPHS) {
    schemas[name] = buildSubgraphSchema([
      { typeDefs: parse(PUBLIC_WORKLOAD_SDL[name]), resolvers: PUBLIC_WORKLOAD_RESOLVERS[name] },
    ]);
  }
  return schemas;
}

/** Starts the four subgraphs; each one is served at `${url}/${name}`. */
export function startPublicWorkloadSubgraphs(options: PublicWorkloadOptions = {}): Promise<RunningSubgraphServer> {
  return startSubgraphServer({
    routes: buildPublicWorkloadSchemas(),
    port: options.port ?? 0,
    host: options.host,
    memo: options.memo,
  });
}
