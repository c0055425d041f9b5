// Builds, from a supergraph SDL, everything query planning needs (Apollo's own Supergraph and
// QueryPlanner), and plans operations with a bounded cache.
import { operationFromDocument, Supergraph, type Schema } from '@apollo/federation-internals';
import { QueryPlanner, type QueryPlan } from '@apollo/query-planner';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { PlanningError } from './errors';
import { LruCache } from './lru-cache';
import { selectOperation } from './select-operation';
import { subgraphList, type SubgraphEndpoint } from './subgraph-list';
import { refuseUnsupportedOperation, refuseUnsupportedPlan } from './unsupported-features';

export interface PlannerOptions {
  /** Subgraph URLs by subgraph name, replacing those in the supergraph. */
  readonly urlOverrides?: Readonly<Record<string, string>>;
  /** Plans kept by `cachedPlan` (default 1000). */
  readonly planCacheSize?: number;
}

export interface Planner {
  readonly supergraph: Supergraph;
  /** The API schema (what clients see), in federation-internals form. */
  readonly apiSchema: Schema;
  /** The same API schema in graphql-js form (validation, introspection, result shaping). */
  readonly apiGraphQLSchema: GraphQLSchema;
  /** The whole supergraph in graphql-js form (types that are not in the API, for entity representations). */
  readonly supergraphGraphQLSchema: GraphQLSchema;
  readonly subgraphs: readonly SubgraphEndpoint[];
  /** Plans one operation of a document. Throws PlanningError. */
  planOperation(document: DocumentNode, operationName?: string | null): QueryPlan;
  /** `planOperation` behind an LRU cache keyed by `key`, which must identify document, operation and anything else the document depends on. */
  cachedPlan(key: string, document: DocumentNode, operationName?: string | null): QueryPlan;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createPlanner(supergraphSdl: string, options: PlannerOptions = {}): Planner {
  let supergraph: Supergraph;
  let apiSchema: Schema;
  try {
    supergraph = Supergraph.build(supergraphSdl);
    apiSchema = supergraph.apiSchema();
  } catch (error) {
    throw new PlanningError('INVALID_SUPERGRAPH', `Invalid supergraph: ${messageOf(error)}`, error as Error);
  }
  const queryPlanner = new QueryPlanner(supergraph);
  const plans = new LruCache<QueryPlan>(options.planCacheSize ?? 1000);

  function planOperation(document: DocumentNode, operationName?: string | null): QueryPlan {
    refuseUnsupportedOperation(document, selectOperation(document, operationName));
    let operation;
    try {
      operation = operationFromDocument(apiSchema, document, { operationName: operationName ?? undefined });
    } catch (error) {
      throw new PlanningError('OPERATION_RESOLUTION_FAILURE', messageOf(error), error as Error);
    }
    let plan: QueryPlan;
    try {
      plan = queryPlanner.buildQueryPlan(operation);
    } catch (error) {
      throw new PlanningError('QUERY_PLANNING_FAILED', `Query planning failed: ${messageOf(error)}`, error as Error);
    }
    refuseUnsupportedPlan(plan);
    return plan;
  }

  return {
    supergraph,
    apiSchema,
    apiGraphQLSchema: apiSchema.toGraphQLJSSchema(),
    supergraphGraphQLSchema: supergraph.schema.toGraphQLJSSchema(),
    subgraphs: subgraphList(supergraph, options.urlOverrides),
    planOperation,
    cachedPlan: (key, document, operationName) => plans.getOrCreate(key, () => planOperation(document, operationName)),
  };
}
