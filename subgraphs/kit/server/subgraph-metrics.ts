// Prometheus metrics of one subgraph process: requests and SQL statements.
import { Counter, Registry, collectDefaultMetrics } from 'prom-client';
import type { StatementCounter } from '../orm/statement-counter';

export interface SubgraphMetrics {
  readonly registry: Registry;
  readonly requests: Counter<'outcome'>;
}

export function createSubgraphMetrics(agency: string, statements: StatementCounter): SubgraphMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ subgraph: agency });
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'accord_subgraph_requests_total',
    help: 'GraphQL requests answered, by outcome (ok, error).',
    labelNames: ['outcome'],
    registers: [registry],
  });
  new Counter({
    name: 'accord_subgraph_sql_statements_total',
    help: 'SQL statements sent to the database, as counted by the ORM logger.',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(statements.total);
    },
  });
  return { registry, requests };
}
