export { createPlanner, type Planner, type PlannerOptions } from './planner';
export { LruCache } from './lru-cache';
export { PlanningError, type PlanningErrorCode } from './errors';
export { selectOperation } from './select-operation';
export type { SubgraphEndpoint } from './subgraph-list';
