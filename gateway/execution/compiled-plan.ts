// A query plan turned, once, into what execution needs at hand: each fetch's request body
// prepared up to its variables, its representation writer and its rewrites.
import type { FetchNode, PlanNode, QueryPlan, SubscriptionNode } from '@apollo/query-planner';
import { PlanningError } from '../planning/errors';
import { compileRewrites, type DataRewriter } from './data-rewrites';
import { RepresentationWriter } from './representations';
import type { TypeRelations } from './type-relations';

export interface CompiledFetch {
  readonly serviceName: string;
  /** Queries may be sent again after a stale keep-alive connection; mutations may not. */
  readonly repeatable: boolean;
  /**
   * Entity fetches of queries: equal keys (same subgraph, operation and rewrites) may share one
   * request. Null for fetches that must go alone.
   */
  readonly batchKey: string | null;
  /** The request body up to the value of `"variables"`. */
  readonly bodyHead: string;
  readonly variableUsages: readonly string[];
  /** Entity fetches only: writes each entity's representation. */
  readonly representations: RepresentationWriter | null;
  readonly outputRewrites: DataRewriter | null;
}

export type CompiledNode =
  | { readonly kind: 'Sequence' | 'Parallel'; readonly nodes: readonly CompiledNode[] }
  | { readonly kind: 'Flatten'; readonly path: readonly (string | number)[]; readonly node: CompiledNode }
  | { readonly kind: 'Fetch'; readonly fetch: CompiledFetch }
  | {
      readonly kind: 'Condition';
      readonly variable: string;
      readonly ifClause: CompiledNode | null;
      readonly elseClause: CompiledNode | null;
    };

export interface CompiledPlan {
  readonly root: CompiledNode | null;
}

/** The operation without its name: the planner names every fetch differently, even when they ask the same. */
function unnamed(node: FetchNode): string {
  return node.operationName ? node.operation.replace(` ${node.operationName}`, '') : node.operation;
}

function compileFetch(node: FetchNode, relations: TypeRelations): CompiledFetch {
  const operationName = node.operationName ? `,"operationName":${JSON.stringify(node.operationName)}` : '';
  const bodyHead = `{"query":${JSON.stringify(node.operation)}${operationName},"variables":`;
  const repeatable = node.operationKind === 'query';
  return {
    serviceName: node.serviceName,
    repeatable,
    batchKey:
      repeatable && node.requires
        ? `${node.serviceName}\u0000${unnamed(node)}\u0000${JSON.stringify(node.outputRewrites ?? null)}`
        : null,
    bodyHead,
    variableUsages: node.variableUsages ?? [],
    representations: node.requires
      ? new RepresentationWriter(node.requires, compileRewrites(relations, node.inputRewrites), relations)
      : null,
    outputRewrites: compileRewrites(relations, node.outputRewrites),
  };
}

function compileNode(node: PlanNode | SubscriptionNode, relations: TypeRelations): CompiledNode {
  switch (node.kind) {
    case 'Sequence':
    case 'Parallel':
      return { kind: node.kind, nodes: node.nodes.map((child) => compileNode(child, relations)) };
    case 'Flatten':
      return { kind: 'Flatten', path: node.path, node: compileNode(node.node, relations) };
    case 'Fetch':
      return { kind: 'Fetch', fetch: compileFetch(node, relations) };
    case 'Condition':
      return {
        kind: 'Condition',
        variable: node.condition,
        ifClause: node.ifClause ? compileNode(node.ifClause, relations) : null,
        elseClause: node.elseClause ? compileNode(node.elseClause, relations) : null,
      };
    case 'Defer':
      throw new PlanningError('DEFER_NOT_SUPPORTED', '@defer is not supported by this gateway');
    case 'Subscription':
      throw new PlanningError('SUBSCRIPTION_NOT_SUPPORTED', 'Subscriptions are not supported by this gateway');
  }
}

export function compilePlan(plan: QueryPlan, relations: TypeRelations): CompiledPlan {
  return { root: plan.node ? compileNode(plan.node, relations) : null };
}
