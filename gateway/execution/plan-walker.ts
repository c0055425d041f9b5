// Walks a compiled query plan: sequences in order, parallel branches together, Flatten nodes
// into the objects their path designates, Condition nodes by their variable.
import type { CompiledNode } from './compiled-plan';
import type { FetchContext } from './fetch-context';
import { runFetch } from './fetch-step';
import { entitiesAt } from './response-paths';

async function runNode(context: FetchContext, node: CompiledNode, path: readonly (string | number)[]): Promise<void> {
  switch (node.kind) {
    case 'Sequence':
      for (const child of node.nodes) await runNode(context, child, path);
      return;
    case 'Parallel':
      await Promise.all(node.nodes.map((child) => runNode(context, child, path)));
      return;
    case 'Flatten':
      return runNode(context, node.node, path.length === 0 ? node.path : [...path, ...node.path]);
    case 'Fetch':
      return runFetch(context, node.fetch, path.length === 0 ? [context.data] : entitiesAt(context.data, path), path);
    case 'Condition': {
      const branch = context.condition(node.variable) ? node.ifClause : node.elseClause;
      if (branch) await runNode(context, branch, path);
      return;
    }
  }
}

/** Runs the plan; fetch failures are recorded in `context.errors`, never thrown. */
export function runPlan(context: FetchContext, root: CompiledNode | null): Promise<void> {
  return root ? runNode(context, root, []) : Promise.resolve();
}
