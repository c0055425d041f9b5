// Walks a compiled query plan: sequences in order, parallel branches together, Flatten nodes
// into the objects their path designates, Condition nodes by their variable.
import type { CompiledNode } from './compiled-plan';
import { EntityBatcher } from './entity-batcher';
import { sendEntityFetch, type EntityFetchMember } from './entity-fetch';
import type { FetchContext } from './fetch-context';
import { runFetch } from './fetch-step';
import { entitiesAt } from './response-paths';

type Batcher = EntityBatcher<EntityFetchMember>;

async function runNode(context: FetchContext, batcher: Batcher, node: CompiledNode, path: readonly (string | number)[]): Promise<void> {
  switch (node.kind) {
    case 'Sequence':
      for (const child of node.nodes) await runNode(context, batcher, child, path);
      return;
    case 'Parallel':
      await Promise.all(node.nodes.map((child) => runNode(context, batcher, child, path)));
      return;
    case 'Flatten':
      return runNode(context, batcher, node.node, path.length === 0 ? node.path : [...path, ...node.path]);
    case 'Fetch': {
      const entities = path.length === 0 ? [context.data] : entitiesAt(context.data, path);
      return runFetch(context, batcher, node.fetch, entities, path);
    }
    case 'Condition': {
      const branch = context.condition(node.variable) ? node.ifClause : node.elseClause;
      if (branch) await runNode(context, batcher, branch, path);
      return;
    }
  }
}

/** Runs the plan; fetch failures are recorded in `context.errors`, never thrown. */
export function runPlan(context: FetchContext, root: CompiledNode | null): Promise<void> {
  if (!root) return Promise.resolve();
  const batcher: Batcher = new EntityBatcher((members) => sendEntityFetch(context, members));
  return runNode(context, batcher, root, []);
}
