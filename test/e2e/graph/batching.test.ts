// Batching across the federated graph: a page of models with fields of the three agencies,
// to-many lists included, costs one request to each subgraph per step of the query plan and a
// fixed number of SQL statements per subgraph, whether the page holds 10 models or 50.
import { parse } from 'graphql';
import type { PlanNode, QueryPlan } from '@apollo/query-planner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgencyName } from '../../../subgraphs/kit/agency-subgraph';
import type { World } from '../../../scripts/seed/world';
import type { RunningSystem } from '../../support/start-system';
import { databaseKinds } from '../../support/test-database';
import { AGENCY_NAMES, dataOf, requestsPerSubgraph, startGraphSystem, type Json } from './support/graph-system';
import { sortedBy } from './support/world-rules';

const MODELS_FROM_THREE_AGENCIES = /* GraphQL */ `
  query ModelsFromThreeAgencies($first: Int!) {
    models(first: $first) {
      nodes {
        id name capabilities
        developer { id name }
        nationalSecurityPriority
        financialStabilityAssessments(first: 10) { nodes { id status findings(first: 10) { nodes { id severity } } } }
        nationalSecurityAssessments(first: 10) { totalCount nodes { id status findings(first: 10) { nodes { id title sector { code name } } } } }
        infrastructureImpactAssessments(first: 10) { nodes { id status sector { code name } } }
        vulnerabilitiesFound(first: 10) { totalCount nodes { id title sector { code name } discoveredBy { id name } } }
      }
    }
  }
`;

/**
 * The plan: treasury's page of models; then, side by side, the cyber office's entity fetch
 * (assessments, vulnerabilities) followed by treasury's for the discovering models' names, and
 * Defense's entity fetch (priority, assessments) followed by the cyber office's for the findings'
 * sector names.
 */
const FETCHES_PER_SUBGRAPH: Record<AgencyName, number> = { treasury: 2, defense: 1, cyber: 2 };

/**
 * Treasury: models page, developers, financial assessments, their findings, discovering models.
 * Defense: security assessments, their count, their findings.
 * Cyber: infrastructure assessments, vulnerabilities, their count, and the sectors (read whole
 * once per request: one statement for each of its two requests).
 */
const STATEMENTS_PER_SUBGRAPH: Record<AgencyName, number> = { treasury: 5, defense: 3, cyber: 5 };

function fetchesPerService(plan: QueryPlan): Record<string, number> {
  const counts: Record<string, number> = {};
  const visit = (node: QueryPlan['node'] | PlanNode): void => {
    if (!node) return;
    switch (node.kind) {
      case 'Fetch':
        counts[node.serviceName] = (counts[node.serviceName] ?? 0) + 1;
        return;
      case 'Sequence':
      case 'Parallel':
        node.nodes.forEach(visit);
        return;
      case 'Flatten':
        visit(node.node);
        return;
      default:
        throw new Error(`unexpected plan node ${node.kind}`);
    }
  };
  visit(plan.node);
  return counts;
}

describe.each(databaseKinds())('batching on %s', (database) => {
  let system: RunningSystem;
  let world: World;
  let token: string;

  beforeAll(async () => {
    ({ system, world } = await startGraphSystem(database));
    token = await system.token('defense-analyst');
  });

  afterAll(async () => {
    await system?.close();
  });

  function statements(): Record<AgencyName, number> {
    return Object.fromEntries(AGENCY_NAMES.map((agency) => [agency, system.statements(agency)])) as Record<AgencyName, number>;
  }

  /** Runs the query for a page of `first` models; returns its data and what it cost each subgraph. */
  async function measure(first: number) {
    const requestsBefore = await requestsPerSubgraph(system);
    const statementsBefore = statements();
    const data = dataOf(await system.query(MODELS_FROM_THREE_AGENCIES, { token, variables: { first } }));
    const requestsAfter = await requestsPerSubgraph(system);
    const statementsAfter = statements();
    const delta = (after: Record<AgencyName, number>, before: Record<AgencyName, number>) =>
      Object.fromEntries(AGENCY_NAMES.map((agency) => [agency, after[agency] - before[agency]]));
    return { models: data.models.nodes as Json[], requests: delta(requestsAfter, requestsBefore), statements: delta(statementsAfter, statementsBefore) };
  }

  it('plans one fetch from Treasury and Defense and two from the cyber office and Treasury, in three steps', () => {
    const plan = system.gateway.gateway.supergraph.planner.planOperation(parse(MODELS_FROM_THREE_AGENCIES), 'ModelsFromThreeAgencies');
    expect(fetchesPerService(plan)).toEqual(FETCHES_PER_SUBGRAPH);
  });

  it('sends one request to each subgraph per plan step for 50 models, and a fixed number of SQL statements', async () => {
    const { models, requests, statements: sql } = await measure(50);
    expect(models).toHaveLength(50);
    // The page really fans out: every list of every model is there.
    const vulnerabilities = models.reduce((sum, model) => sum + model.vulnerabilitiesFound.nodes.length, 0);
    const infrastructure = models.reduce((sum, model) => sum + model.infrastructureImpactAssessments.nodes.length, 0);
    const ids = new Set(models.map((model) => model.id as string));
    expect(vulnerabilities).toBe(world.cyber.vulnerabilities.filter((v) => ids.has(v.modelId)).length);
    expect(infrastructure).toBe(world.cyber.assessments.filter((a) => ids.has(a.modelId)).length);
    expect(vulnerabilities + infrastructure).toBeGreaterThan(100);
    expect(models.map((model) => model.id)).toEqual(sortedBy(world.treasury.models, (m) => m.submittedAt, 'DESC').slice(0, 50).map((m) => m.id));

    expect(requests).toEqual(FETCHES_PER_SUBGRAPH);
    expect(sql).toEqual(STATEMENTS_PER_SUBGRAPH);
  });

  it('costs the same requests and statements for 10 models as for 50', async () => {
    const ten = await measure(10);
    const fifty = await measure(50);
    expect(ten.models).toHaveLength(10);
    expect(ten.requests).toEqual(FETCHES_PER_SUBGRAPH);
    expect(ten.statements).toEqual(STATEMENTS_PER_SUBGRAPH);
    expect(fifty.requests).toEqual(ten.requests);
    expect(fifty.statements).toEqual(ten.statements);
  });
});
