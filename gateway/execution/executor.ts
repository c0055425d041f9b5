// The query-plan executor: runs a compiled plan against the subgraphs, then shapes the fetched
// data against the client's original operation. Produces what Apollo Gateway's executeQueryPlan
// produces for the same plan and data, plus the authorization outcome; never throws for a
// subgraph's failure.
import type { QueryPlan } from '@apollo/query-planner';
import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { SubgraphEndpoint } from '../planning/subgraph-list';
import { compilePlan, type CompiledPlan } from './compiled-plan';
import type { FetchContext, HeadersFor } from './fetch-context';
import { runPlan } from './plan-walker';
import { compileShape, type OperationShape, type ShapeOptions } from './shape-compiler';
import { runShape } from './shape-runner';
import type { ExecutionStats } from './stats';
import { SubgraphClient } from './subgraph-client';
import { TypeRelations } from './type-relations';

const DEFAULT_TIMEOUT_MS = 30_000;

export interface ExecutorOptions {
  readonly subgraphs: readonly SubgraphEndpoint[];
  /** The API schema in graphql-js form: result shaping and introspection. */
  readonly apiSchema: GraphQLSchema;
  /** The whole supergraph in graphql-js form: type conditions in representations and rewrites. */
  readonly supergraphSchema: GraphQLSchema;
  /** Limit for one subgraph call when an execution names none (default 30 s). */
  readonly timeoutMs?: number;
  /** Keep-alive sockets per subgraph (default 256). */
  readonly maxSockets?: number;
  /** Larger subgraph answers are refused (default 64 MiB). */
  readonly maxResponseBytes?: number;
}

/** A plan and a shape ready to run; cache it next to the plan, under the same key. */
export interface PreparedOperation {
  readonly plan: CompiledPlan;
  readonly shape: OperationShape;
}

export interface ExecuteOptions {
  /** Variables as the client sent them. */
  readonly variables?: Readonly<Record<string, unknown>>;
  /** Headers for each subgraph call (the gateway's own token). */
  readonly headersFor?: HeadersFor;
  /** Limit for each subgraph call. */
  readonly timeoutMs?: number;
  /** Aborts the subgraph calls in flight; the execution still completes with their errors. */
  readonly signal?: AbortSignal;
  /** Filled in with what the execution cost the subgraphs. */
  readonly stats?: ExecutionStats;
}

export interface ExecutionResponse {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly GraphQLError[];
  readonly extensions?: Record<string, unknown>;
}

export interface ExecutionOutcome {
  /** What the client receives. */
  readonly response: ExecutionResponse;
  /** Tracked schema coordinates (see ShapeOptions.tracked) that the response carries non-null values for. */
  readonly returned: ReadonlySet<string>;
  /** Classification markings the subgraphs reported for the rows they returned. */
  readonly markings: ReadonlySet<string>;
}

const NOTHING_RETURNED: ReadonlySet<string> = new Set();
const NO_MARKINGS: ReadonlySet<string> = new Set();

export class Executor {
  private readonly clients: ReadonlyMap<string, SubgraphClient>;
  private readonly relations: TypeRelations;
  private readonly apiSchema: GraphQLSchema;
  private readonly timeoutMs: number;

  constructor(options: ExecutorOptions) {
    this.clients = new Map(
      options.subgraphs.map(({ name, url }) => [
        name,
        new SubgraphClient(name, url, { maxSockets: options.maxSockets, maxResponseBytes: options.maxResponseBytes }),
      ]),
    );
    this.relations = new TypeRelations(options.supergraphSchema);
    this.apiSchema = options.apiSchema;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  compilePlan(plan: QueryPlan): CompiledPlan {
    return compilePlan(plan, this.relations);
  }

  /** The shape of one operation of the client's ORIGINAL document, with the authorization filter's outcome. */
  compileShape(document: DocumentNode, operationName?: string | null, options?: ShapeOptions): OperationShape {
    return compileShape(this.apiSchema, document, operationName, options);
  }

  /** `plan` comes from the filtered document, `document` is the original one. */
  prepare(plan: QueryPlan, document: DocumentNode, operationName?: string | null, options?: ShapeOptions): PreparedOperation {
    return { plan: this.compilePlan(plan), shape: this.compileShape(document, operationName, options) };
  }

  async execute(prepared: PreparedOperation, options: ExecuteOptions = {}): Promise<ExecutionOutcome> {
    const variables = options.variables ?? {};
    const conditions = prepared.shape.conditionValues(variables);
    if (conditions instanceof GraphQLError) return { response: { errors: [conditions] }, returned: NOTHING_RETURNED, markings: NO_MARKINGS };

    const context: FetchContext = {
      data: {},
      variables,
      condition: (name) => conditions.values.get(name) ?? variables[name] === true,
      clients: this.clients,
      headersFor: options.headersFor,
      timeoutMs: options.timeoutMs ?? this.timeoutMs,
      signal: options.signal,
      stats: options.stats,
      errors: [],
      markings: new Set(),
    };
    await runPlan(context, prepared.plan.root);

    let shaped;
    try {
      shaped = runShape({
        schema: this.apiSchema,
        root: prepared.shape.root(conditions),
        denials: prepared.shape.denials,
        data: context.data,
        variables,
      });
    } catch (error) {
      // A shape compiled on first sight of a type may find the document does not fit the schema.
      const reported =
        error instanceof GraphQLError ? error : new GraphQLError(String((error as Error)?.message ?? error), { originalError: error as Error });
      return { response: { errors: [reported] }, returned: NOTHING_RETURNED, markings: NO_MARKINGS };
    }
    const errors = [...context.errors, ...shaped.authorizationErrors];
    // As Apollo Gateway does: completion errors are reported only when nothing else went wrong,
    // and then as an extension, not as errors.
    const response: ExecutionResponse =
      errors.length > 0
        ? { errors, data: shaped.data }
        : shaped.completionErrors.length > 0
          ? { data: shaped.data, extensions: { valueCompletion: shaped.completionErrors } }
          : { data: shaped.data };
    return { response, returned: shaped.returned, markings: context.markings };
  }

  /** Closes the subgraph connections. */
  close(): void {
    for (const client of this.clients.values()) client.close();
  }
}

