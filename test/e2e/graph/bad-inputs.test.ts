// Mutations with bad inputs through the gateway: invalid values get BAD_USER_INPUT naming the
// field, state-rule violations CONFLICT, unknown ids NOT_FOUND, and in every case no table of
// any agency changed. Wrong-typed variables never reach a subgraph.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { World } from '../../../scripts/seed/world';
import type { RunningSystem } from '../../support/start-system';
import { databaseKinds } from '../../support/test-database';
import { allRowCounts, dataOf, iso, onlyError, requestsPerSubgraph, startGraphSystem, type GraphQLErrorBody, type Json } from './support/graph-system';
import { ASSESSMENT_KINDS, submitModelInput, type AssessmentKind } from './support/mutation-kinds';
import { participationAt, statusAt } from './support/world-rules';

const DAY_MS = 24 * 3600 * 1000;
const UNKNOWN = 'zz-0000000000';

const SUBMIT = 'mutation Submit($input: SubmitModelInput!) { submitModel(input: $input) { id } }';
const WITHDRAW = 'mutation Withdraw($id: ID!, $reason: String!) { withdrawModel(id: $id, reason: $reason) { id withdrawalReason } }';
const GRANT = 'mutation Grant($input: GrantEarlyAccessInput!) { grantEarlyAccess(input: $input) { id } }';
const REVOKE = 'mutation Revoke($id: ID!) { revokeEarlyAccess(id: $id) { id } }';
const REPORT = 'mutation Report($input: ReportVulnerabilityInput!) { reportVulnerability(input: $input) { id } }';
const ADVANCE = 'mutation Advance($id: ID!, $status: DisclosureStatus!) { advanceDisclosure(id: $id, status: $status) { id } }';

function days(n: number): string {
  return iso(new Date(Date.now() + n * DAY_MS));
}

/** Seeded records in the states the cases need. */
interface Fixtures {
  readonly inReview: { readonly id: string; readonly plannedReleaseAt: Date };
  readonly withdrawn: string;
  readonly released: string;
  readonly developerId: string;
  readonly partnerId: string;
  readonly activeGrant: { readonly id: string; readonly modelId: string; readonly partnerId: string; readonly endsAt: Date };
  readonly revokedGrant: string;
  readonly endedGrant: string;
  readonly vulnerability: { readonly reported: string; readonly mitigated: string };
  readonly assessments: Record<string, { readonly inProgress: string; readonly completed: string; readonly completedSummary: string | null }>;
}

function fixturesOf(world: World): Fixtures {
  const now = new Date();
  const soon = now.getTime() + 7 * DAY_MS;
  const inReview = world.treasury.models.find((m) => participationAt(m, now) === 'IN_REVIEW' && m.plannedReleaseAt.getTime() > soon)!;
  const activeGrant = world.treasury.grants.find((g) => {
    const model = world.treasury.models.find((m) => m.id === g.modelId)!;
    return g.revokedAt === null && g.startsAt < now && g.endsAt.getTime() > soon && participationAt(model, now) === 'IN_REVIEW';
  })!;
  const lists = { treasury: world.treasury.assessments, defense: world.defense.assessments, cyber: world.cyber.assessments };
  const assessments: Fixtures['assessments'] = {};
  for (const [agency, rows] of Object.entries(lists)) {
    const completed = rows.find((a) => statusAt(a, now) === 'COMPLETED')!;
    assessments[agency] = {
      inProgress: rows.find((a) => statusAt(a, now) === 'IN_PROGRESS')!.id,
      completed: completed.id,
      completedSummary: completed.summary,
    };
  }
  return {
    inReview: { id: inReview.id, plannedReleaseAt: inReview.plannedReleaseAt },
    withdrawn: world.treasury.models.find((m) => participationAt(m, now) === 'WITHDRAWN')!.id,
    released: world.treasury.models.find((m) => participationAt(m, now) === 'RELEASED')!.id,
    developerId: world.treasury.developers[0]!.id,
    partnerId: world.treasury.partners.find((p) => p.sectorCode === 'ENERGY')!.id,
    activeGrant: { id: activeGrant.id, modelId: activeGrant.modelId, partnerId: activeGrant.partnerId, endsAt: activeGrant.endsAt },
    revokedGrant: world.treasury.grants.find((g) => g.revokedAt !== null)!.id,
    endedGrant: world.treasury.grants.find((g) => g.revokedAt === null && g.endsAt < now)!.id,
    vulnerability: {
      reported: world.cyber.vulnerabilities.find((v) => v.disclosureStatus === 'REPORTED')!.id,
      mitigated: world.cyber.vulnerabilities.find((v) => v.disclosureStatus === 'MITIGATION_AVAILABLE')!.id,
    },
    assessments,
  };
}

function expectBadInput(error: GraphQLErrorBody, field: string): void {
  expect(error.extensions?.code, JSON.stringify(error)).toBe('BAD_USER_INPUT');
  const invalid = (error.extensions?.invalidFields as Array<{ field: string }> | undefined) ?? [];
  expect([error.extensions?.argument, ...invalid.map((f) => f.field)]).toContain(field);
}

function reportInput(modelId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sectorCode: 'WATER',
    modelId,
    title: 'Hard-coded maintenance password in a pump controller',
    description: 'Any host on the plant network can log in.',
    severity: 'HIGH',
    cvssScore: 8.1,
    affectedSystems: ['Aquaflo PC-20'],
    exploitDetails: 'Log in as maint with the documented password.',
    ...overrides,
  };
}

interface Case {
  readonly persona: string;
  readonly query: string;
  readonly variables: (f: Fixtures, world: World) => Record<string, unknown>;
}

describe.each(databaseKinds())('bad inputs on %s', (database) => {
  let system: RunningSystem;
  let world: World;
  let fixtures: Fixtures;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    ({ system, world } = await startGraphSystem(database));
    fixtures = fixturesOf(world);
    for (const persona of ['treasury-analyst', 'defense-analyst', 'defense-senior-analyst', 'cyber-analyst']) tokens[persona] = await system.token(persona);
  });

  afterAll(async () => {
    await system?.close();
  });

  /** Sends a mutation that must fail with one error, and checks that no table of any agency changed. */
  async function refused({ persona, query, variables }: Case): Promise<GraphQLErrorBody> {
    const before = await allRowCounts(system);
    const response = await system.query(query, { token: tokens[persona], variables: variables(fixtures, world) });
    const error = onlyError(response);
    for (const value of Object.values(response.body.data ?? {})) expect(value).toBeNull();
    expect(await allRowCounts(system)).toEqual(before);
    return error;
  }

  describe('invalid values get BAD_USER_INPUT naming the field', () => {
    const treasury = 'treasury-analyst';
    const cases: Array<[string, string, Case]> = [
      ['submitModel with a malformed developer id', 'developerId', { persona: treasury, query: SUBMIT, variables: (_, w) => ({ input: submitModelInput(w, { developerId: 'not an id!' }) }) }],
      ['submitModel with an empty name', 'name', { persona: treasury, query: SUBMIT, variables: (_, w) => ({ input: submitModelInput(w, { name: '' }) }) }],
      ['submitModel with a name of 201 characters', 'name', { persona: treasury, query: SUBMIT, variables: (_, w) => ({ input: submitModelInput(w, { name: 'n'.repeat(201) }) }) }],
      ['submitModel with a version of 51 characters', 'version', { persona: treasury, query: SUBMIT, variables: (_, w) => ({ input: submitModelInput(w, { version: '1'.repeat(51) }) }) }],
      ['submitModel with no capability', 'capabilities', { persona: treasury, query: SUBMIT, variables: (_, w) => ({ input: submitModelInput(w, { capabilities: [] }) }) }],
      ['submitModel with a repeated capability', 'capabilities', { persona: treasury, query: SUBMIT, variables: (_, w) => ({ input: submitModelInput(w, { capabilities: ['CODE_GENERATION', 'CODE_GENERATION'] }) }) }],
      ['submitModel with an unknown sector code', 'sectorCodes', { persona: treasury, query: SUBMIT, variables: (_, w) => ({ input: submitModelInput(w, { sectorCodes: ['ENERGY', 'ATLANTIS'] }) }) }],
      ['submitModel with a malformed sector code', 'sectorCodes', { persona: treasury, query: SUBMIT, variables: (_, w) => ({ input: submitModelInput(w, { sectorCodes: ['energy'] }) }) }],
      ['submitModel with a release in the past', 'plannedReleaseAt', { persona: treasury, query: SUBMIT, variables: (_, w) => ({ input: submitModelInput(w, { plannedReleaseAt: days(-1) }) }) }],
      ['submitModel with a release more than a year away', 'plannedReleaseAt', { persona: treasury, query: SUBMIT, variables: (_, w) => ({ input: submitModelInput(w, { plannedReleaseAt: days(400) }) }) }],
      ['withdrawModel with an empty reason', 'reason', { persona: treasury, query: WITHDRAW, variables: (f) => ({ id: f.inReview.id, reason: '   ' }) }],
      ['withdrawModel with a reason of 2001 characters', 'reason', { persona: treasury, query: WITHDRAW, variables: (f) => ({ id: f.inReview.id, reason: 'r'.repeat(2001) }) }],
      ['grantEarlyAccess with a malformed model id', 'modelId', { persona: treasury, query: GRANT, variables: (f) => ({ input: { modelId: '../model', partnerId: f.partnerId, purpose: 'Test', endsAt: days(3) } }) }],
      ['grantEarlyAccess with an empty purpose', 'purpose', { persona: treasury, query: GRANT, variables: (f) => ({ input: { modelId: f.inReview.id, partnerId: f.partnerId, purpose: '', endsAt: days(3) } }) }],
      ['grantEarlyAccess ending in the past', 'endsAt', { persona: treasury, query: GRANT, variables: (f) => ({ input: { modelId: f.inReview.id, partnerId: f.partnerId, purpose: 'Test', startsAt: days(-3), endsAt: days(-1) } }) }],
      ['grantEarlyAccess ending before it starts', 'endsAt', { persona: treasury, query: GRANT, variables: (f) => ({ input: { modelId: f.inReview.id, partnerId: f.partnerId, purpose: 'Test', startsAt: days(3), endsAt: days(2) } }) }],
      [
        'grantEarlyAccess ending after the release',
        'endsAt',
        { persona: treasury, query: GRANT, variables: (f) => ({ input: { modelId: f.inReview.id, partnerId: f.partnerId, purpose: 'Test', endsAt: iso(new Date(f.inReview.plannedReleaseAt.getTime() + DAY_MS)) } }) },
      ],
      [
        'openFinancialStabilityAssessment due after the release',
        'dueAt',
        { persona: treasury, query: ASSESSMENT_KINDS[0]!.open.mutation, variables: (f) => ({ input: { modelId: f.inReview.id, dueAt: iso(new Date(f.inReview.plannedReleaseAt.getTime() + DAY_MS)) } }) },
      ],
      [
        'completeFinancialStabilityAssessment with a systemic risk score over 100',
        'systemicRiskScore',
        { persona: treasury, query: ASSESSMENT_KINDS[0]!.complete.mutation, variables: (f) => ({ input: { id: f.assessments.treasury!.inProgress, riskLevel: 'LOW', summary: 'Fine', systemicRiskScore: 101 } }) },
      ],
      ['reportVulnerability with a CVSS score over 10', 'cvssScore', { persona: 'cyber-analyst', query: REPORT, variables: (f) => ({ input: reportInput(f.inReview.id, { cvssScore: 10.5 }) }) }],
      ['reportVulnerability with a negative CVSS score', 'cvssScore', { persona: 'cyber-analyst', query: REPORT, variables: (f) => ({ input: reportInput(f.inReview.id, { cvssScore: -0.1 }) }) }],
      ['reportVulnerability with no affected system', 'affectedSystems', { persona: 'cyber-analyst', query: REPORT, variables: (f) => ({ input: reportInput(f.inReview.id, { affectedSystems: [] }) }) }],
      ['reportVulnerability with an empty affected system', 'affectedSystems', { persona: 'cyber-analyst', query: REPORT, variables: (f) => ({ input: reportInput(f.inReview.id, { affectedSystems: ['PLC', ''] }) }) }],
      ['reportVulnerability with 51 affected systems', 'affectedSystems', { persona: 'cyber-analyst', query: REPORT, variables: (f) => ({ input: reportInput(f.inReview.id, { affectedSystems: Array.from({ length: 51 }, (_, i) => `System ${i}`) }) }) }],
      ['reportVulnerability in an unknown sector', 'sectorCode', { persona: 'cyber-analyst', query: REPORT, variables: (f) => ({ input: reportInput(f.inReview.id, { sectorCode: 'ATLANTIS' }) }) }],
      ['reportVulnerability with a malformed sector code', 'sectorCode', { persona: 'cyber-analyst', query: REPORT, variables: (f) => ({ input: reportInput(f.inReview.id, { sectorCode: 'water' }) }) }],
      ['reportVulnerability with a title of 201 characters', 'title', { persona: 'cyber-analyst', query: REPORT, variables: (f) => ({ input: reportInput(f.inReview.id, { title: 't'.repeat(201) }) }) }],
      ['reportVulnerability with empty exploit details', 'exploitDetails', { persona: 'cyber-analyst', query: REPORT, variables: (f) => ({ input: reportInput(f.inReview.id, { exploitDetails: '' }) }) }],
    ];
    for (const kind of ASSESSMENT_KINDS) {
      const open = (f: Fixtures, overrides: Record<string, unknown>) => ({ input: { ...kind.open.input(f.inReview.id, days(3)), ...overrides } });
      const record = (f: Fixtures, overrides: Record<string, unknown>) => ({ input: { ...kind.record.input(f.assessments[kind.agency]!.inProgress), ...overrides } });
      const complete = (f: Fixtures, overrides: Record<string, unknown>) => ({ input: { ...kind.complete.input(f.assessments[kind.agency]!.inProgress), ...overrides } });
      const as = (query: string, variables: Case['variables']): Case => ({ persona: kind.persona, query, variables });
      cases.push(
        [`${kind.open.field} due in the past`, 'dueAt', as(kind.open.mutation, (f) => open(f, { dueAt: days(-1) }))],
        [`${kind.open.field} with a malformed model id`, 'modelId', as(kind.open.mutation, (f) => open(f, { modelId: 'a b' }))],
        [`${kind.open.field} with an empty lead analyst`, 'leadAnalyst', as(kind.open.mutation, (f) => open(f, { leadAnalyst: '' }))],
        [`${kind.record.field} with a title of 201 characters`, 'title', as(kind.record.mutation, (f) => record(f, { title: 't'.repeat(201) }))],
        [`${kind.record.field} with an empty description`, 'description', as(kind.record.mutation, (f) => record(f, { description: '' }))],
        [`${kind.complete.field} with an empty summary`, 'summary', as(kind.complete.mutation, (f) => complete(f, { summary: '' }))],
        [`${kind.complete.field} with a summary of 4001 characters`, 'summary', as(kind.complete.mutation, (f) => complete(f, { summary: 's'.repeat(4001) }))],
        [`${kind.complete.field} with a malformed id`, 'id', as(kind.complete.mutation, (f) => complete(f, { id: 'x'.repeat(41) }))],
      );
    }
    cases.push(
      ['openInfrastructureImpactAssessment in an unknown sector', 'sectorCode', { persona: 'cyber-analyst', query: ASSESSMENT_KINDS[2]!.open.mutation, variables: (f) => ({ input: { modelId: f.inReview.id, dueAt: days(3), sectorCode: 'ATLANTIS' } }) }],
      ['recordSecurityFinding in an unknown sector', 'sectorCode', { persona: 'defense-senior-analyst', query: ASSESSMENT_KINDS[1]!.record.mutation, variables: (f) => ({ input: { ...ASSESSMENT_KINDS[1]!.record.input(f.assessments.defense!.inProgress), sectorCode: 'ATLANTIS' } }) }],
      ['recordSecurityFinding with empty details', 'details', { persona: 'defense-analyst', query: ASSESSMENT_KINDS[1]!.record.mutation, variables: (f) => ({ input: { ...ASSESSMENT_KINDS[1]!.record.input(f.assessments.defense!.inProgress), details: '' } }) }],
      ['recordInfrastructureFinding with an empty mitigation', 'mitigation', { persona: 'cyber-analyst', query: ASSESSMENT_KINDS[2]!.record.mutation, variables: (f) => ({ input: { ...ASSESSMENT_KINDS[2]!.record.input(f.assessments.cyber!.inProgress), mitigation: '' } }) }],
    );

    it.each(cases)('refuses %s (%s)', async (_, field, testCase) => {
      const error = await refused(testCase);
      expectBadInput(error, field);
      expect(error.message.length).toBeGreaterThan(10);
    });

    // Only the subgraph knows DateTime's format: it refuses the variable with HTTP 400 and
    // BAD_USER_INPUT, and the gateway passes that error on.
    it('refuses a release time that is not a date-time with the subgraph\'s BAD_USER_INPUT', async () => {
      const error = await refused({ persona: treasury, query: SUBMIT, variables: (_, w) => ({ input: submitModelInput(w, { plannedReleaseAt: 'next spring' }) }) });
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error.message).toContain('plannedReleaseAt');
    });

    it('writes nothing for a release time that is not a date-time', async () => {
      const error = await refused({ persona: treasury, query: SUBMIT, variables: (_, w) => ({ input: submitModelInput(w, { plannedReleaseAt: 'next spring' }) }) });
      expect(error.extensions?.serviceName).toBe('treasury');
    });
  });

  describe('state-rule violations get CONFLICT', () => {
    it('refuses to withdraw a model twice, keeping the first reason', async () => {
      const { submitModel } = dataOf(await system.query(SUBMIT, { token: tokens['treasury-analyst'], variables: { input: submitModelInput(world) } }));
      dataOf(await system.query(WITHDRAW, { token: tokens['treasury-analyst'], variables: { id: submitModel.id, reason: 'First reason' } }));
      const error = await refused({ persona: 'treasury-analyst', query: WITHDRAW, variables: () => ({ id: submitModel.id, reason: 'Second reason' }) });
      expect(error.extensions?.code).toBe('CONFLICT');
      const read = 'query Read($id: ID!) { model(id: $id) { participation withdrawalReason } }';
      expect(dataOf(await system.query(read, { token: tokens['treasury-analyst'], variables: { id: submitModel.id } })).model).toEqual({ participation: 'WITHDRAWN', withdrawalReason: 'First reason' });
    });

    it('refuses to withdraw a model already released', async () => {
      const error = await refused({ persona: 'treasury-analyst', query: WITHDRAW, variables: (f) => ({ id: f.released, reason: 'Too late' }) });
      expect(error.extensions?.code).toBe('CONFLICT');
      expect(error.message).toContain('released');
    });

    it('refuses a second submission of the same model version by the same developer', async () => {
      const existing = world.treasury.models[0]!;
      const input = submitModelInput(world, { developerId: existing.developerId, name: existing.name, version: existing.version });
      const error = await refused({ persona: 'treasury-analyst', query: SUBMIT, variables: () => ({ input }) });
      expect(error.extensions?.code).toBe('CONFLICT');
      expect(error.message).toContain(`${existing.name} ${existing.version}`);
    });

    it('refuses a grant that overlaps a grant the partner already holds for the model', async () => {
      const error = await refused({
        persona: 'treasury-analyst',
        query: GRANT,
        variables: (f) => ({ input: { modelId: f.activeGrant.modelId, partnerId: f.activeGrant.partnerId, purpose: 'Again', endsAt: iso(f.activeGrant.endsAt) } }),
      });
      expect(error.extensions?.code).toBe('CONFLICT');
    });

    it('refuses a grant for a model that is no longer in review', async () => {
      const error = await refused({ persona: 'treasury-analyst', query: GRANT, variables: (f) => ({ input: { modelId: f.withdrawn, partnerId: f.partnerId, purpose: 'Test', endsAt: days(2) } }) });
      expect(error.extensions?.code).toBe('CONFLICT');
    });

    it('refuses to revoke a grant twice', async () => {
      const error = await refused({ persona: 'treasury-analyst', query: REVOKE, variables: (f) => ({ id: f.revokedGrant }) });
      expect(error.extensions?.code).toBe('CONFLICT');
      expect(error.message).toContain('already revoked');
    });

    it('refuses to revoke a grant that has already ended', async () => {
      const error = await refused({ persona: 'treasury-analyst', query: REVOKE, variables: (f) => ({ id: f.endedGrant }) });
      expect(error.extensions?.code).toBe('CONFLICT');
      expect(error.message).toContain('already ended');
    });

    it('refuses a financial-stability assessment of a model that is no longer in review', async () => {
      const error = await refused({ persona: 'treasury-analyst', query: ASSESSMENT_KINDS[0]!.open.mutation, variables: (f) => ({ input: { modelId: f.released, dueAt: days(3) } }) });
      expect(error.extensions?.code).toBe('CONFLICT');
    });

    it('refuses to move disclosure backwards or to the stage it is at', async () => {
      for (const status of ['REPORTED', 'MITIGATION_AVAILABLE']) {
        const error = await refused({ persona: 'cyber-analyst', query: ADVANCE, variables: (f) => ({ id: f.vulnerability.mitigated, status }) });
        expect(error.extensions?.code).toBe('CONFLICT');
        expect(error.message).toContain('only moves forward');
      }
      const read = 'query Read($id: ID!) { vulnerability(id: $id) { disclosureStatus } }';
      const data = dataOf(await system.query(read, { token: tokens['cyber-analyst'], variables: { id: fixtures.vulnerability.mitigated } }));
      expect(data.vulnerability.disclosureStatus).toBe('MITIGATION_AVAILABLE');
    });

    describe.each(ASSESSMENT_KINDS)('assessments of $agency', (kind: AssessmentKind) => {
      const read = `query Read($id: ID!) { one: ${kind.listField.replace(/s$/, '')}(id: $id) { status summary findings { totalCount } } }`;

      async function current(id: string): Promise<Json> {
        return dataOf(await system.query(read, { token: tokens['defense-senior-analyst'], variables: { id } })).one;
      }

      it('refuses to start an assessment in progress or completed', async () => {
        for (const which of ['inProgress', 'completed'] as const) {
          const error = await refused({ persona: kind.persona, query: kind.start.mutation, variables: (f) => ({ id: f.assessments[kind.agency]![which] }) });
          expect(error.extensions?.code).toBe('CONFLICT');
        }
      });

      it('refuses to complete an assessment twice, keeping the first conclusions', async () => {
        const id = fixtures.assessments[kind.agency]!.completed;
        const before = await current(id);
        const error = await refused({ persona: kind.persona, query: kind.complete.mutation, variables: () => ({ input: kind.complete.input(id) }) });
        expect(error.extensions?.code).toBe('CONFLICT');
        expect(error.message).toContain('already completed');
        expect(await current(id)).toEqual(before);
        expect(before.summary).toBe(fixtures.assessments[kind.agency]!.completedSummary);
      });

      it('refuses a finding for a completed assessment', async () => {
        const error = await refused({ persona: kind.persona, query: kind.record.mutation, variables: (f) => ({ input: kind.record.input(f.assessments[kind.agency]!.completed) }) });
        expect(error.extensions?.code).toBe('CONFLICT');
        expect(error.message).toContain('completed');
      });
    });
  });

  describe('unknown ids get NOT_FOUND', () => {
    const cases: Array<[string, Case]> = [
      ['withdrawModel', { persona: 'treasury-analyst', query: WITHDRAW, variables: () => ({ id: UNKNOWN, reason: 'Gone' }) }],
      ['submitModel for an unknown developer', { persona: 'treasury-analyst', query: SUBMIT, variables: (_, w) => ({ input: submitModelInput(w, { developerId: UNKNOWN }) }) }],
      ['grantEarlyAccess for an unknown model', { persona: 'treasury-analyst', query: GRANT, variables: (f) => ({ input: { modelId: UNKNOWN, partnerId: f.partnerId, purpose: 'Test', endsAt: days(2) } }) }],
      ['grantEarlyAccess to an unknown partner', { persona: 'treasury-analyst', query: GRANT, variables: (f) => ({ input: { modelId: f.inReview.id, partnerId: UNKNOWN, purpose: 'Test', endsAt: days(2) } }) }],
      ['revokeEarlyAccess', { persona: 'treasury-analyst', query: REVOKE, variables: () => ({ id: UNKNOWN }) }],
      ['openFinancialStabilityAssessment of an unknown model', { persona: 'treasury-analyst', query: ASSESSMENT_KINDS[0]!.open.mutation, variables: () => ({ input: { modelId: UNKNOWN, dueAt: days(3) } }) }],
      ['advanceDisclosure', { persona: 'cyber-analyst', query: ADVANCE, variables: () => ({ id: UNKNOWN, status: 'VENDOR_NOTIFIED' }) }],
    ];
    for (const kind of ASSESSMENT_KINDS) {
      cases.push(
        [kind.start.field, { persona: kind.persona, query: kind.start.mutation, variables: () => ({ id: UNKNOWN }) }],
        [kind.complete.field, { persona: kind.persona, query: kind.complete.mutation, variables: () => ({ input: kind.complete.input(UNKNOWN) }) }],
        [kind.record.field, { persona: kind.persona, query: kind.record.mutation, variables: () => ({ input: kind.record.input(UNKNOWN) }) }],
      );
    }

    it.each(cases)('refuses %s', async (_, testCase) => {
      const error = await refused(testCase);
      expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', id: UNKNOWN });
      expect(error.message).toContain(UNKNOWN);
    });

    // Defense and the cyber office keep no model records: they check the model with Treasury's intake.
    it.each([
      ['openNationalSecurityAssessment', { persona: 'defense-analyst', query: ASSESSMENT_KINDS[1]!.open.mutation, variables: () => ({ input: { modelId: UNKNOWN, dueAt: days(3) } }) }],
      ['openInfrastructureImpactAssessment', { persona: 'cyber-analyst', query: ASSESSMENT_KINDS[2]!.open.mutation, variables: () => ({ input: { modelId: UNKNOWN, dueAt: days(3), sectorCode: 'ENERGY' } }) }],
      ['reportVulnerability', { persona: 'cyber-analyst', query: REPORT, variables: () => ({ input: reportInput(UNKNOWN) }) }],
    ] as Array<[string, Case]>)('refuses %s of an unknown model', async (_, testCase) => {
      const error = await refused(testCase);
      expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', id: UNKNOWN });
    });
  });

  describe('the gateway refuses wrong-typed variables before any subgraph sees them', () => {
    it.each([
      ['a string for an Int', 'query Page($first: Int!) { models(first: $first) { totalCount } }', { first: 'ten' }, 'first'],
      ['an unknown enum value', ADVANCE, { id: 'vul-1', status: 'LEAKED' }, 'status'],
      ['an unknown enum value inside an input', REPORT, { input: reportInput('mdl-1', { severity: 'SEVERE' }) }, 'input'],
      ['an input without a required field', SUBMIT, { input: { name: 'No developer' } }, 'input'],
      ['a list where an object is expected', GRANT, { input: ['mdl-1'] }, 'input'],
      ['null for a required variable', REVOKE, { id: null }, 'id'],
    ])('refuses %s', async (_, query, variables, name) => {
      const before = await requestsPerSubgraph(system);
      const rows = await allRowCounts(system);
      const response = await system.query(query, { token: tokens['cyber-analyst'], variables });
      expect(response.status).toBe(400);
      const error = onlyError(response);
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error.message).toContain(`Variable "$${name}"`);
      expect(response.body.data).toBeUndefined();
      expect(await requestsPerSubgraph(system)).toEqual(before);
      expect(await allRowCounts(system)).toEqual(rows);
    });

    it('refuses a literal argument of the wrong type as an invalid document', async () => {
      const before = await requestsPerSubgraph(system);
      const response = await system.query('{ models(first: "ten") { totalCount } }', { token: tokens['cyber-analyst'] });
      expect(response.status).toBe(400);
      expect(onlyError(response).extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(await requestsPerSubgraph(system)).toEqual(before);
    });
  });
});
