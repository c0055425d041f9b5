// A subgraph that is down, slow or talks nonsense costs the response only what that subgraph
// would have filled: one error for the failed fetch, with a code, and the rest of the data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSubgraphServer } from '../../../scripts/bench/public-workload/subgraph-server';
import { composeFeatureSupergraph, startFeatureSubgraphs } from './support/feature-subgraphs';
import { startGateways, wire } from './support/gateways';
import { deadUrl, startMisbehavingSubgraph, type Misbehaviour } from './support/misbehaving-subgraph';

const PRICES = `{ items { id title ... on Book { price } ... on Film { price } } }`;
const TITLES_WITHOUT_PRICES = [
  { id: 'b1', title: 'Dune', price: null },
  { id: 'f1', title: 'Stalker', price: null },
  { id: 'b2', title: 'Solaris', price: null },
  { id: 'b1', title: 'Dune', price: null },
  { id: 'f2', title: 'Alien', price: null },
  { id: 'b3', title: 'Ubik', price: null },
];

describe('subgraph failures', () => {
  let subgraphs: RunningSubgraphServer;
  let supergraphSdl: string;

  beforeAll(async () => {
    subgraphs = await startFeatureSubgraphs();
    supergraphSdl = composeFeatureSupergraph(subgraphs.url);
  });
  afterAll(() => subgraphs.close());

  async function withPricing<T>(url: string, run: (g: ReturnType<typeof startGateways>) => Promise<T>): Promise<T> {
    const gateways = startGateways(supergraphSdl, { pricing: url });
    try {
      return await run(gateways);
    } finally {
      gateways.close();
    }
  }

  it('reports a subgraph nothing listens on as unavailable and returns the other subgraphs data', async () => {
    const url = await deadUrl();
    const response = wire((await withPricing(url, (g) => g.accord(PRICES))).response);
    expect(response).toEqual({
      errors: [
        {
          message: expect.stringContaining('Subgraph "pricing" is unavailable (ECONNREFUSED)'),
          extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'pricing' },
        },
      ],
      data: { items: TITLES_WITHOUT_PRICES },
    });
  });

  it('propagates the nulls a dead subgraph leaves in non-null fields', async () => {
    const url = await deadUrl();
    const response = wire(
      (
        await withPricing(url, (g) =>
          g.accord(`{ b1: book(id: "b1") { title shippingCost } b2: book(id: "b2") { title } items { id ... on Book { shippingCost } } }`),
        )
      ).response,
    );
    // items is [Item!]!: a book without its shippingCost (Int!) nulls the whole response. Both
    // pricing fetches ask the same and went out as one request: one error.
    expect(response.data).toBeNull();
    expect(response.errors).toEqual([
      expect.objectContaining({ extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'pricing' } }),
    ]);
    const partial = wire(
      (await withPricing(url, (g) => g.accord(`{ b1: book(id: "b1") { title shippingCost } b2: book(id: "b2") { title } }`))).response,
    );
    expect(partial.data).toEqual({ b1: null, b2: { title: 'Solaris' } });
  });

  it('gives up on a subgraph that does not answer in time', async () => {
    const slow = await startMisbehavingSubgraph('hang');
    try {
      const gateways = startGateways(supergraphSdl, { pricing: `${slow.url}/pricing` });
      const outcome = await gateways.accord(PRICES, { timeoutMs: 500 });
      gateways.close();
      expect(wire(outcome.response)).toEqual({
        errors: [
          {
            message: 'Subgraph "pricing" did not answer within 500 ms',
            extensions: { code: 'SUBGRAPH_TIMEOUT', serviceName: 'pricing' },
          },
        ],
        data: { items: TITLES_WITHOUT_PRICES },
      });
      expect(slow.headers).toHaveLength(1);
    } finally {
      await slow.close();
    }
  });

  it('stops waiting when the execution is aborted', async () => {
    const slow = await startMisbehavingSubgraph('hang');
    const gateways = startGateways(supergraphSdl, { pricing: `${slow.url}/pricing` });
    try {
      const controller = new AbortController();
      const running = gateways.accord(PRICES, { signal: controller.signal });
      while (slow.headers.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      controller.abort();
      const response = wire((await running).response);
      expect(response.errors).toEqual([
        {
          message: 'Request to subgraph "pricing" was aborted',
          extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'pricing' },
        },
      ]);
      expect(response.data).toEqual({ items: TITLES_WITHOUT_PRICES });
    } finally {
      gateways.close();
      await slow.close();
    }
  });

  const badResponses: Array<[Misbehaviour, string]> = [
    ['non-json', 'the body is not JSON: <html><body>Bad gateway</body></html>'],
    ['status-503', 'HTTP status 503: {"errors":[{"message":"overloaded"}]}'],
    ['data-is-a-list', '"data" is not an object'],
    ['wrong-entity-count', 'expected "data._entities" to be a list of 5 elements'],
  ];
  for (const [behaviour, reason] of badResponses) {
    it(`reports a bad response (${behaviour}) once, with the reason`, async () => {
      const bad = await startMisbehavingSubgraph(behaviour);
      try {
        const response = wire((await withPricing(`${bad.url}/pricing`, (g) => g.accord(PRICES))).response);
        expect(response).toEqual({
          errors: [
            {
              message: `Subgraph "pricing" sent an invalid response: ${reason}`,
              extensions: { code: 'SUBGRAPH_BAD_RESPONSE', serviceName: 'pricing' },
            },
          ],
          data: { items: TITLES_WITHOUT_PRICES },
        });
      } finally {
        await bad.close();
      }
    });
  }

  it('reports a connection dropped in the middle of an answer as unavailable', async () => {
    const dropping = await startMisbehavingSubgraph('drop-mid-body');
    try {
      const response = wire((await withPricing(`${dropping.url}/pricing`, (g) => g.accord(PRICES))).response);
      expect(response.errors).toEqual([
        expect.objectContaining({ extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'pricing' } }),
      ]);
      expect(response.data).toEqual({ items: TITLES_WITHOUT_PRICES });
    } finally {
      await dropping.close();
    }
  });

  it('refuses an answer larger than allowed', async () => {
    const gateways = startGateways(supergraphSdl, {}, { maxResponseBytes: 200 });
    try {
      const response = wire((await gateways.accord(`{ book(id: "b1") { title } items { id title } }`)).response);
      expect(response).toEqual({
        errors: [
          {
            message: 'Subgraph "catalog" sent more than 200 bytes',
            extensions: { code: 'SUBGRAPH_BAD_RESPONSE', serviceName: 'catalog' },
          },
        ],
        data: null,
      });
    } finally {
      gateways.close();
    }
  });

  it('reports a request Node refuses to send (an invalid header value) without throwing', async () => {
    const gateways = startGateways(supergraphSdl);
    try {
      const outcome = await gateways.accord(`{ book(id: "b1") { title } }`, { headersFor: () => ({ 'x-token': 'line\nbreak' }) });
      expect(wire(outcome.response)).toEqual({
        errors: [
          {
            message: expect.stringContaining('Subgraph "catalog" is unavailable (the request could not be sent:'),
            extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'catalog' },
          },
        ],
        data: { book: null },
      });
    } finally {
      gateways.close();
    }
  });

  it('sends each subgraph the headers the gateway adds for it', async () => {
    const people = await startMisbehavingSubgraph('echo-entities');
    const gateways = startGateways(supergraphSdl, { people: `${people.url}/people` });
    try {
      const outcome = await gateways.accord(`{ topReviews { author { email } } }`, {
        headersFor: (serviceName) => ({ 'x-gateway-token': `token-for-${serviceName}` }),
      });
      expect(wire(outcome.response).errors).toBeUndefined();
      expect(people.headers.map((h) => h['x-gateway-token'])).toEqual(['token-for-people']);
    } finally {
      gateways.close();
      await people.close();
    }
  });
});
