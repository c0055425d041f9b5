// The banner (`extensions.classification`) is the highest classification of the data returned:
// what the schema declares for the fields, raised by the rows' own markings, so a top-secret
// finding is never returned under a SECRET banner.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, startGraphSystem, type GraphSystem, type Json } from './support/graph-system';

const FINDINGS = `{
  nationalSecurityAssessments(first: 100) { nodes { findings(first: 50) { nodes { id classification } } } }
}`;
const ORDER = ['UNCLASSIFIED', 'CUI', 'SECRET', 'TOP_SECRET'];

function markingsOf(data: Json): string[] {
  return data.nationalSecurityAssessments.nodes.flatMap((a: Json) => (a.findings?.nodes ?? []).map((f: Json) => f.classification));
}

function highest(levels: string[]): string {
  return levels.reduce((a, b) => (ORDER.indexOf(b) > ORDER.indexOf(a) ? b : a), 'UNCLASSIFIED');
}

describe('classification banner', () => {
  let graph: GraphSystem;

  beforeAll(async () => {
    graph = await startGraphSystem('sqlite');
  });

  afterAll(async () => {
    await graph?.system.close();
  });

  it('is TOP_SECRET when a top-secret-cleared analyst receives top-secret findings', async () => {
    const token = await graph.system.token({ sub: 'test:ts', agency: 'defense', scope: 'defense:read defense:classified', clearance: 'top_secret' });
    const response = await graph.system.query(FINDINGS, { token });
    const markings = markingsOf(dataOf(response));
    expect(markings).toContain('TOP_SECRET');
    expect(response.body.extensions?.classification).toBe('TOP_SECRET');
  });

  it('is SECRET for a secret-cleared analyst, who receives no top-secret rows', async () => {
    const response = await graph.system.query(FINDINGS, { token: await graph.system.token('defense-analyst') });
    const markings = markingsOf(dataOf(response));
    expect(markings).not.toContain('TOP_SECRET');
    expect(highest(markings)).toBe('SECRET');
    expect(response.body.extensions?.classification).toBe('SECRET');
  });

  it('follows the rows when they are all below the type’s marking', async () => {
    const token = await graph.system.token({ sub: 'test:cui', agency: 'defense', scope: 'defense:read defense:classified', clearance: 'secret' });
    const response = await graph.system.query(
      `{ nationalSecurityAssessments(first: 5) { nodes { riskLevel } } }`,
      { token },
    );
    // No finding selected: the assessments' own markings (CUI by type, rows up to their findings') decide.
    const levels = await graph.system.query(`{ nationalSecurityAssessments(first: 5) { nodes { classification } } }`, { token });
    const rowHighest = highest(dataOf(levels).nationalSecurityAssessments.nodes.map((n: Json) => n.classification));
    expect(response.body.extensions?.classification).toBe(highest(['CUI', rowHighest]));
  });
});
