// Finds the objects a Flatten node's path designates in the data fetched so far (`@` stands for
// every element of a list; a field name met on a list applies to each element), and, when an
// error needs it, where each one sits in the response. Both walks visit objects in the same order.

type ResponsePath = Array<string | number>;
type Entity = Record<string, unknown>;
type PlanPath = readonly (string | number)[];

function collect(value: unknown, path: PlanPath, at: number, entities: Entity[]): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    const next = at < path.length && path[at] === '@' ? at + 1 : at;
    for (let i = 0; i < value.length; i++) collect(value[i], path, next, entities);
    return;
  }
  if (typeof value !== 'object') return;
  if (at === path.length) {
    entities.push(value as Entity);
    return;
  }
  const key = path[at];
  if (key === '@' || !Object.prototype.hasOwnProperty.call(value, key)) return;
  collect((value as Entity)[key as string], path, at + 1, entities);
}

function collectPaths(value: unknown, path: PlanPath, at: number, paths: ResponsePath[], current: ResponsePath): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    const next = at < path.length && path[at] === '@' ? at + 1 : at;
    for (let i = 0; i < value.length; i++) {
      current.push(i);
      collectPaths(value[i], path, next, paths, current);
      current.pop();
    }
    return;
  }
  if (typeof value !== 'object') return;
  if (at === path.length) {
    paths.push(current.slice());
    return;
  }
  const key = path[at];
  if (key === '@' || !Object.prototype.hasOwnProperty.call(value, key)) return;
  current.push(key);
  collectPaths((value as Entity)[key as string], path, at + 1, paths, current);
  current.pop();
}

/** Non-null objects at `path` under `data`, in response order. */
export function entitiesAt(data: unknown, path: PlanPath): Entity[] {
  const entities: Entity[] = [];
  collect(data, path, 0, entities);
  return entities;
}

/** The response path of each object `entitiesAt` returns, index for index. */
export function entityPathsAt(data: unknown, path: PlanPath): ResponsePath[] {
  const paths: ResponsePath[] = [];
  collectPaths(data, path, 0, paths, []);
  return paths;
}
