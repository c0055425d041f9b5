// A supergraph swap through the real gateway server: a request validated against the old
// supergraph finishes on it while new requests use the new one, and the old one's subgraph
// connections are closed only when its last request has answered.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningGateway } from '../../../gateway/server';
import { gatewayStarter, type GatewayStarter } from '../../support/gateway-starter';
import { postGraphQL } from '../../support/start-system';
import { startGatedSubgraph, type GatedSubgraph } from './support/gated-subgraph';

describe('supergraph swap and drain', () => {
  let subgraph: GatedSubgraph;
  let starter: GatewayStarter;
  let running: RunningGateway;

  beforeAll(async () => {
    subgraph = await startGatedSubgraph();
    starter = await gatewayStarter('drain');
    running = await starter.start({
      supergraphSdl: subgraph.supergraphWithout('added'),
      flags: { 'supergraph-poll-ms': '0' },
    });
  });

  afterAll(async () => {
    subgraph?.open();
    await starter?.close();
    await subgraph?.close();
  });

  it('finishes a request in flight on the old supergraph, serves new ones from the new one, then closes the old one', async () => {
    const old = running.gateway.supergraph;
    const closeOld = vi.spyOn(old, 'close');
    const held = postGraphQL(running.url, { query: '{ slow }' });
    await vi.waitFor(() => expect(subgraph.waiting()).toBe(1));

    const next = running.gateway.update(subgraph.supergraphWithout());
    expect(running.gateway.requestsInFlight()).toEqual([
      { supergraph: next.id, requests: 0, draining: false },
      { supergraph: old.id, requests: 1, draining: true },
    ]);
    const added = await postGraphQL(running.url, { query: '{ added }' });
    expect(added.body).toMatchObject({ data: { added: 'added' } });
    // A request the old schema would have refused is not counted against it either.
    const refused = await postGraphQL(running.url, { query: '{ nope }' });
    expect(refused.status).toBe(400);
    expect(closeOld).not.toHaveBeenCalled();

    subgraph.open();
    const answer = await held;
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ data: { slow: 'slow' } });
    expect(answer.body.errors).toBeUndefined();
    await vi.waitFor(() => expect(closeOld).toHaveBeenCalledTimes(1));
    expect(running.gateway.requestsInFlight()).toEqual([{ supergraph: next.id, requests: 0, draining: false }]);
  });

  it('closes a replaced supergraph at once when no request is using it', () => {
    const old = running.gateway.supergraph;
    const closeOld = vi.spyOn(old, 'close');
    running.gateway.update(subgraph.supergraphWithout('hello'));
    expect(closeOld).toHaveBeenCalledTimes(1);
  });

  it('keeps the current supergraph when a new one cannot be built', () => {
    const current = running.gateway.supergraph;
    expect(() => running.gateway.update('type Query { hello: String }')).toThrow(/supergraph/i);
    expect(running.gateway.supergraph).toBe(current);
  });
});
