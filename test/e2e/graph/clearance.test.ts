// Defense's records carry their own classification. A caller never reads, and never changes,
// an assessment or finding marked above their clearance; nor writes one above it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NationalSecurityAssessmentRecord } from '../../../subgraphs/defense/data/national-security-records';
import { countRows, dataOf, onlyError, startGraphSystem, type GraphSystem, type Json } from './support/graph-system';

const ONE = 'query One($id: ID!) { nationalSecurityAssessment(id: $id) { id classification } }';
const COMPLETE = `mutation Complete($input: CompleteAssessmentInput!) { completeNationalSecurityAssessment(input: $input) { id } }`;
const RECORD = `mutation Record($input: RecordSecurityFindingInput!) {
  recordSecurityFinding(input: $input) { id classification }
}`;
const LEVELS = ['UNCLASSIFIED', 'CUI', 'SECRET', 'TOP_SECRET'];

describe('clearance rules on Defense’s records', () => {
  let graph: GraphSystem;
  let secret: string;

  beforeAll(async () => {
    graph = await startGraphSystem('sqlite');
    secret = await graph.system.token('defense-analyst');
  });

  afterAll(async () => {
    await graph?.system.close();
  });

  const open = (classification: string) =>
    graph.world.defense.assessments.find((a) => a.classification === classification && !a.completedAt && a.dueAt.getTime() > Date.now())!;

  it('never lists an assessment marked above the caller’s clearance', async () => {
    const response = await graph.system.query('{ nationalSecurityAssessments(first: 100) { totalCount nodes { classification } } }', { token: secret });
    const data = dataOf(response);
    expect(data.nationalSecurityAssessments.nodes.map((n: Json) => n.classification)).not.toContain('TOP_SECRET');
    const visible = graph.world.defense.assessments.filter((a) => LEVELS.indexOf(a.classification) <= LEVELS.indexOf('SECRET')).length;
    expect(data.nationalSecurityAssessments.totalCount).toBe(visible);
  });

  it('answers a top-secret assessment by id as null to a secret-cleared analyst', async () => {
    const response = await graph.system.query(ONE, { token: secret, variables: { id: open('TOP_SECRET').id } });
    expect(dataOf(response)).toEqual({ nationalSecurityAssessment: null });
  });

  it('refuses to complete a top-secret assessment for a secret-cleared analyst as NOT_FOUND, and changes nothing', async () => {
    const target = open('TOP_SECRET');
    const response = await graph.system.query(COMPLETE, { token: secret, variables: { input: { id: target.id, riskLevel: 'LOW', summary: 'Nothing found.' } } });
    expect(onlyError(response).extensions?.code).toBe('NOT_FOUND');
    const stored = await graph.system.subgraphs.defense.database.fork().findOneOrFail(NationalSecurityAssessmentRecord, { id: target.id });
    expect(stored.completedAt).toBeNull();
  });

  it('refuses a finding marked above the caller’s clearance with FORBIDDEN, and writes nothing', async () => {
    const before = await countRows(graph.system, 'defense', NationalSecurityAssessmentRecord);
    const response = await graph.system.query(RECORD, {
      token: secret,
      variables: { input: { assessmentId: open('SECRET').id, title: 'Too high', description: 'x', details: 'y', severity: 'HIGH', classification: 'TOP_SECRET' } },
    });
    expect(onlyError(response).extensions?.code).toBe('FORBIDDEN');
    expect(await countRows(graph.system, 'defense', NationalSecurityAssessmentRecord)).toBe(before);
  });

  it('raises an assessment’s own marking to that of a more classified finding recorded on it', async () => {
    const target = open('CUI');
    const response = await graph.system.query(RECORD, {
      token: secret,
      variables: { input: { assessmentId: target.id, title: 'Targeting aid', description: 'x', details: 'y', severity: 'HIGH', classification: 'SECRET' } },
    });
    expect(response.body.errors).toBeUndefined();
    const after = await graph.system.query(ONE, { token: secret, variables: { id: target.id } });
    expect(dataOf(after)).toEqual({ nationalSecurityAssessment: { id: target.id, classification: 'SECRET' } });
  });
});
