export {
  Executor,
  type ExecutionOutcome,
  type ExecutionResponse,
  type ExecuteOptions,
  type ExecutorOptions,
  type PreparedOperation,
} from './executor';
export type { CompiledPlan } from './compiled-plan';
export type { HeadersFor } from './fetch-context';
export type { OperationShape, ShapeOptions } from './shape-compiler';
export { emptyStats, type ExecutionStats } from './stats';
export { SubgraphClient, type SubgraphCallOptions, type SubgraphCallResult } from './subgraph-client';
export type { SubgraphFailureCode } from './errors';
