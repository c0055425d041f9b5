// What a running plan shares between its fetches.
import type { GraphQLError } from 'graphql';
import type { ExecutionStats } from './stats';
import type { SubgraphClient } from './subgraph-client';

export type HeadersFor = (serviceName: string) => Readonly<Record<string, string>> | undefined;

export interface FetchContext {
  /** The data fetched so far; every fetch merges into it. */
  readonly data: Record<string, unknown>;
  /** Variables as the client sent them. */
  readonly variables: Readonly<Record<string, unknown>>;
  /** Value of a Boolean variable used in @skip/@include (given, or its default). */
  readonly condition: (variable: string) => boolean;
  readonly clients: ReadonlyMap<string, SubgraphClient>;
  readonly headersFor: HeadersFor | undefined;
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
  readonly stats: ExecutionStats | undefined;
  /** Errors in the order they happened. */
  readonly errors: GraphQLError[];
  /** Classification markings the subgraphs reported for the rows they returned. */
  readonly markings: Set<string>;
}
