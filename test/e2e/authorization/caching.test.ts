// Caching must never hand one caller another's answer. The gateway prepares each operation once
// per (document, operation, rights over what it involves): callers with different rights get
// their own filtered plan, callers with equal rights share one (counted in the supergraph's
// operation cache), and rows the subgraphs narrow per caller stay per caller, with the optional
// response cache and request sharing on as well.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway } from '../../../gateway/server';
import { postGraphQL, startSystem, type GraphQLResponse, type RunningSystem } from '../../support/start-system';
import { CALLERS, type Caller } from './support/callers';
import { denialsOf } from './support/response-reading';

const QUERY = `query Overview {
  developers(first: 3) { nodes { name commercialTerms } }
  vulnerabilities(first: 20) { nodes { id sector { code } exploitDetails } }
  sectors { code securityFindings(first: 2) { totalCount } }
}`;

/** Callers whose rights over QUERY all differ. */
const DIFFERENT_RIGHTS = ['treasury-analyst', 'cyber-analyst', 'defense-analyst', 'CUI-cleared defense analyst', 'bank-partner', 'auditor'];

const ANOTHER_TREASURY_ANALYST = { sub: 'test:treasury-analyst-2', agency: 'treasury', scope: 'treasury:read treasury:write', clearance: 'cui' };
/** Holds a scope QUERY never mentions: the same rights over it as the treasury analyst. */
const TREASURY_ANALYST_WITH_AUDIT = { ...ANOTHER_TREASURY_ANALYST, sub: 'test:treasury-analyst-3', scope: 'treasury:read treasury:write audit:read' };

interface Answer {
  readonly data: unknown;
  readonly denials: readonly string[];
}

describe('caches and callers', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem({ seed: { scale: 1 } });
  });

  afterAll(async () => {
    await system?.close();
  });

  async function ask(caller: Caller, url = system.gateway.url, query = QUERY): Promise<GraphQLResponse> {
    const headers: Record<string, string> = caller === null ? {} : { authorization: `Bearer ${await system.token(caller)}` };
    return postGraphQL(url, { query }, headers);
  }

  async function answer(caller: Caller, url?: string, query?: string): Promise<Answer> {
    const { status, body } = await ask(caller, url, query);
    expect(status).toBe(200);
    return { data: body.data, denials: denialsOf(body) };
  }

  const cacheSize = () => system.gateway.gateway.supergraph.operations.size;

  it('prepares one plan per set of rights, and gives each caller its own filtered answer however the requests interleave', async () => {
    const first = new Map<string, Answer>();
    for (const name of DIFFERENT_RIGHTS) {
      const before = cacheSize();
      first.set(name, await answer(CALLERS[name]!));
      expect(cacheSize(), `${name} has rights of its own`).toBe(before + 1);
    }
    // Every caller was filtered differently.
    expect(new Set([...first.values()].map((a) => JSON.stringify(a.denials))).size).toBe(DIFFERENT_RIGHTS.length);

    const size = cacheSize();
    for (const round of [DIFFERENT_RIGHTS, [...DIFFERENT_RIGHTS].reverse()]) {
      const answers = await Promise.all(round.map((name) => answer(CALLERS[name]!)));
      round.forEach((name, index) => expect(answers[index], name).toEqual(first.get(name)));
    }
    expect(cacheSize()).toBe(size);
  });

  it('shares the plan between callers with equal rights over the operation (other subjects, scopes it never mentions)', async () => {
    const reference = await answer('treasury-analyst');
    const size = cacheSize();
    expect(await answer(ANOTHER_TREASURY_ANALYST)).toEqual(reference);
    expect(await answer(TREASURY_ANALYST_WITH_AUDIT)).toEqual(reference);
    expect(cacheSize()).toBe(size);
  });

  it("shares the plan between two partners, yet each gets its own sector's rows", async () => {
    const bank = await answer('bank-partner');
    const size = cacheSize();
    const energy = await answer('energy-partner');
    expect(cacheSize()).toBe(size);
    const sectors = (a: Answer) =>
      new Set((a.data as { vulnerabilities: { nodes: Array<{ sector: { code: string } }> } }).vulnerabilities.nodes.map((v) => v.sector.code));
    expect(sectors(bank)).toEqual(new Set(['FINANCIAL_SERVICES']));
    expect(sectors(energy)).toEqual(new Set(['ENERGY']));
  });

  describe('with the response cache and sharing of identical requests on', () => {
    let cached: RunningGateway;

    beforeAll(async () => {
      const config = system.gatewayConfig;
      cached = await startGateway({
        ...config,
        port: 0,
        caching: { responseCacheTtlMs: 60_000, responseCacheSize: 100, shareIdenticalRequests: true },
        audit: { ...config.audit, file: path.join(system.dataDir, 'cached-audit.jsonl') },
      });
    });

    afterAll(async () => {
      await cached?.close();
    });

    it("never serves one caller another caller's cached or shared answer", async () => {
      const callers = [...DIFFERENT_RIGHTS, 'energy-partner'];
      const expected = new Map<string, Answer>();
      for (const name of callers) expected.set(name, await answer(CALLERS[name]!));
      // Twice each, all at once, in mixed order: some are answered from the cache, some shared.
      const order = [...callers, ...callers.slice().reverse()];
      const answers = await Promise.all(order.map((name) => answer(CALLERS[name]!, cached.url)));
      order.forEach((name, index) => expect(answers[index], name).toEqual(expected.get(name)));
    });
  });
});
