// Accord against Apollo Gateway's executeQueryPlan, operation by operation, over subgraphs that
// exercise the features the benchmark does not: the same data (byte for byte, key order
// included), the same errors, the same value-completion report.
import { describe, expect, it } from 'vitest';
import { useFeatureGateways } from './support/feature-suite';
import { wire } from './support/gateways';

interface Case {
  readonly name: string;
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  /** What the response must show, beyond being equal to Apollo Gateway's. */
  readonly check?: (response: ReturnType<typeof wire>) => void;
  /** Requests Accord must send, per subgraph. */
  readonly requests?: Record<string, number>;
  /** Where Accord deliberately differs from Apollo Gateway: replaces the equality of errors. */
  readonly divergence?: (accord: ReturnType<typeof wire>, stock: ReturnType<typeof wire>) => void;
}

const pathsOf = (response: ReturnType<typeof wire>): unknown[] => (response.errors ?? []).map((e) => (e as { path: unknown }).path);

/**
 * Apollo Gateway maps an `_entities` error by representation index into the list of all
 * entities at the fetch's path, films included, so when some entity sent no representation its
 * errors land on the wrong entity. Accord maps each to the entities that sent that representation.
 * Apart from their paths, the errors are the same.
 */
function entityErrorPaths(accordPaths: unknown[], stockPaths: unknown[]) {
  return (accord: ReturnType<typeof wire>, stock: ReturnType<typeof wire>) => {
    expect(pathsOf(accord)).toEqual(accordPaths);
    expect(pathsOf(stock)).toEqual(stockPaths);
    const withoutPaths = (r: ReturnType<typeof wire>) => (r.errors ?? []).map((e) => ({ ...(e as object), path: null }));
    expect(withoutPaths(accord)).toEqual(withoutPaths(stock));
  };
}

const CASES: Case[] = [
  {
    name: 'aliases, including one field under two aliases with different arguments',
    query: `{ first: book(id: "b1") { name: title t2: title id } second: book(id: "b2") { title } items { ... on Book { label: title } } }`,
    check: (r) => expect(r.data).toMatchObject({ first: { name: 'Dune', t2: 'Dune' }, second: { title: 'Solaris' } }),
  },
  {
    name: 'named and inline fragments on an interface, merged with plain fields in selection order',
    query: `query Q { items { __typename ...ItemFields ... on Book { pages format ...Price } ... on Film { minutes price } id } }
            fragment ItemFields on Item { id title }
            fragment Price on Book { price }`,
  },
  {
    name: 'a union with __typename under an alias and members selected by fragments',
    query: `{ media { kind: __typename ... on Book { title tags } ... on Film { title minutes } } }`,
    check: (r) => expect((r.data as { media: unknown[] }).media[1]).toBeNull(),
  },
  {
    name: 'a __typename of a concrete type and of the root',
    query: `{ __typename book(id: "b2") { __typename t: __typename title } }`,
  },
  {
    name: '@skip and @include with variables, defaults and literals, on fields and fragments',
    query: `query Q($withPrice: Boolean!, $skipTitle: Boolean = true, $withReviews: Boolean = false) {
              items {
                id
                title @skip(if: $skipTitle)
                ... on Book @include(if: $withPrice) { price shippingCost }
                ... on Book { reviews @include(if: $withReviews) { body } }
                ... FilmPart @skip(if: false)
              }
            }
            fragment FilmPart on Film { minutes price @include(if: $withPrice) }`,
    variables: { withPrice: true, withReviews: true },
  },
  {
    name: 'the same operation with the other branch of every condition',
    query: `query Q($withPrice: Boolean!, $skipTitle: Boolean = true, $withReviews: Boolean = false) {
              items {
                id
                title @skip(if: $skipTitle)
                ... on Book @include(if: $withPrice) { price shippingCost }
                ... on Book { reviews @include(if: $withReviews) { body } }
              }
            }`,
    variables: { withPrice: false, skipTitle: false },
  },
  {
    name: '@requires through a chain of non-null fields, with duplicate entities',
    query: `{ items { id ... on Book { shippingCost dimensions { width } } } }`,
    check: (r) => expect((r.data as { items: Array<{ shippingCost?: number }> }).items[0].shippingCost).toBe(15 * 23),
  },
  {
    name: '@provides: the author name comes with the review, the email from its own subgraph',
    query: `{ topReviews { id author { name email } book { title price } } }`,
  },
  {
    name: 'nested lists of scalars and of entities resolved in another subgraph',
    query: `{ matrix shelves { id title price reviews { rating } } book(id: "b1") { tags } }`,
  },
  {
    name: 'enums and a custom scalar passed through as they came',
    query: `{ items { ... on Book { format metadata } } }`,
    check: (r) =>
      expect((r.data as { items: Array<{ metadata?: unknown }> }).items[0].metadata).toEqual({
        isbn: '978-0441013593',
        reprints: [1965, 1990],
      }),
  },
  {
    name: 'a subgraph error on a root field, mapped to its path',
    query: `{ broken book(id: "b3") { title } }`,
    check: (r) => expect(r.errors).toMatchObject([{ path: ['broken'], extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'catalog' } }]),
  },
  {
    name: 'a subgraph error in a non-null root field nulls the whole response',
    query: `{ brokenStrict book(id: "b3") { title } }`,
    check: (r) => expect(r.data).toBeNull(),
  },
  {
    name: 'an entity error on a duplicated entity, reported at every path the entity has',
    query: `{ items { id ... on Book { flaky } } }`,
    divergence: entityErrorPaths(
      [['items', 0, 'flaky'], ['items', 3, 'flaky']],
      [['items', 0, 'flaky'], ['items', 2, 'flaky']],
    ),
  },
  {
    name: 'entity fetches of the same fields at two paths, sent as one request, errors mapped to both',
    query: `{ b1: book(id: "b1") { flaky } items { ... on Book { flaky } } }`,
    requests: { catalog: 1, reviews: 1 },
    divergence: entityErrorPaths(
      [['b1', 'flaky'], ['items', 0, 'flaky'], ['items', 3, 'flaky']],
      [['b1', 'flaky'], ['items', 0, 'flaky'], ['items', 2, 'flaky']],
    ),
  },
  {
    name: 'a failing non-null entity field nulls the entity and, through [Item!]!, the list',
    query: `{ items { id ... on Book { priceStrict } } }`,
    check: (r) => expect(r.data).toBeNull(),
    divergence: entityErrorPaths([['items', 5, 'priceStrict']], [['items', 3, 'priceStrict']]),
  },
  {
    name: 'a failing non-null entity field under a nullable parent nulls only that parent',
    query: `{ b3: book(id: "b3") { title priceStrict } b1: book(id: "b1") { title priceStrict } }`,
    check: (r) => expect(r.data).toEqual({ b3: null, b1: { title: 'Dune', priceStrict: 1.5 } }),
  },
  {
    name: 'an invalid enum value from a subgraph, reported as value completion',
    query: `{ badEnum }`,
  },
  {
    name: 'introspection answered locally, next to data',
    query: `query Q($type: String!) {
              __schema { queryType { name } types { name } }
              described: __type(name: $type) { name kind fields { name type { name kind ofType { name } } } }
              book(id: "b1") { title }
            }`,
    variables: { type: 'Book' },
  },
  {
    name: 'a mutation whose result is completed by other subgraphs, run in order',
    query: `mutation M($title: String!) {
              a: rename(id: "b1", title: $title) { title price reviews { rating } }
              b: rename(id: "b2", title: "Two") { id shippingCost }
            }`,
    variables: { title: 'One' },
    check: (r) => expect(r.data).toMatchObject({ a: { title: 'One' }, b: { id: 'b2' } }),
  },
  {
    name: 'an entity interface extended by an @interfaceObject subgraph (representations rewritten to the interface)',
    query: `{ items { id stars } }`,
    check: (r) => expect((r.data as { items: Array<{ stars: unknown }> }).items.map((i) => i.stars)).toEqual([5, 4, 3, 5, 5, null]),
  },
  {
    name: 'objects an @interfaceObject subgraph returns as the interface, completed with their concrete types',
    query: `{ topRated { __typename id stars title ... on Book { pages } ... on Film { minutes } } }`,
    check: (r) => expect((r.data as { topRated: Array<{ __typename: string }> }).topRated.map((i) => i.__typename)).toEqual(['Film', 'Book', 'Book']),
  },
  {
    name: 'an interface field asked by id that is a film',
    query: `{ item(id: "f1") { id title ... on Film { minutes price } ... on Book { pages } } missing: item(id: "zz") { id } }`,
  },
];

describe('Accord executes like Apollo Gateway', () => {
  const suite = useFeatureGateways();

  for (const { name, query, variables, check, requests, divergence } of CASES) {
    it(name, async () => {
      const stock = wire(await suite.gateways.stock(query, variables));
      suite.subgraphs.resetStats();
      const accord = wire((await suite.gateways.accord(query, { variables })).response);
      if (requests) expect(suite.subgraphs.stats().requests).toEqual(requests);
      expect(JSON.stringify(accord.data)).toBe(JSON.stringify(stock.data));
      if (divergence) {
        divergence(accord, stock);
        expect({ ...accord, errors: null }).toEqual({ ...stock, errors: null });
      } else {
        expect(accord).toEqual(stock);
      }
      check?.(accord);
    });
  }
});
