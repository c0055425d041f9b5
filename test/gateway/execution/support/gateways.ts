// Accord's planner and executor next to Apollo Gateway's executeQueryPlan, over the same
// supergraph and the same running subgraphs, for differential tests.
import { parse } from 'graphql';
import { Executor, type ExecuteOptions, type ExecutionOutcome, type ExecutorOptions } from '../../../../gateway/execution/executor';
import type { ShapeOptions } from '../../../../gateway/execution/shape-compiler';
import { createPlanner, type Planner } from '../../../../gateway/planning/planner';
import { StockExecutor } from '../../../../scripts/bench/public-workload/stock-executor';

export interface Gateways {
  readonly planner: Planner;
  readonly executor: Executor;
  /** Plans (from `plannedQuery` when given, else `query`) and executes with Accord. */
  accord(query: string, options?: AccordRun): Promise<ExecutionOutcome>;
  /** Plans and executes with Apollo Gateway's executeQueryPlan. */
  stock(query: string, variables?: Record<string, unknown>): Promise<unknown>;
  close(): void;
}

export interface AccordRun extends ExecuteOptions, ShapeOptions {
  readonly operationName?: string;
}

export function startGateways(
  supergraphSdl: string,
  urlOverrides: Record<string, string> = {},
  executorOptions: Partial<ExecutorOptions> = {},
): Gateways {
  const planner = createPlanner(supergraphSdl, { urlOverrides });
  const executor = new Executor({
    subgraphs: planner.subgraphs,
    apiSchema: planner.apiGraphQLSchema,
    supergraphSchema: planner.supergraphGraphQLSchema,
    ...executorOptions,
  });
  const stock = new StockExecutor(supergraphSdl);
  return {
    planner,
    executor,
    accord(query, options = {}) {
      const document = parse(query);
      const plan = planner.planOperation(document, options.operationName);
      return executor.execute(executor.prepare(plan, document, options.operationName, options), options);
    },
    stock(query, variables = {}) {
      return stock.execute(stock.prepare(parse(query)), variables);
    },
    close: () => executor.close(),
  };
}

/** A response as a client receives it (errors serialized), with errors in a stable order. */
export function wire(response: unknown): { data?: unknown; errors?: unknown[]; extensions?: unknown } {
  const json = JSON.parse(JSON.stringify(response)) as { data?: unknown; errors?: unknown[]; extensions?: unknown };
  if (json.errors) json.errors.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return json;
}
