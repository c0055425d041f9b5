// What execution does with the authorization filter's outcome: the plan comes from the filtered
// document, the response is shaped from the original one, so a removed selection reappears as
// null (with the usual null propagation) and every denial yields an error where it applies.
import type { QueryPlan } from '@apollo/query-planner';
import { describe, expect, it } from 'vitest';
import { useFeatureGateways } from './support/feature-suite';
import { filterByHand, type Removal } from './support/filter-by-hand';
import { wire } from './support/gateways';

const SCOPES = '@requiresScopes(scopes: [["catalog:read"]])';
const NOTHING_TO_PLAN: QueryPlan = { kind: 'QueryPlan', node: undefined };

function unauthorized(path: Array<string | number> | undefined, coordinate: string, rule = SCOPES) {
  return {
    message: 'Unauthorized field or type',
    ...(path ? { path } : {}),
    extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE', coordinate, rule },
  };
}

describe('authorization hooks', () => {
  const suite = useFeatureGateways();

  async function run(query: string, removals: Removal[], tracked?: ReadonlySet<string>) {
    const { original, filtered, removed, denials } = filterByHand(query, removals);
    const { planner, executor } = suite.gateways;
    const plan = filtered ? planner.planOperation(filtered, null) : NOTHING_TO_PLAN;
    const prepared = executor.prepare(plan, original, null, { removed, denials, tracked });
    const outcome = await executor.execute(prepared);
    return { response: wire(outcome.response), returned: outcome.returned };
  }

  it('returns a removed field as null with an error at its path', async () => {
    const { response } = await run(`{ book(id: "b1") { title pages } }`, [
      { at: ['book', 'pages'], coordinate: 'Book.pages', rule: SCOPES },
    ]);
    expect(response).toEqual({
      errors: [unauthorized(['book', 'pages'], 'Book.pages')],
      data: { book: { title: 'Dune', pages: null } },
    });
  });

  it('reports one error per object the removed field would have appeared on', async () => {
    const { response } = await run(`{ items { id ... on Book { pages } } }`, [
      { at: ['items', '... on Book', 'pages'], coordinate: 'Book.pages', rule: SCOPES },
    ]);
    expect(response.errors).toEqual([0, 2, 3, 5].map((i) => unauthorized(['items', i, 'pages'], 'Book.pages')));
    expect(response.data).toEqual({
      items: [
        { id: 'b1', pages: null },
        { id: 'f1' },
        { id: 'b2', pages: null },
        { id: 'b1', pages: null },
        { id: 'f2' },
        { id: 'b3', pages: null },
      ],
    });
  });

  it('nulls a protected key field even though the planner fetched it to join, and propagates the null', async () => {
    const query = `{ topReviews { id book { id title } } }`;
    const { response } = await run(query, [{ at: ['topReviews', 'book', 'id'], coordinate: 'Book.id', rule: '@authenticated' }]);
    // The plan still fetches Book.id (the key that joins reviews to catalog)...
    const { filtered } = filterByHand(query, [{ at: ['topReviews', 'book', 'id'], coordinate: 'Book.id', rule: '@authenticated' }]);
    expect(JSON.stringify(suite.gateways.planner.planOperation(filtered!, null))).toContain('book{__typename id}');
    // ...but the client never sees it: id is ID!, so each book turns null.
    expect(response).toEqual({
      errors: [0, 1, 2, 3].map((i) => unauthorized(['topReviews', i, 'book', 'id'], 'Book.id', '@authenticated')),
      data: { topReviews: ['r1', 'r2', 'r3', 'r4'].map((id) => ({ id, book: null })) },
    });
  });

  it('propagates the null of a removed non-null field to the nearest nullable parent', async () => {
    const { response } = await run(`{ b2: book(id: "b2") { id title } b1: book(id: "b1") { id } }`, [
      { at: ['b2', 'title'], coordinate: 'Book.title', rule: SCOPES },
    ]);
    expect(response).toEqual({
      errors: [unauthorized(['b2', 'title'], 'Book.title')],
      data: { b2: null, b1: { id: 'b1' } },
    });
  });

  it('nulls the fields of a removed fragment spread on objects of its type, unless selected elsewhere', async () => {
    const { response } = await run(`{ items { id title ...BookDetails } } fragment BookDetails on Book { pages title format }`, [
      { at: ['items', '...BookDetails'], coordinate: 'Book', rule: '@policy(policies: [["catalog"]])' },
    ]);
    expect(response.errors).toEqual(
      [0, 2, 3, 5].map((i) => unauthorized(['items', i], 'Book', '@policy(policies: [["catalog"]])')),
    );
    expect(response.data).toEqual({
      items: [
        { id: 'b1', title: 'Dune', pages: null, format: null },
        { id: 'f1', title: 'Stalker' },
        { id: 'b2', title: 'Solaris', pages: null, format: null },
        { id: 'b1', title: 'Dune', pages: null, format: null },
        { id: 'f2', title: 'Alien' },
        { id: 'b3', title: 'Ubik', pages: null, format: null },
      ],
    });
  });

  it('propagates the nulls of a removed inline fragment through non-null fields and lists', async () => {
    const { response } = await run(`{ items { id ... on Film { minutes } } }`, [
      { at: ['items', '... on Film'], coordinate: 'Film', rule: '@authenticated' },
    ]);
    // minutes is Int! and items is [Item!]!: the films, then the list, then the response turn null.
    expect(response).toEqual({
      errors: [unauthorized(['items', 1], 'Film', '@authenticated'), unauthorized(['items', 4], 'Film', '@authenticated')],
      data: null,
    });
  });

  it('still reports a denial that no object met, at the longest path the response holds', async () => {
    const { response } = await run(`{ missing: book(id: "zz") { title pages } emptyShelf { id pages } }`, [
      { at: ['missing', 'pages'], coordinate: 'Book.pages', rule: SCOPES },
      { at: ['emptyShelf', 'pages'], coordinate: 'Book.pages', rule: SCOPES },
    ]);
    expect(response).toEqual({
      errors: [unauthorized(['emptyShelf'], 'Book.pages'), unauthorized(['missing'], 'Book.pages')],
      data: { missing: null, emptyShelf: [] },
    });
  });

  it('answers a wholly removed operation with each root field null and an error for each', async () => {
    const { response } = await run(`{ book(id: "b1") { title } items { id } }`, [
      { at: [], coordinate: 'Query', rule: '@authenticated' },
    ]);
    // items is non-null: its null propagates to the whole response.
    expect(response).toEqual({
      errors: [unauthorized(['book'], 'Query', '@authenticated'), unauthorized(['items'], 'Query', '@authenticated')],
      data: null,
    });
  });

  it('reports the tracked coordinates the response carries non-null values for', async () => {
    const tracked = new Set(['Book.price', 'Film.price', 'Author.email', 'Book.pages', 'Book.priceStrict']);
    const { returned } = await run(`{ items { ... on Book { price } } topReviews { author { email } } }`, [], tracked);
    expect([...returned].sort()).toEqual(['Author.email', 'Book.price']);

    // Removed fields and values lost to null propagation are not returned.
    const { returned: nothing } = await run(
      `{ b3: book(id: "b3") { price priceStrict } b1: book(id: "b1") { pages } }`,
      [{ at: ['b1', 'pages'], coordinate: 'Book.pages', rule: SCOPES }],
      tracked,
    );
    expect([...nothing]).toEqual([]);
  });
});
