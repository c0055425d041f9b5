// What this gateway does not execute, refused before planning (or right after it) with a clear error.
import type { QueryPlan, PlanNode, SubscriptionNode } from '@apollo/query-planner';
import { BREAK, visit, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { PlanningError } from './errors';

const INCREMENTAL_DIRECTIVES = new Set(['defer', 'stream']);

export function refuseUnsupportedOperation(document: DocumentNode, operation: OperationDefinitionNode): void {
  if (operation.operation === 'subscription') {
    throw new PlanningError('SUBSCRIPTION_NOT_SUPPORTED', 'Subscriptions are not supported by this gateway');
  }
  let incremental: string | null = null;
  visit(document, {
    Directive(node) {
      if (INCREMENTAL_DIRECTIVES.has(node.name.value)) {
        incremental = node.name.value;
        return BREAK;
      }
      return undefined;
    },
  });
  if (incremental) {
    throw new PlanningError('DEFER_NOT_SUPPORTED', `@${incremental} is not supported by this gateway`);
  }
}

function usesContext(node: PlanNode | SubscriptionNode | undefined): boolean {
  if (!node) return false;
  switch (node.kind) {
    case 'Fetch':
      return (node.contextRewrites?.length ?? 0) > 0;
    case 'Flatten':
      return usesContext(node.node);
    case 'Sequence':
    case 'Parallel':
      return node.nodes.some(usesContext);
    case 'Condition':
      return usesContext(node.ifClause) || usesContext(node.elseClause);
    case 'Defer':
      return usesContext(node.primary.node) || node.deferred.some((d) => usesContext(d.node));
    case 'Subscription':
      return usesContext(node.primary) || usesContext(node.rest);
  }
}

/** `@fromContext` arguments need values gathered from ancestors, which this executor does not do. */
export function refuseUnsupportedPlan(plan: QueryPlan): void {
  if (usesContext(plan.node)) {
    throw new PlanningError('CONTEXT_NOT_SUPPORTED', '@fromContext arguments are not supported by this gateway');
  }
}
