// Every mutation through the gateway, by a caller of the owning agency, with its effect read
// back through the gateway (and counted in the agency's database).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { World } from '../../../scripts/seed/world';
import { ModelRecord } from '../../../subgraphs/treasury/data/model-record';
import { EarlyAccessGrantRecord } from '../../../subgraphs/treasury/data/early-access-grant-record';
import { VulnerabilityRecord } from '../../../subgraphs/cyber/data/vulnerability-record';
import { findPersona } from '../../../gateway/identity/personas';
import type { RunningSystem } from '../../support/start-system';
import { databaseKinds } from '../../support/test-database';
import { countRows, dataOf, iso, startGraphSystem, type Json } from './support/graph-system';
import { ASSESSMENT_KINDS, submitModelInput } from './support/mutation-kinds';

const DAY_MS = 24 * 3600 * 1000;
/** The partner organisation of the energy-partner persona (a seeded partner). */
const ENERGY_PARTNER = findPersona('energy-partner')!.claims.org!;

describe.each(databaseKinds())('mutations on %s', (database) => {
  let system: RunningSystem;
  let world: World;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    ({ system, world } = await startGraphSystem(database));
    for (const persona of ['treasury-analyst', 'defense-analyst', 'defense-senior-analyst', 'cyber-analyst', 'energy-partner']) tokens[persona] = await system.token(persona);
  });

  afterAll(async () => {
    await system?.close();
  });

  async function run(persona: string, query: string, variables: Record<string, unknown>): Promise<Json> {
    return dataOf(await system.query(query, { token: tokens[persona], variables }));
  }

  /** Submits a new model in review (the defaults of submitModelInput, with these changes); returns its id. */
  async function submitModel(overrides: Record<string, unknown> = {}): Promise<string> {
    const input = submitModelInput(world, overrides);
    const data = await run('treasury-analyst', 'mutation Submit($input: SubmitModelInput!) { submitModel(input: $input) { id } }', { input });
    return data.submitModel.id;
  }

  it('submits a model, which every subgraph then knows', async () => {
    const before = await countRows(system, 'treasury', ModelRecord);
    const release = new Date(Date.now() + 45 * DAY_MS);
    const input = submitModelInput(world, {
      capabilities: ['CODE_GENERATION', 'EXPLOIT_DEVELOPMENT'],
      sectorCodes: ['WATER', 'ENERGY'],
      plannedReleaseAt: iso(release),
    });
    const mutation = /* GraphQL */ `
      mutation Submit($input: SubmitModelInput!) {
        submitModel(input: $input) { id name version capabilities participation submittedAt plannedReleaseAt developer { id } nationalSecurityPriority }
      }
    `;
    const started = Date.now();
    const { submitModel } = await run('treasury-analyst', mutation, { input });
    expect(submitModel).toMatchObject({
      id: expect.stringMatching(/^mdl-/),
      name: input.name,
      version: input.version,
      capabilities: ['CODE_GENERATION', 'EXPLOIT_DEVELOPMENT'],
      participation: 'IN_REVIEW',
      plannedReleaseAt: iso(release),
      developer: { id: input.developerId },
      nationalSecurityPriority: 'IMMEDIATE',
    });
    expect(Date.parse(submitModel.submittedAt)).toBeGreaterThanOrEqual(started - 1000);
    expect(await countRows(system, 'treasury', ModelRecord)).toBe(before + 1);

    const query = /* GraphQL */ `
      query ReadBack($id: ID!, $name: String!) {
        model(id: $id) {
          id sectorsOfConcern { code name } reviewWindow { opensAt closesAt isOpen daysRemaining }
          nationalSecurityPriority nationalSecurityAssessments { totalCount } infrastructureImpactAssessments { totalCount } vulnerabilitiesFound { totalCount }
        }
        models(filter: { nameContains: $name, participation: IN_REVIEW }) { totalCount nodes { id } }
      }
    `;
    const data = await run('defense-analyst', query, { id: submitModel.id, name: input.name });
    expect(data.model).toEqual({
      id: submitModel.id,
      sectorsOfConcern: [
        { code: 'WATER', name: 'Water and Wastewater Systems' },
        { code: 'ENERGY', name: 'Energy (including electricity)' },
      ],
      // Submitted 45 days ahead: the window opens 30 days before the release.
      reviewWindow: { opensAt: iso(new Date(release.getTime() - 30 * DAY_MS)), closesAt: iso(release), isOpen: false, daysRemaining: 45 },
      nationalSecurityPriority: 'IMMEDIATE',
      nationalSecurityAssessments: { totalCount: 0 },
      infrastructureImpactAssessments: { totalCount: 0 },
      vulnerabilitiesFound: { totalCount: 0 },
    });
    expect(data.models).toEqual({ totalCount: 1, nodes: [{ id: submitModel.id }] });
  });

  it('withdraws a model in review, keeping the reason and the time', async () => {
    const id = await submitModel();
    const mutation = 'mutation Withdraw($id: ID!, $reason: String!) { withdrawModel(id: $id, reason: $reason) { id participation withdrawnAt withdrawalReason } }';
    const started = Date.now();
    const { withdrawModel } = await run('treasury-analyst', mutation, { id, reason: '  The developer postponed the release.  ' });
    expect(withdrawModel).toMatchObject({ id, participation: 'WITHDRAWN', withdrawalReason: 'The developer postponed the release.' });
    expect(Date.parse(withdrawModel.withdrawnAt)).toBeGreaterThanOrEqual(started - 1000);

    const query = /* GraphQL */ `
      query ReadBack($id: ID!) {
        model(id: $id) { participation withdrawnAt withdrawalReason reviewWindow { isOpen daysRemaining } }
        withdrawn: models(first: 100, filter: { participation: WITHDRAWN }) { nodes { id } }
      }
    `;
    const data = await run('defense-analyst', query, { id });
    expect(data.model).toEqual({
      participation: 'WITHDRAWN',
      withdrawnAt: withdrawModel.withdrawnAt,
      withdrawalReason: 'The developer postponed the release.',
      reviewWindow: { isOpen: false, daysRemaining: 0 },
    });
    expect(data.withdrawn.nodes).toContainEqual({ id });
  });

  describe('early access', () => {
    const GRANT = /* GraphQL */ `
      mutation Grant($input: GrantEarlyAccessInput!) {
        grantEarlyAccess(input: $input) { id purpose startsAt endsAt revokedAt grantedBy isActive partner { id } model { id } }
      }
    `;
    const PARTNER_VIEW = 'query PartnerView($id: ID!) { model(id: $id) { id name activeGrantForCaller } }';

    it('grants a partner early access, after which the partner sees the model', async () => {
      const id = await submitModel({ sectorCodes: ['ENERGY'] });
      expect((await run('energy-partner', PARTNER_VIEW, { id })).model).toBeNull();

      const before = await countRows(system, 'treasury', EarlyAccessGrantRecord);
      const endsAt = iso(new Date(Date.now() + 20 * DAY_MS));
      const input = { modelId: id, partnerId: ENERGY_PARTNER, purpose: 'Harden substation controllers', endsAt };
      const { grantEarlyAccess } = await run('treasury-analyst', GRANT, { input });
      expect(grantEarlyAccess).toMatchObject({
        id: expect.stringMatching(/^eag-/),
        purpose: 'Harden substation controllers',
        endsAt,
        revokedAt: null,
        grantedBy: 'dev:treasury-analyst',
        isActive: true,
        partner: { id: ENERGY_PARTNER },
        model: { id },
      });
      expect(await countRows(system, 'treasury', EarlyAccessGrantRecord)).toBe(before + 1);

      const query = /* GraphQL */ `
        query Grants($id: ID!, $partner: ID!) {
          model(id: $id) { earlyAccessGrants { totalCount nodes { id isActive partner { id } } } }
          partner(id: $partner) { grants(first: 100, activeOnly: true) { nodes { id model { id } } } }
        }
      `;
      const data = await run('treasury-analyst', query, { id, partner: ENERGY_PARTNER });
      expect(data.model.earlyAccessGrants).toEqual({ totalCount: 1, nodes: [{ id: grantEarlyAccess.id, isActive: true, partner: { id: ENERGY_PARTNER } }] });
      expect(data.partner.grants.nodes).toContainEqual({ id: grantEarlyAccess.id, model: { id } });
      expect((await run('energy-partner', PARTNER_VIEW, { id })).model).toMatchObject({ id, activeGrantForCaller: true });
    });

    it('revokes a grant, after which it is inactive and the partner no longer sees the model', async () => {
      const id = await submitModel({ sectorCodes: ['ENERGY'] });
      const endsAt = iso(new Date(Date.now() + 20 * DAY_MS));
      const granted = await run('treasury-analyst', GRANT, { input: { modelId: id, partnerId: ENERGY_PARTNER, purpose: 'Test relay firmware', endsAt } });
      const grantId = granted.grantEarlyAccess.id;

      const started = Date.now();
      const mutation = 'mutation Revoke($id: ID!) { revokeEarlyAccess(id: $id) { id revokedAt isActive } }';
      const { revokeEarlyAccess } = await run('treasury-analyst', mutation, { id: grantId });
      expect(revokeEarlyAccess).toMatchObject({ id: grantId, isActive: false });
      expect(Date.parse(revokeEarlyAccess.revokedAt)).toBeGreaterThanOrEqual(started - 1000);

      const query = 'query Grants($id: ID!) { model(id: $id) { all: earlyAccessGrants { nodes { id revokedAt isActive } } active: earlyAccessGrants(activeOnly: true) { totalCount } } }';
      const data = await run('treasury-analyst', query, { id });
      expect(data.model).toEqual({ all: { nodes: [{ id: grantId, revokedAt: revokeEarlyAccess.revokedAt, isActive: false }] }, active: { totalCount: 0 } });
      expect((await run('energy-partner', PARTNER_VIEW, { id })).model).toBeNull();
    });
  });

  describe.each(ASSESSMENT_KINDS)('the assessment life cycle of $agency', (kind) => {
    const ASSESSMENTS_OF_MODEL = /* GraphQL */ `
      query Assessments($id: ID!) {
        model(id: $id) {
          ${kind.listField} {
            totalCount
            nodes { id agency status riskLevel summary leadAnalyst startedAt dueAt completedAt findings { totalCount nodes { id title description severity classification recordedBy ${kind.findingExtra} } } }
          }
        }
      }
    `;

    async function assessmentsOf(modelId: string): Promise<Json> {
      return (await run('defense-analyst', ASSESSMENTS_OF_MODEL, { id: modelId })).model[kind.listField];
    }

    it('opens a planned assessment, starts it, records a finding and completes it', async () => {
      const modelId = await submitModel({ plannedReleaseAt: iso(new Date(Date.now() + 40 * DAY_MS)) });
      const dueAt = iso(new Date(Date.now() + 25 * DAY_MS));

      const opened = await run(kind.persona, kind.open.mutation, { input: kind.open.input(modelId, dueAt) });
      const id = opened[kind.open.field].id as string;
      expect(opened[kind.open.field]).toMatchObject({ id: expect.stringMatching(kind.idPattern), status: 'PLANNED', startedAt: null, dueAt });
      expect(await assessmentsOf(modelId)).toMatchObject({
        totalCount: 1,
        nodes: [{ id, agency: kind.agency.toUpperCase(), status: 'PLANNED', leadAnalyst: `dev:${kind.persona}`, dueAt, startedAt: null, findings: { totalCount: 0 } }],
      });

      const started = await run(kind.persona, kind.start.mutation, { id });
      expect(started[kind.start.field]).toMatchObject({ id, status: 'IN_PROGRESS', startedAt: expect.any(String) });

      const recorded = await run(kind.persona, kind.record.mutation, { input: kind.record.input(id) });
      const findingId = recorded[kind.record.field].id as string;
      expect(findingId).toMatch(kind.findingIdPattern);
      const listed = await assessmentsOf(modelId);
      expect(listed.nodes[0]).toMatchObject({ status: 'IN_PROGRESS', findings: { totalCount: 1, nodes: [{ id: findingId, recordedBy: `dev:${kind.persona}`, ...kind.record.readBack }] } });

      const completed = await run(kind.persona, kind.complete.mutation, { input: kind.complete.input(id) });
      expect(completed[kind.complete.field]).toMatchObject({ id, status: 'COMPLETED', riskLevel: 'HIGH', completedAt: expect.any(String) });
      expect((await assessmentsOf(modelId)).nodes[0]).toMatchObject({
        id,
        status: 'COMPLETED',
        riskLevel: 'HIGH',
        summary: 'Finds and chains weaknesses faster than operators patch.',
        completedAt: completed[kind.complete.field].completedAt,
        findings: { totalCount: 1 },
      });
      if (kind.complete.readBack) {
        const data = await run('defense-analyst', kind.complete.readBack.query, { id });
        expect(data).toEqual(kind.complete.readBack.expected);
      }

      // The completed assessment is where the agency's lists say it is.
      const byStatus = `query Completed { ${kind.listField}(first: 100, filter: { status: COMPLETED, riskAtLeast: HIGH }, orderBy: { field: OPENED_AT, direction: DESC }) { nodes { id } } }`;
      expect((await run('defense-analyst', byStatus, {}))[kind.listField].nodes[0]).toEqual({ id });
    });
  });

  describe('vulnerabilities', () => {
    const REPORT = /* GraphQL */ `
      mutation Report($input: ReportVulnerabilityInput!) {
        reportVulnerability(input: $input) { id title severity cvssScore affectedSystems disclosureStatus reportedBy sector { code name } discoveredBy { id name } }
      }
    `;

    function reportInput(modelId: string): Record<string, unknown> {
      return {
        sectorCode: 'WATER',
        modelId,
        title: 'Unauthenticated setpoint writes in a chlorination controller',
        description: 'The controller accepts setpoint changes from any host on the plant network.',
        severity: 'CRITICAL',
        cvssScore: 9.25,
        affectedSystems: ['  Dosewell CL-400 controller ', 'Dosewell HMI 3.x'],
        exploitDetails: 'Send a write to register 40012 over Modbus/TCP.',
      };
    }

    it('reports a vulnerability, which the model, the sector and the register then list', async () => {
      const modelId = await submitModel();
      const before = await countRows(system, 'cyber', VulnerabilityRecord);
      const { reportVulnerability } = await run('cyber-analyst', REPORT, { input: reportInput(modelId) });
      expect(reportVulnerability).toMatchObject({
        id: expect.stringMatching(/^vul-/),
        severity: 'CRITICAL',
        cvssScore: 9.3,
        affectedSystems: ['Dosewell CL-400 controller', 'Dosewell HMI 3.x'],
        disclosureStatus: 'REPORTED',
        reportedBy: 'dev:cyber-analyst',
        sector: { code: 'WATER', name: 'Water and Wastewater Systems' },
        discoveredBy: { id: modelId },
      });
      expect(await countRows(system, 'cyber', VulnerabilityRecord)).toBe(before + 1);

      const query = /* GraphQL */ `
        query ReadBack($id: ID!, $model: ID!) {
          vulnerability(id: $id) { id exploitDetails disclosureStatus }
          model(id: $model) { vulnerabilitiesFound { totalCount nodes { id } } }
          sector(code: "WATER") { vulnerabilities(first: 1) { nodes { id } } }
          vulnerabilities(first: 1, filter: { disclosureStatus: REPORTED, severityAtLeast: CRITICAL }) { nodes { id } }
        }
      `;
      const id = reportVulnerability.id;
      expect(await run('cyber-analyst', query, { id, model: modelId })).toEqual({
        vulnerability: { id, exploitDetails: 'Send a write to register 40012 over Modbus/TCP.', disclosureStatus: 'REPORTED' },
        model: { vulnerabilitiesFound: { totalCount: 1, nodes: [{ id }] } },
        sector: { vulnerabilities: { nodes: [{ id }] } },
        vulnerabilities: { nodes: [{ id }] },
      });
    });

    it('moves disclosure forward, stages may be skipped', async () => {
      const modelId = await submitModel();
      const { reportVulnerability } = await run('cyber-analyst', REPORT, { input: reportInput(modelId) });
      const mutation = 'mutation Advance($id: ID!, $status: DisclosureStatus!) { advanceDisclosure(id: $id, status: $status) { id disclosureStatus } }';
      const read = 'query Read($id: ID!) { vulnerability(id: $id) { disclosureStatus } }';
      for (const status of ['VENDOR_NOTIFIED', 'PUBLICLY_DISCLOSED']) {
        const data = await run('cyber-analyst', mutation, { id: reportVulnerability.id, status });
        expect(data.advanceDisclosure).toEqual({ id: reportVulnerability.id, disclosureStatus: status });
        expect((await run('defense-analyst', read, { id: reportVulnerability.id })).vulnerability).toEqual({ disclosureStatus: status });
      }
    });
  });
});
