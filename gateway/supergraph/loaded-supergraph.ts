// One supergraph, ready to serve: its authorization rules (read from the original SDL), the
// planner (built from the sanitized SDL), the executor, and the caches that belong to it.
// Immutable: a new supergraph is a new LoadedSupergraph, swapped in whole.
import { createHash } from 'node:crypto';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { readAuthorizationRules, type AuthorizationRules, type Denial, type OperationAnalysis, type PolicyEngine } from '../authorization';
import { createPlanner, LruCache, type Planner } from '../planning';
import { Executor, type PreparedOperation } from '../execution';
import { sensitiveCoordinates } from './sensitive-coordinates';

export interface LoadSupergraphOptions {
  readonly subgraphUrls?: Readonly<Record<string, string>>;
  readonly subgraphTimeoutMs?: number;
  readonly subgraphMaxConnections?: number;
  readonly policies: PolicyEngine;
  /** Prepared operations kept per supergraph (default 1000). */
  readonly operationCacheSize?: number;
}

/** A prepared operation with what the authorization filter decided for it. */
export interface AuthorizedOperation {
  /** null: nothing the caller may read is left; nothing is sent to any subgraph. */
  readonly prepared: PreparedOperation | null;
  readonly denials: readonly Denial[];
}

export interface LoadedSupergraph {
  /** Short hash of the supergraph SDL: names the version in logs and audit records. */
  readonly id: string;
  readonly sdl: string;
  readonly rules: AuthorizationRules;
  readonly planner: Planner;
  readonly executor: Executor;
  /** The API schema clients see. */
  readonly apiSchema: GraphQLSchema;
  /** Sensitive fields, reported when a response carries them (audit trail, classification marking). */
  readonly trackedCoordinates: ReadonlySet<string>;
  /** Policy names the supergraph uses that the policy engine does not know: they always deny. */
  readonly unknownPolicies: readonly string[];
  /** Operations prepared per (document, operation name, authorization context). */
  readonly operations: LruCache<AuthorizedOperation>;
  /** Analyses per parsed document and operation name (documents are cached and reused by Apollo Server). */
  analysisOf(document: DocumentNode, operationName: string | undefined, analyse: () => OperationAnalysis): OperationAnalysis;
  close(): void;
}

export function loadSupergraph(sdl: string, options: LoadSupergraphOptions): LoadedSupergraph {
  const { rules, sanitizedSupergraphSdl } = readAuthorizationRules(sdl);
  const planner = createPlanner(sanitizedSupergraphSdl, { urlOverrides: options.subgraphUrls });
  const executor = new Executor({
    subgraphs: planner.subgraphs,
    apiSchema: planner.apiGraphQLSchema,
    supergraphSchema: planner.supergraphGraphQLSchema,
    timeoutMs: options.subgraphTimeoutMs,
    maxSockets: options.subgraphMaxConnections,
  });
  const analyses = new WeakMap<DocumentNode, Map<string, OperationAnalysis>>();
  return {
    id: createHash('sha256').update(sdl).digest('hex').slice(0, 12),
    sdl,
    rules,
    planner,
    executor,
    apiSchema: planner.apiGraphQLSchema,
    trackedCoordinates: sensitiveCoordinates(planner.apiGraphQLSchema, rules),
    unknownPolicies: options.policies.unknownPolicies(rules.policyNames()),
    operations: new LruCache<AuthorizedOperation>(options.operationCacheSize ?? 1000),
    analysisOf(document, operationName, analyse) {
      let byName = analyses.get(document);
      if (!byName) analyses.set(document, (byName = new Map()));
      const key = operationName ?? '';
      let analysis = byName.get(key);
      if (!analysis) byName.set(key, (analysis = analyse()));
      return analysis;
    },
    close: () => executor.close(),
  };
}
