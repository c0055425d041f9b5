// Accord's gateway as Apollo Server sees it (its GatewayInterface): it hands Apollo Server the API
// schema of the current supergraph and executes every operation through the request pipeline.
// A new supergraph is loaded whole and swapped in atomically: a request runs to the end on the
// supergraph it was validated against.
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
import { runOperation, type OperationRequest, type PipelineSettings } from './request-pipeline';
import type { GatewayContext } from './gateway-context';

export interface AccordGatewayOptions {
  /** The supergraph SDL to start with. */
  readonly supergraphSdl: string;
  readonly load: LoadSupergraphOptions;
  readonly pipeline: PipelineSettings;
}

export class AccordGateway implements GatewayInterface {
  private current: LoadedSupergraph | null = null;
  private readonly bySchema = new WeakMap<GraphQLSchema, LoadedSupergraph>();
  private readonly listeners = new Set<GatewaySchemaLoadOrUpdateCallback>();

  constructor(private readonly options: AccordGatewayOptions) {}

  /** The supergraph new requests are served from. */
  get supergraph(): LoadedSupergraph {
    if (!this.current) throw new Error('the gateway has not loaded a supergraph yet');
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

  async stop(): Promise<void> {
    this.current?.close();
    this.current = null;
  }

  private swap(next: LoadedSupergraph): void {
    this.bySchema.set(next.apiSchema, next);
    this.current = next;
    for (const listener of this.listeners) listener({ apiSchema: next.apiSchema, coreSupergraphSdl: next.sdl });
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
