// Applies the query plan's data rewrites (`inputRewrites` on representations before they are
// sent, `outputRewrites` on what a subgraph returned), as Apollo Gateway does.
import type { FetchDataRewrite } from '@apollo/query-planner';
import { PlanningError } from '../planning/errors';
import { setOwn } from './own';
import type { TypeRelations } from './type-relations';

const FRAGMENT_PREFIX = '... on ';

type Apply = (object: Record<string, unknown>) => void;

function rewriteFunction(rewrite: FetchDataRewrite, key: string): Apply {
  switch (rewrite.kind) {
    case 'ValueSetter':
      return (object) => setOwn(object, key, rewrite.setValueTo);
    case 'KeyRenamer':
      return (object) => {
        const value = Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
        if (value) {
          setOwn(object, rewrite.renameKeyTo, value);
          object[key] = undefined;
        }
      };
  }
}

function applyAtPath(relations: TypeRelations, path: readonly string[], at: number, value: unknown, apply: Apply): void {
  if (Array.isArray(value)) {
    for (const element of value) applyAtPath(relations, path, at, element, apply);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const object = value as Record<string, unknown>;
  if (at === path.length) {
    apply(object);
    return;
  }
  const element = path[at];
  if (element.startsWith(FRAGMENT_PREFIX)) {
    if (relations.isObjectOfType(object.__typename, element.slice(FRAGMENT_PREFIX.length), true)) {
      applyAtPath(relations, path, at + 1, object, apply);
    }
  } else {
    const next = Object.prototype.hasOwnProperty.call(object, element) ? object[element] : undefined;
    applyAtPath(relations, path, at + 1, next, apply);
  }
}

export type DataRewriter = (value: unknown) => void;

/** One function applying all `rewrites` in order, or null when there are none. */
export function compileRewrites(
  relations: TypeRelations,
  rewrites: readonly FetchDataRewrite[] | undefined,
): DataRewriter | null {
  if (!rewrites || rewrites.length === 0) return null;
  const steps: Array<{ parent: readonly string[]; apply: Apply }> = [];
  for (const rewrite of rewrites) {
    if (rewrite.path.length === 0) continue;
    const last = rewrite.path[rewrite.path.length - 1];
    if (last.startsWith(FRAGMENT_PREFIX)) {
      throw new PlanningError('QUERY_PLANNING_FAILED', `Unexpected fragment as last element of rewrite path ${rewrite.path.join('.')}`);
    }
    steps.push({ parent: rewrite.path.slice(0, -1), apply: rewriteFunction(rewrite, last) });
  }
  return (value) => {
    for (const step of steps) applyAtPath(relations, step.parent, 0, value, step.apply);
  };
}
