// What every resolver of every agency receives for one request.
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { Caller } from '../../gateway/identity/caller';
import { LoaderCache } from './loaders/loader-cache';
import type { ModelRegister } from './domain/model-register';

export interface SubgraphContext {
  /** A unit of work of its own: identity map and changes never leak between requests. */
  readonly em: SqlEntityManager;
  /** Who the gateway says is asking; null for an anonymous caller. */
  readonly caller: Caller | null;
  /** The gateway's request id, carried into logs. */
  readonly requestId: string;
  readonly loaders: LoaderCache;
  /**
   * Entity representations the gateway sent in `_entities`, by `Type:id`: they carry the fields
   * a `@requires` asked for, which the requiring field's resolver reads here.
   */
  readonly representations: Map<string, Record<string, unknown>>;
  /** Policies decided for this caller so far (the policy engine runs once per policy per request). */
  readonly policyDecisions: Map<string, boolean>;
  /** The gateway's headers for this request, to ask another subgraph on the caller's behalf. */
  readonly onBehalf: Readonly<Record<string, string>>;
  /** Treasury's model intake, for subgraphs that refer to models they do not hold; null when not configured. */
  readonly models: ModelRegister | null;
  /** The highest classification rank of the rows returned so far (see markings/row-markings.ts). */
  readonly marking: { highest: number };
}

export function createContext(
  em: SqlEntityManager,
  caller: Caller | null,
  requestId: string,
  onBehalf: Readonly<Record<string, string>> = {},
  models: ModelRegister | null = null,
): SubgraphContext {
  return {
    em,
    caller,
    requestId,
    loaders: new LoaderCache(),
    representations: new Map(),
    policyDecisions: new Map(),
    onBehalf,
    models,
    marking: { highest: 0 },
  };
}

/** Who a write is recorded as: the caller's subject. */
export function actorOf(ctx: SubgraphContext): string {
  return ctx.caller?.subject ?? 'anonymous';
}
