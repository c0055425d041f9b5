// Accord's gateway as Apollo Server sees it (its GatewayInterface): it hands Apollo Server the API
// schema of the current supergraph and executes every operation through the request pipeline.
// A new supergraph is loaded whole and swapped in atomically: a request runs to the end on the
// supergraph it was validated against. A replaced supergraph keeps its subgraph connections until
// the last request that started on it has answered (see requestTracker), then it is closed.
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import type {
  GatewayExecutor,
  GatewayGraphQLRequestContext,
  GatewayInterface,
  GatewayLoadResult,
  GatewaySchemaLoadOrUpdateCallback,
  GatewayUnsubscriber,
} from '@apollo/server-gateway-interface';
import type { GraphQLSchema } from 'graphql';
import { loadSupergraph, type LoadedSupergraph, type LoadSupergraphOptions } from './supergraph/loaded-supergraph';
import { jsonLinesLog, type StructuredLog } from './supergraph/structured-log';
import { runOperation, type OperationRequest, type PipelineSettings } from './request-pipeline';
import type { GatewayContext } from './gateway-context';

export interface AccordGatewayOptions {
  /** The supergraph SDL to start with. */
  readonly supergraphSdl: string;
  readonly load: LoadSupergraphOptions;
  readonly pipeline: PipelineSettings;
  /** Where the closing of replaced supergraphs is reported (default: JSON lines on stdout). */
  readonly log?: StructuredLog;
}

/** Requests that started on one supergraph and have not answered yet. */
export interface SupergraphInFlight {
  readonly supergraph: string;
  readonly requests: number;
  /** Replaced by a newer supergraph: closed once its requests have answered. */
  readonly draining: boolean;
}

export class AccordGateway implements GatewayInterface {
  private current: LoadedSupergraph | null = null;
  private readonly bySchema = new WeakMap<GraphQLSchema, LoadedSupergraph>();
  private readonly listeners = new Set<GatewaySchemaLoadOrUpdateCallback>();
  /** Requests per supergraph, counted by requestTracker from their start to their answer. */
  private readonly inFlight = new Map<LoadedSupergraph, number>();
  /** Replaced supergraphs that still have requests in flight. */
  private readonly draining = new Set<LoadedSupergraph>();
  private readonly log: StructuredLog;

  constructor(private readonly options: AccordGatewayOptions) {
    this.log = options.log ?? jsonLinesLog;
  }

  /** The supergraph new requests are served from. */
  get supergraph(): LoadedSupergraph {
    if (!this.current) throw new Error('the gateway has not loaded a supergraph yet');
    return this.current;
  }

  /** The supergraph new requests are served from; null before load() and after stop(). */
  get loadedSupergraph(): LoadedSupergraph | null {
    return this.current;
  }

  async load(): Promise<GatewayLoadResult> {
    this.swap(loadSupergraph(this.options.supergraphSdl, this.options.load));
    return { executor: this.executor };
  }

  /** Builds a new supergraph and swaps it in; throws (keeping the current one) if it cannot be built. */
  update(supergraphSdl: string): LoadedSupergraph {
    const next = loadSupergraph(supergraphSdl, this.options.load);
    this.swap(next);
    return next;
  }

  onSchemaLoadOrUpdate(callback: GatewaySchemaLoadOrUpdateCallback): GatewayUnsubscriber {
    this.listeners.add(callback);
    return () => this.listeners.delete(callback);
  }

  /** Requests in flight on the current supergraph and on replaced ones still draining. */
  requestsInFlight(): SupergraphInFlight[] {
    const versions = [...(this.current ? [this.current] : []), ...this.draining];
    return versions.map((loaded) => ({
      supergraph: loaded.id,
      requests: this.inFlight.get(loaded) ?? 0,
      draining: loaded !== this.current,
    }));
  }

  async stop(): Promise<void> {
    for (const loaded of [...this.draining, ...(this.current ? [this.current] : [])]) loaded.close();
    this.draining.clear();
    this.inFlight.clear();
    this.current = null;
  }

  /**
   * An Apollo Server plugin that counts each request against the supergraph it is validated
   * against, from the moment Apollo Server picks the schema to the answer, so that a replaced
   * supergraph is not closed under a request between its validation and its execution.
   * Without it a replaced supergraph is closed at once.
   */
  requestTracker(): ApolloServerPlugin<GatewayContext> {
    const releases = new WeakMap<GraphQLRequestContext<GatewayContext>, () => void>();
    const release = (requestContext: GraphQLRequestContext<GatewayContext>) => {
      const done = releases.get(requestContext);
      releases.delete(requestContext);
      done?.();
    };
    return {
      requestDidStart: async (requestContext) => {
        const loaded = this.bySchema.get(requestContext.schema);
        if (!loaded) return;
        this.inFlight.set(loaded, (this.inFlight.get(loaded) ?? 0) + 1);
        releases.set(requestContext, () => this.finished(loaded));
        return { willSendResponse: async (context) => release(context) };
      },
      // A plugin hook that throws ends the request without willSendResponse.
      unexpectedErrorProcessingRequest: async ({ requestContext }) => release(requestContext),
    };
  }

  private finished(loaded: LoadedSupergraph): void {
    const left = (this.inFlight.get(loaded) ?? 1) - 1;
    if (left > 0) {
      this.inFlight.set(loaded, left);
      return;
    }
    this.inFlight.delete(loaded);
    if (this.draining.delete(loaded)) this.closeReplaced(loaded);
  }

  private swap(next: LoadedSupergraph): void {
    const previous = this.current;
    this.bySchema.set(next.apiSchema, next);
    this.current = next;
    for (const listener of this.listeners) listener({ apiSchema: next.apiSchema, coreSupergraphSdl: next.sdl });
    if (!previous || previous === next) return;
    if (this.inFlight.has(previous)) this.draining.add(previous);
    else this.closeReplaced(previous);
  }

  private closeReplaced(loaded: LoadedSupergraph): void {
    loaded.close();
    this.log('info', 'replaced supergraph closed', { supergraph: loaded.id, current: this.current?.id ?? null });
  }

  private readonly executor: GatewayExecutor = async (requestContext: GatewayGraphQLRequestContext) => {
    // The supergraph this request was validated against, even if a newer one arrived meanwhile.
    const loaded = this.bySchema.get(requestContext.schema) ?? this.supergraph;
    const context = requestContext.context as GatewayContext;
    const request: OperationRequest = {
      document: requestContext.document,
      operationName: requestContext.operationName ?? undefined,
      queryHash: requestContext.queryHash,
      variables: requestContext.request.variables ?? {},
      caller: context.caller,
      requestId: context.requestId,
      signal: context.signal,
    };
    const outcome = await runOperation(loaded, request, this.options.pipeline);
    // The audit plugin records it before the response is sent.
    context.audit.pipeline = { outcome, supergraphId: loaded.id };
    return outcome.response as Awaited<ReturnType<GatewayExecutor>>;
  };
}
