// The baseline: Apollo Gateway's own executeQueryPlan with its default subgraph client
// (RemoteGraphQLDataSource), planning with the same Supergraph and QueryPlanner as the gateway.
import { Supergraph, operationFromDocument } from '@apollo/federation-internals';
import { buildOperationContext, executeQueryPlan, RemoteGraphQLDataSource, type ServiceMap } from '@apollo/gateway';
import { QueryPlanner, type QueryPlan } from '@apollo/query-planner';
import type { DocumentNode, GraphQLSchema } from 'graphql';

type RequestContext = Parameters<typeof executeQueryPlan>[2];
type ExecutionResult = Awaited<ReturnType<typeof executeQueryPlan>>;

export interface StockPreparedOperation {
  readonly document: DocumentNode;
  readonly operationName: string | null;
  readonly plan: QueryPlan;
}

export class StockExecutor {
  private readonly supergraph: Supergraph;
  private readonly apiSchema;
  private readonly apiGraphQLSchema: GraphQLSchema;
  private readonly supergraphSchema: GraphQLSchema;
  private readonly planner: QueryPlanner;
  private readonly services: ServiceMap = Object.create(null);

  constructor(supergraphSdl: string) {
    this.supergraph = Supergraph.build(supergraphSdl);
    this.apiSchema = this.supergraph.apiSchema();
    this.apiGraphQLSchema = this.apiSchema.toGraphQLJSSchema();
    this.supergraphSchema = this.supergraph.schema.toGraphQLJSSchema();
    this.planner = new QueryPlanner(this.supergraph);
    for (const { name, url } of this.supergraph.subgraphsMetadata()) {
      this.services[name] = new RemoteGraphQLDataSource({ url });
    }
  }

  prepare(document: DocumentNode, operationName: string | null = null): StockPreparedOperation {
    const operation = operationFromDocument(this.apiSchema, document, { operationName: operationName ?? undefined });
    return { document, operationName, plan: this.planner.buildQueryPlan(operation) };
  }

  execute(prepared: StockPreparedOperation, variables: Record<string, unknown> = {}): Promise<ExecutionResult> {
    const operationContext = buildOperationContext({
      schema: this.apiGraphQLSchema,
      operationDocument: prepared.document,
      operationName: prepared.operationName ?? undefined,
    });
    // The fields executeQueryPlan and RemoteGraphQLDataSource read; the rest is Apollo Server's.
    const requestContext = {
      request: { variables, operationName: prepared.operationName ?? undefined },
      context: {},
      metrics: {},
      logger: console,
      overallCachePolicy: undefined,
    } as unknown as RequestContext;
    return executeQueryPlan(
      prepared.plan,
      this.services,
      requestContext,
      operationContext,
      this.supergraphSchema,
      this.apiSchema,
    );
  }
}
