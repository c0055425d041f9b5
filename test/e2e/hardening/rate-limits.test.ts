// Rate limits: token buckets per subject, per agency and per client address; in memory, or in
// Redis (127.0.0.1:6379) shared by several gateway replicas; HTTP 429 with Retry-After.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL, startSystem, type GraphQLResponse, type RunningSystem } from '../../support/start-system';
import { startExtraGateway, type ExtraGateway } from './support/extra-gateway';

const QUERY = { query: '{ __typename }' };
// Refilling so slowly that no token comes back during a test.
const SLOW = '0.001';

function ask(gateway: ExtraGateway, token?: string, headers: Record<string, string> = {}): Promise<GraphQLResponse> {
  return postGraphQL(gateway.running.url, QUERY, { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) });
}

async function statuses(requests: Array<Promise<GraphQLResponse>>): Promise<number[]> {
  return (await Promise.all(requests)).map((r) => r.status);
}

describe('rate limits', () => {
  let system: RunningSystem;
  const gateways: ExtraGateway[] = [];

  async function gatewayWith(flags: Record<string, string>): Promise<ExtraGateway> {
    const gateway = await startExtraGateway(system, { flags: { 'rate-limit': 'on', ...flags } });
    gateways.push(gateway);
    return gateway;
  }

  beforeAll(async () => {
    system = await startSystem();
  });

  afterAll(async () => {
    for (const gateway of gateways) await gateway.running.close();
    await system?.close();
  });

  describe('in memory', () => {
    let gateway: ExtraGateway;

    beforeAll(async () => {
      gateway = await gatewayWith({
        'rate-limit-subject-burst': '3',
        'rate-limit-subject-per-second': SLOW,
        'rate-limit-agency-burst': '5',
        'rate-limit-agency-per-second': SLOW,
        'rate-limit-anonymous-burst': '2',
        'rate-limit-anonymous-per-second': SLOW,
        'trust-proxy': 'on',
      });
    });

    it('refuses a subject past its burst with 429, Retry-After and RATE_LIMITED', async () => {
      const token = await system.token({ sub: 'rate:cyber-1', agency: 'cyber', scope: 'cyber:read' });
      expect(await statuses([ask(gateway, token), ask(gateway, token), ask(gateway, token)])).toEqual([200, 200, 200]);
      const refused = await ask(gateway, token);
      expect(refused.status).toBe(429);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(refused.body.errors?.[0]?.extensions?.retryAfterSeconds).toBe(retryAfter);
      expect(refused.headers.get('x-request-id')).toBeTruthy();
    });

    it('shares one agency bucket between the agency\'s subjects', async () => {
      const first = await system.token({ sub: 'rate:treasury-1', agency: 'treasury', scope: 'treasury:read' });
      const second = await system.token({ sub: 'rate:treasury-2', agency: 'treasury', scope: 'treasury:read' });
      expect(await statuses([ask(gateway, first), ask(gateway, first), ask(gateway, first)])).toEqual([200, 200, 200]);
      expect((await ask(gateway, second)).status).toBe(200);
      expect((await ask(gateway, second)).status).toBe(200);
      // The second subject has a token left, the agency has none.
      const refused = await ask(gateway, second);
      expect(refused.status).toBe(429);
      expect(refused.body.errors?.[0]?.message).toContain('agency');
    });

    it('limits anonymous callers and refused tokens per client address', async () => {
      const from = (address: string) => ({ 'x-forwarded-for': `203.0.113.9, ${address}` });
      expect(await statuses([ask(gateway, undefined, from('198.51.100.1')), ask(gateway, undefined, from('198.51.100.1'))])).toEqual([200, 200]);
      expect((await ask(gateway, undefined, from('198.51.100.1'))).status).toBe(429);
      // Another address has its own bucket; a bad token counts against it too.
      expect((await ask(gateway, 'not-a-token', from('198.51.100.2'))).status).toBe(401);
      expect((await ask(gateway, undefined, from('198.51.100.2'))).status).toBe(200);
      expect((await ask(gateway, 'not-a-token', from('198.51.100.2'))).status).toBe(429);
    });
  });

  describe('in Redis, shared by replicas', () => {
    it('lets exactly the burst through when two gateways share one bucket under concurrent requests', async () => {
      const flags = {
        'redis-url': 'redis://127.0.0.1:6379',
        'rate-limit-prefix': `accord-test:${randomUUID()}`,
        'rate-limit-subject-burst': '6',
        'rate-limit-subject-per-second': SLOW,
      };
      const [a, b] = [await gatewayWith(flags), await gatewayWith(flags)];
      const token = await system.token({ sub: 'rate:shared', agency: 'defense', scope: 'defense:read' });
      const answers = await statuses(Array.from({ length: 16 }, (_, i) => ask(i % 2 ? a : b, token)));
      expect(answers.filter((s) => s === 200)).toHaveLength(6);
      expect(answers.filter((s) => s === 429)).toHaveLength(10);
      // Another subject has its own bucket.
      expect((await ask(a, await system.token({ sub: 'rate:other', agency: 'defense' }))).status).toBe(200);
    });

    it('limits each replica in memory while Redis cannot be reached', async () => {
      const gateway = await gatewayWith({ 'redis-url': 'redis://127.0.0.1:1', 'rate-limit-subject-burst': '2', 'rate-limit-subject-per-second': SLOW });
      const token = await system.token({ sub: 'rate:no-redis', agency: 'cyber' });
      // Concurrent requests reach the limiter in no fixed order: two pass, one is refused.
      const answers = await statuses([ask(gateway, token), ask(gateway, token), ask(gateway, token)]);
      expect(answers.sort()).toEqual([200, 200, 429]);
    });
  });
});
