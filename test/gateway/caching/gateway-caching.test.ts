// The optional response cache and sharing of identical requests, through the real gateway and
// subgraphs: a repeated request of the same caller is answered without the subgraphs, and callers
// the subgraphs answer differently never get each other's answers, even when the gateway's own
// authorization context is the same for both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAS } from '../../../gateway/identity/personas';
import { startSystem, type RunningSystem } from '../../support/start-system';
import { databaseKinds } from '../../support/test-database';

const AGENCIES = ['treasury', 'defense', 'cyber'] as const;
const MODELS = '{ models(first: 50) { totalCount nodes { id name } } }';

describe.each(databaseKinds())('response cache and shared requests (%s)', (database) => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem({
      database,
      seed: { scale: 1 },
      gatewayFlags: { 'response-cache-ttl-ms': '60000', 'share-identical-requests': 'on' },
    });
  }, 120_000);

  afterAll(async () => {
    await system?.close();
  });

  const statements = () => AGENCIES.reduce((sum, agency) => sum + system.statements(agency), 0);

  it('answers a repeated request of the same caller from the cache, with a fresh token too', async () => {
    const first = await system.query(MODELS, { token: await system.token('treasury-analyst') });
    const before = statements();
    // Another token of the same caller: only its lifetime claims differ.
    const again = await system.query(MODELS, { token: await system.token({ ...PERSONAS['treasury-analyst']!.claims, jti: 'another-token' }) });
    expect(statements()).toBe(before);
    expect(again.body.data).toEqual(first.body.data);
  });

  it('runs identical requests in flight once', async () => {
    const token = await system.token('defense-analyst');
    const query = '{ models(first: 7) { nodes { id nationalSecurityPriority } } }';
    const before = statements();
    const answers = await Promise.all(Array.from({ length: 5 }, () => system.query(query, { token })));
    const once = statements() - before;
    for (const answer of answers) expect(answer.body).toEqual(answers[0]!.body);
    const alone = statements();
    await system.query(query.replace('first: 7', 'first: 8'), { token });
    expect(once).toBe(statements() - alone);
  });

  it('never gives a partner another partner\'s answer, though the gateway grants both the same', async () => {
    const energy = await system.query(MODELS, { token: await system.token('energy-partner') });
    const before = statements();
    const bank = await system.query(MODELS, { token: await system.token('bank-partner') });
    expect(statements()).toBeGreaterThan(before);
    expect(bank.body.data).not.toEqual(energy.body.data);
    // The same partner organisation in another sector is another caller for the subgraphs.
    const beforeSector = statements();
    await system.query(MODELS, { token: await system.token({ ...PERSONAS['energy-partner']!.claims, sector: 'WATER' }) });
    expect(statements()).toBeGreaterThan(beforeSector);
  });

  it('runs a mutation every time', async () => {
    const token = await system.token('cyber-analyst');
    const lookup = await system.query('{ models(first: 1) { nodes { id } } sectors { code } }', { token });
    const data = lookup.body.data as { models: { nodes: Array<{ id: string }> }; sectors: Array<{ code: string }> };
    const input = {
      sectorCode: data.sectors[0]!.code,
      modelId: data.models.nodes[0]!.id,
      title: 'Prompt injection through retrieved documents',
      description: 'Instructions hidden in retrieved pages are followed.',
      severity: 'HIGH',
      cvssScore: 7.5,
      affectedSystems: ['retrieval'],
      exploitDetails: 'Embed instructions in a page the model retrieves.',
    };
    const mutation = 'mutation Report($input: ReportVulnerabilityInput!) { reportVulnerability(input: $input) { id title } }';
    const first = await system.query(mutation, { token, variables: { input } });
    const second = await system.query(mutation, { token, variables: { input } });
    expect(first.body.errors).toBeUndefined();
    expect(second.body.errors).toBeUndefined();
    const ids = [first, second].map((answer) => (answer.body.data as { reportVulnerability: { id: string } }).reportVulnerability.id);
    expect(new Set(ids).size).toBe(2);
  });
});
