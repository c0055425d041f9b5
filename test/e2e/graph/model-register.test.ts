// Defense and the cyber office write about models they do not hold: before a write they check the
// model with Treasury's intake. While Treasury is down such writes are refused, and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NationalSecurityAssessmentRecord } from '../../../subgraphs/defense/data/national-security-records';
import { countRows, onlyError, startGraphSystem, type GraphSystem } from './support/graph-system';

const OPEN = `mutation Open($input: OpenNationalSecurityAssessmentInput!) {
  openNationalSecurityAssessment(input: $input) { id model { id } }
}`;

describe('model checks with Treasury’s intake', () => {
  let graph: GraphSystem;
  let token: string;
  let modelId: string;
  const dueAt = () => new Date(Date.now() + 2 * 24 * 3600 * 1000).toISOString();

  beforeAll(async () => {
    graph = await startGraphSystem('sqlite');
    token = await graph.system.token('defense-analyst');
    const inReview = graph.world.treasury.models.find((m) => !m.withdrawnAt && m.plannedReleaseAt.getTime() > Date.now() + 7 * 24 * 3600 * 1000);
    modelId = inReview!.id;
  });

  afterAll(async () => {
    await graph?.system.close();
  });

  it('opens an assessment of a model Treasury knows', async () => {
    const response = await graph.system.query(OPEN, { token, variables: { input: { modelId, dueAt: dueAt() } } });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toMatchObject({ openNationalSecurityAssessment: { model: { id: modelId } } });
  });

  it('refuses with MODEL_REGISTER_UNAVAILABLE while Treasury is down, and writes nothing', async () => {
    await graph.system.subgraphs.treasury.close();
    const before = await countRows(graph.system, 'defense', NationalSecurityAssessmentRecord);
    const response = await graph.system.query(OPEN, { token, variables: { input: { modelId, dueAt: dueAt() } } });
    expect(onlyError(response).extensions?.code).toBe('MODEL_REGISTER_UNAVAILABLE');
    expect(response.body.data).toEqual({ openNationalSecurityAssessment: null });
    expect(await countRows(graph.system, 'defense', NationalSecurityAssessmentRecord)).toBe(before);
  });
});
