// Planning with Apollo's own Supergraph and QueryPlanner: what the planner reads from the
// supergraph, which operations it refuses, and its plan cache.
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { PlanningError } from '../../../gateway/planning/errors';
import { createPlanner } from '../../../gateway/planning/planner';
import { composeFeatureSupergraph } from '../execution/support/feature-subgraphs';

const SUPERGRAPH = composeFeatureSupergraph('http://subgraphs.test');

function planningError(run: () => unknown): PlanningError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PlanningError);
    return error as PlanningError;
  }
  throw new Error('expected a PlanningError');
}

function fetchedServices(plan: unknown): string[] {
  return [...JSON.stringify(plan).matchAll(/"serviceName":"(\w+)"/g)].map((m) => m[1]).sort();
}

describe('the planner', () => {
  it('lists the subgraphs of the supergraph with their URLs, overridden where asked', () => {
    expect(createPlanner(SUPERGRAPH).subgraphs).toEqual([
      { name: 'catalog', url: 'http://subgraphs.test/catalog' },
      { name: 'people', url: 'http://subgraphs.test/people' },
      { name: 'pricing', url: 'http://subgraphs.test/pricing' },
      { name: 'ratings', url: 'http://subgraphs.test/ratings' },
      { name: 'reviews', url: 'http://subgraphs.test/reviews' },
    ]);
    const overridden = createPlanner(SUPERGRAPH, { urlOverrides: { pricing: 'http://127.0.0.1:9/graphql' } });
    expect(overridden.subgraphs.find((s) => s.name === 'pricing')?.url).toBe('http://127.0.0.1:9/graphql');
    expect(planningError(() => createPlanner(SUPERGRAPH, { urlOverrides: { billing: 'http://x' } })).code).toBe('INVALID_SUPERGRAPH');
  });

  it('refuses a supergraph it cannot build, with a code', () => {
    const error = planningError(() => createPlanner('type Query { a: Int }'));
    expect(error.code).toBe('INVALID_SUPERGRAPH');
    expect(error.extensions.code).toBe('INVALID_SUPERGRAPH');
  });

  it('exposes the API schema without the federation machinery', () => {
    const { apiGraphQLSchema, supergraphGraphQLSchema } = createPlanner(SUPERGRAPH);
    expect(apiGraphQLSchema.getType('Book')).toBeDefined();
    expect(apiGraphQLSchema.getType('join__Graph')).toBeUndefined();
    expect(supergraphGraphQLSchema.getType('join__Graph')).toBeDefined();
  });

  it('plans an operation across the subgraphs it needs, picked by name among several', () => {
    const planner = createPlanner(SUPERGRAPH);
    const document = parse(`
      query Titles { items { title } }
      query Prices { items { ... on Book { price shippingCost } } }`);
    expect(fetchedServices(planner.planOperation(document, 'Titles'))).toEqual(['catalog']);
    expect(fetchedServices(planner.planOperation(document, 'Prices'))).toEqual(['catalog', 'pricing']);
    expect(planningError(() => planner.planOperation(document, null)).code).toBe('OPERATION_RESOLUTION_FAILURE');
    expect(planningError(() => planner.planOperation(document, 'Nope')).message).toBe('Unknown operation named "Nope".');
  });

  it('refuses subscriptions and incremental delivery', () => {
    const planner = createPlanner(SUPERGRAPH);
    expect(planningError(() => planner.planOperation(parse('subscription { items { id } }'))).code).toBe(
      'SUBSCRIPTION_NOT_SUPPORTED',
    );
    const deferred = planningError(() => planner.planOperation(parse('{ book(id: "b1") { id ... @defer { title } } }')));
    expect(deferred.code).toBe('DEFER_NOT_SUPPORTED');
    expect(deferred.message).toBe('@defer is not supported by this gateway');
  });

  it('refuses plans that need values from @fromContext', () => {
    const link = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.8", import: ["@key", "@context", "@fromContext", "@external", "@shareable"])`;
    const composed = composeServices([
      {
        name: 'shops',
        url: 'http://shops.test',
        typeDefs: parse(`${link}
          type Query { shop: Shop }
          type Shop @key(fields: "id") @context(name: "shop") { id: ID! currency: String! item: Item @shareable }
          type Item @key(fields: "id") { id: ID! }`),
      },
      {
        name: 'prices',
        url: 'http://prices.test',
        typeDefs: parse(`${link}
          type Shop @key(fields: "id") @context(name: "shop") { id: ID! currency: String! @external item: Item @shareable }
          type Item @key(fields: "id") { id: ID! price(currency: String @fromContext(field: "$shop { currency }")): Int }`),
      },
    ]);
    // Apollo's supergraph check refuses the context spec unless its link is relaxed.
    const relaxed = composed.supergraphSdl!.replace('context/v0.1", for: SECURITY', 'context/v0.1"');
    const planner = createPlanner(relaxed);
    expect(fetchedServices(planner.planOperation(parse('{ shop { currency } }')))).toEqual(['shops']);
    expect(planningError(() => planner.planOperation(parse('{ shop { item { price } } }'))).code).toBe('CONTEXT_NOT_SUPPORTED');
  });

  it('keeps plans by the key it is given, and forgets the least recently used', () => {
    const planner = createPlanner(SUPERGRAPH, { planCacheSize: 2 });
    const titles = parse('{ items { title } }');
    const first = planner.cachedPlan('titles', titles);
    expect(planner.cachedPlan('titles', parse('{ items { id } }'))).toBe(first);
    planner.cachedPlan('ids', parse('{ items { id } }'));
    planner.cachedPlan('titles', titles);
    planner.cachedPlan('prices', parse('{ items { ... on Book { price } } }'));
    expect(planner.cachedPlan('titles', titles)).toBe(first);
    expect(planner.cachedPlan('ids', parse('{ items { id } }'))).not.toBe(first);
  });
});
