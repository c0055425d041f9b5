// One seeded system per suite file, and the data set the seed wrote into it (to compare with),
// plus the few ways the suites look at the system from outside: answers, errors, request
// counters over /metrics, and row counts read through each subgraph's own ORM.
import { expect } from 'vitest';
import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import { AGENCIES } from '../../../../subgraphs/agencies';
import type { AgencyName } from '../../../../subgraphs/kit/agency-subgraph';
import { buildWorld } from '../../../../scripts/seed/build-world';
import type { World } from '../../../../scripts/seed/world';
import { startSystem, type GraphQLResponse, type RunningSystem } from '../../../support/start-system';
import type { DatabaseKind } from '../../../support/test-database';

export const AGENCY_NAMES: readonly AgencyName[] = ['treasury', 'defense', 'cyber'];

export interface GraphSystem {
  readonly system: RunningSystem;
  /** Exactly what the seed wrote. */
  readonly world: World;
}

/**
 * Seed times are the anchor plus whole minutes. Anchoring half a minute before the suite starts
 * keeps every seeded time at least that far from the moments the suite runs, so whatever the
 * subgraphs derive from their clock (participation, open windows, OVERDUE) reads the same as the
 * expectations the suite derives from the same data set, and one anchor serves the whole file.
 */
export function suiteAnchor(): Date {
  return new Date(Date.now() - 30_000);
}

export async function startGraphSystem(database: DatabaseKind): Promise<GraphSystem> {
  const anchor = suiteAnchor();
  const system = await startSystem({ seed: { scale: 1, anchor }, database });
  return { system, world: buildWorld({ scale: 1, anchor }) };
}

// Responses are JSON; each suite names the shape it reads.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** The data of a response that must have succeeded completely. */
export function dataOf(response: GraphQLResponse): Json {
  expect(response.body.errors, JSON.stringify(response.body.errors)).toBeUndefined();
  expect(response.status).toBe(200);
  return response.body.data;
}

export type GraphQLErrorBody = NonNullable<GraphQLResponse['body']['errors']>[number];

/** The one error of a response that must have failed with exactly one. */
export function onlyError(response: GraphQLResponse): GraphQLErrorBody {
  expect(response.body.errors, JSON.stringify(response.body)).toHaveLength(1);
  return response.body.errors![0]!;
}

/** GraphQL requests a subgraph has answered so far, read from its Prometheus endpoint. */
export async function subgraphRequests(system: RunningSystem, agency: AgencyName): Promise<number> {
  const url = new URL('/metrics', system.subgraphs[agency].url);
  const text = await (await fetch(url)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('accord_subgraph_requests_total{'))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

export async function requestsPerSubgraph(system: RunningSystem): Promise<Record<AgencyName, number>> {
  const [treasury, defense, cyber] = await Promise.all(AGENCY_NAMES.map((agency) => subgraphRequests(system, agency)));
  return { treasury: treasury!, defense: defense!, cyber: cyber! };
}

/** Rows of one table of an agency's database, read through that subgraph's ORM. */
export async function countRows<T extends object>(
  system: RunningSystem,
  agency: AgencyName,
  entity: EntityClass<T>,
  where: FilterQuery<T> = {} as FilterQuery<T>,
): Promise<number> {
  return system.subgraphs[agency].database.fork().count(entity, where);
}

/** Rows of every table of the three databases, by `agency.Entity`. */
export async function allRowCounts(system: RunningSystem): Promise<Record<string, number>> {
  const tables = AGENCY_NAMES.flatMap((agency) => AGENCIES[agency].entities.map((entity) => ({ agency, entity: entity as EntityClass<object> })));
  const counts = await Promise.all(tables.map(({ agency, entity }) => countRows(system, agency, entity)));
  return Object.fromEntries(tables.map(({ agency, entity }, i) => [`${agency}.${entity.name}`, counts[i]!]));
}

export function iso(date: Date): string {
  return date.toISOString();
}
