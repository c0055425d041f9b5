// The federated graph through the real gateway and the three real subgraphs over seeded
// databases: entities gathered from every agency in one query, @requires, interface fragments,
// aliases and variables, compared with what the seed wrote.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentRow, ModelRow, World } from '../../../scripts/seed/world';
import type { RunningSystem } from '../../support/start-system';
import { databaseKinds } from '../../support/test-database';
import { dataOf, iso, startGraphSystem, type Json } from './support/graph-system';
import { markedAtMost, participationAt, priorityOf, sortedBy, severityRank } from './support/world-rules';

/** A reader across the three agencies: Treasury's partners, Defense's classified findings, the cyber office's records. */
const JOINT_ANALYST = {
  sub: 'test:joint-analyst',
  agency: 'defense',
  scope: 'treasury:read defense:read defense:classified cyber:read',
  clearance: 'secret',
};

const MODEL_FROM_THREE_AGENCIES = /* GraphQL */ `
  query ModelFromThreeAgencies($id: ID!) {
    model(id: $id) {
      id name version capabilities submittedAt plannedReleaseAt participation withdrawnAt
      developer { id name country }
      sectorsOfConcern { code name }
      nationalSecurityPriority
      nationalSecurityAssessments(first: 20) {
        totalCount
        nodes {
          id agency status riskLevel leadAnalyst dueAt classification
          findings(first: 20) { totalCount nodes { id title severity classification sector { code } } }
        }
      }
      financialStabilityAssessments(first: 20) {
        totalCount
        nodes { id agency status riskLevel systemicRiskScore findings(first: 20) { totalCount nodes { id affectedMarket } } }
      }
      infrastructureImpactAssessments(first: 20) {
        totalCount
        nodes { id agency status riskLevel sector { code name leadAgencyName } findings(first: 20) { nodes { id mitigation } } }
      }
      vulnerabilitiesFound(first: 20) {
        totalCount
        nodes { id title severity cvssScore affectedSystems disclosureStatus reportedAt sector { code name } }
      }
    }
  }
`;

function sectorName(world: World, code: string): string {
  return world.cyber.sectors.find((sector) => sector.code === code)!.name;
}

/** A model in review that every agency has looked at, with security findings a secret clearance may read. */
function modelSeenByEveryAgency(world: World): ModelRow {
  const now = new Date();
  return world.treasury.models.find((model) => {
    const security = world.defense.assessments.filter((a) => a.modelId === model.id);
    const findings = world.defense.findings.filter((f) => security.some((a) => a.id === f.assessmentId) && markedAtMost(f.classification, 'SECRET'));
    return (
      participationAt(model, now) === 'IN_REVIEW' &&
      findings.length > 0 &&
      world.treasury.assessments.some((a) => a.modelId === model.id && world.treasury.findings.some((f) => f.assessmentId === a.id)) &&
      world.cyber.assessments.some((a) => a.modelId === model.id) &&
      world.cyber.vulnerabilities.some((v) => v.modelId === model.id)
    );
  })!;
}

describe.each(databaseKinds())('the federated graph on %s', (database) => {
  let system: RunningSystem;
  let world: World;
  let defenseAnalyst: string;

  beforeAll(async () => {
    ({ system, world } = await startGraphSystem(database));
    defenseAnalyst = await system.token('defense-analyst');
  });

  afterAll(async () => {
    await system?.close();
  });

  it('gathers one model from the three subgraphs in one query', async () => {
    const row = modelSeenByEveryAgency(world);
    const response = await system.query(MODEL_FROM_THREE_AGENCIES, { token: defenseAnalyst, variables: { id: row.id } });
    const { model } = dataOf(response);
    const developer = world.treasury.developers.find((d) => d.id === row.developerId)!;

    // Treasury: the intake record and the developer.
    expect(model).toMatchObject({
      id: row.id,
      name: row.name,
      version: row.version,
      capabilities: [...row.capabilities],
      submittedAt: iso(row.submittedAt),
      plannedReleaseAt: iso(row.plannedReleaseAt),
      participation: 'IN_REVIEW',
      withdrawnAt: null,
      developer: { id: developer.id, name: developer.name, country: developer.country },
    });
    // Treasury's sector codes, named by the cyber office.
    expect(model.sectorsOfConcern).toEqual(row.sectorCodes.map((code) => ({ code, name: sectorName(world, code) })));

    // Defense: priority from Treasury's capabilities (@requires), assessments and the findings a secret clearance may read.
    expect(model.nationalSecurityPriority).toBe(priorityOf(row.capabilities));
    const security = world.defense.assessments.filter((a) => a.modelId === row.id);
    expect(model.nationalSecurityAssessments.totalCount).toBe(security.length);
    expect(model.nationalSecurityAssessments.nodes).toEqual(
      sortedBy(security, (a) => a.dueAt, 'ASC').map((a) => {
        const findings = world.defense.findings.filter((f) => f.assessmentId === a.id && markedAtMost(f.classification, 'SECRET'));
        return {
          id: a.id,
          agency: 'DEFENSE',
          status: expect.any(String),
          riskLevel: a.riskLevel,
          leadAnalyst: a.leadAnalyst,
          dueAt: iso(a.dueAt),
          classification: a.classification,
          findings: {
            totalCount: findings.length,
            nodes: sortedBy(findings, (f) => severityRank(f.severity), 'DESC').map((f) => ({
              id: f.id,
              title: f.title,
              severity: f.severity,
              classification: f.classification,
              sector: f.sectorCode === null ? null : { code: f.sectorCode },
            })),
          },
        };
      }),
    );

    // Treasury's own assessments of the model, with their findings.
    const financial = world.treasury.assessments.filter((a) => a.modelId === row.id);
    expect(model.financialStabilityAssessments.totalCount).toBe(financial.length);
    expect(model.financialStabilityAssessments.nodes).toEqual(
      sortedBy(financial, (a) => a.dueAt, 'ASC').map((a) => {
        const findings = world.treasury.findings.filter((f) => f.assessmentId === a.id);
        return {
          id: a.id,
          agency: 'TREASURY',
          status: expect.any(String),
          riskLevel: a.riskLevel,
          systemicRiskScore: a.systemicRiskScore,
          findings: {
            totalCount: findings.length,
            nodes: sortedBy(findings, (f) => severityRank(f.severity), 'DESC').map((f) => ({ id: f.id, affectedMarket: f.affectedMarket })),
          },
        };
      }),
    );

    // The cyber office: infrastructure assessments per sector, and the vulnerabilities the model found.
    const infrastructure = world.cyber.assessments.filter((a) => a.modelId === row.id);
    expect(model.infrastructureImpactAssessments.totalCount).toBe(infrastructure.length);
    expect(model.infrastructureImpactAssessments.nodes).toEqual(
      sortedBy(infrastructure, (a) => a.dueAt, 'ASC').map((a) => {
        const sector = world.cyber.sectors.find((s) => s.code === a.sectorCode)!;
        const findings = world.cyber.findings.filter((f) => f.assessmentId === a.id);
        return {
          id: a.id,
          agency: 'CYBER',
          status: expect.any(String),
          riskLevel: a.riskLevel,
          sector: { code: sector.code, name: sector.name, leadAgencyName: sector.leadAgencyName },
          findings: { nodes: sortedBy(findings, (f) => severityRank(f.severity), 'DESC').map((f) => ({ id: f.id, mitigation: f.mitigation })) },
        };
      }),
    );
    const vulnerabilities = world.cyber.vulnerabilities.filter((v) => v.modelId === row.id);
    expect(model.vulnerabilitiesFound.totalCount).toBe(vulnerabilities.length);
    expect(model.vulnerabilitiesFound.nodes).toEqual(
      sortedBy(vulnerabilities, (v) => v.reportedAt, 'DESC').map((v) => ({
        id: v.id,
        title: v.title,
        severity: v.severity,
        cvssScore: v.cvssScore,
        affectedSystems: [...v.affectedSystems],
        disclosureStatus: v.disclosureStatus,
        reportedAt: iso(v.reportedAt),
        sector: { code: v.sectorCode, name: sectorName(world, v.sectorCode) },
      })),
    );
    // The response carries the marking of the most sensitive type it returned: security findings are SECRET.
    expect(response.body.extensions?.classification).toBe('SECRET');
  });

  it('derives the national-security priority of every model from the capabilities Treasury recorded', async () => {
    const query = '{ models(first: 100) { nodes { id capabilities nationalSecurityPriority } } }';
    const { models } = dataOf(await system.query(query, { token: defenseAnalyst }));
    expect(models.nodes).toHaveLength(100);
    for (const node of models.nodes as Json[]) {
      const row = world.treasury.models.find((m) => m.id === node.id)!;
      expect(node.capabilities).toEqual([...row.capabilities]);
      expect(node.nationalSecurityPriority).toBe(priorityOf(row.capabilities));
    }
    const priorities = new Set((models.nodes as Json[]).map((node) => node.nationalSecurityPriority));
    expect(priorities).toEqual(new Set(['ROUTINE', 'PRIORITY', 'IMMEDIATE']));
  });

  it('gathers one sector from the three subgraphs in one query', async () => {
    const query = /* GraphQL */ `
      query SectorFromThreeAgencies($code: ID!) {
        sector(code: $code) {
          code name leadAgencyName leadAgency
          vulnerabilities(first: 100) { totalCount nodes { id severity discoveredBy { id name } } }
          partners(first: 100) { totalCount nodes { id name country kind sector { code name } } }
          securityFindings(first: 100) { totalCount nodes { id title severity classification } }
        }
      }
    `;
    const token = await system.token(JOINT_ANALYST);
    const { sector } = dataOf(await system.query(query, { token, variables: { code: 'ENERGY' } }));
    const row = world.cyber.sectors.find((s) => s.code === 'ENERGY')!;
    expect(sector).toMatchObject({ code: 'ENERGY', name: row.name, leadAgencyName: row.leadAgencyName, leadAgency: row.leadAgency });

    const vulnerabilities = sortedBy(world.cyber.vulnerabilities.filter((v) => v.sectorCode === 'ENERGY'), (v) => v.reportedAt, 'DESC');
    expect(sector.vulnerabilities.totalCount).toBe(vulnerabilities.length);
    expect(sector.vulnerabilities.nodes).toEqual(
      vulnerabilities.slice(0, 100).map((v) => ({
        id: v.id,
        severity: v.severity,
        discoveredBy: { id: v.modelId, name: world.treasury.models.find((m) => m.id === v.modelId)!.name },
      })),
    );

    const partners = sortedBy(world.treasury.partners.filter((p) => p.sectorCode === 'ENERGY'), (p) => p.name, 'ASC');
    expect(sector.partners.totalCount).toBe(partners.length);
    expect(sector.partners.nodes).toEqual(
      partners.map((p) => ({ id: p.id, name: p.name, country: p.country, kind: p.kind, sector: { code: 'ENERGY', name: row.name } })),
    );

    const findings = sortedBy(
      world.defense.findings.filter((f) => f.sectorCode === 'ENERGY' && markedAtMost(f.classification, 'SECRET')),
      (f) => severityRank(f.severity),
      'DESC',
    );
    expect(findings.length).toBeGreaterThan(0);
    expect(sector.securityFindings.totalCount).toBe(findings.length);
    expect(sector.securityFindings.nodes).toEqual(
      findings.map((f) => ({ id: f.id, title: f.title, severity: f.severity, classification: f.classification })),
    );
  });

  it('lists every sector the cyber office keeps, by name', async () => {
    const { sectors } = dataOf(await system.query('{ sectors { code name leadAgency } }', { token: defenseAnalyst }));
    expect(sectors).toEqual(
      [...world.cyber.sectors].sort((a, b) => (a.name < b.name ? -1 : 1)).map((s) => ({ code: s.code, name: s.name, leadAgency: s.leadAgency })),
    );
  });

  it('reads assessments and findings of every agency through fragments on the Assessment and Finding interfaces', async () => {
    const query = /* GraphQL */ `
      fragment AssessmentFacts on Assessment { id agency status riskLevel leadAnalyst openedAt dueAt completedAt }
      fragment FindingFacts on Finding { id title severity classification recordedBy }
      query ThroughInterfaces($id: ID!) {
        model(id: $id) {
          nationalSecurityAssessments { nodes { __typename ...AssessmentFacts findings { nodes { __typename ...FindingFacts } } } }
          financialStabilityAssessments { nodes { __typename ...AssessmentFacts findings { nodes { __typename ... on Finding { id severity } } } } }
          infrastructureImpactAssessments { nodes { __typename ... on Assessment { id agency } findings { nodes { ...FindingFacts } } } }
        }
      }
    `;
    const row = modelSeenByEveryAgency(world);
    const { model } = dataOf(await system.query(query, { token: defenseAnalyst, variables: { id: row.id } }));
    const facts = (a: AssessmentRow, agency: string) => ({
      id: a.id,
      agency,
      status: expect.stringMatching(/^(PLANNED|IN_PROGRESS|COMPLETED|OVERDUE)$/),
      riskLevel: a.riskLevel,
      leadAnalyst: a.leadAnalyst,
      openedAt: iso(a.openedAt),
      dueAt: iso(a.dueAt),
      completedAt: a.completedAt && iso(a.completedAt),
    });

    const security = sortedBy(world.defense.assessments.filter((a) => a.modelId === row.id), (a) => a.dueAt, 'ASC');
    expect(model.nationalSecurityAssessments.nodes).toEqual(
      security.map((a) => ({
        __typename: 'NationalSecurityAssessment',
        ...facts(a, 'DEFENSE'),
        findings: {
          nodes: sortedBy(
            world.defense.findings.filter((f) => f.assessmentId === a.id && markedAtMost(f.classification, 'SECRET')),
            (f) => severityRank(f.severity),
            'DESC',
          ).map((f) => ({ __typename: 'SecurityFinding', id: f.id, title: f.title, severity: f.severity, classification: f.classification, recordedBy: f.recordedBy })),
        },
      })),
    );

    const financial = sortedBy(world.treasury.assessments.filter((a) => a.modelId === row.id), (a) => a.dueAt, 'ASC');
    expect(model.financialStabilityAssessments.nodes).toEqual(
      financial.map((a) => ({
        __typename: 'FinancialStabilityAssessment',
        ...facts(a, 'TREASURY'),
        findings: {
          nodes: sortedBy(world.treasury.findings.filter((f) => f.assessmentId === a.id), (f) => severityRank(f.severity), 'DESC').map((f) => ({
            __typename: 'FinancialFinding',
            id: f.id,
            severity: f.severity,
          })),
        },
      })),
    );

    const infrastructure = sortedBy(world.cyber.assessments.filter((a) => a.modelId === row.id), (a) => a.dueAt, 'ASC');
    expect(model.infrastructureImpactAssessments.nodes).toEqual(
      infrastructure.map((a) => ({
        __typename: 'InfrastructureImpactAssessment',
        id: a.id,
        agency: 'CYBER',
        findings: {
          nodes: sortedBy(world.cyber.findings.filter((f) => f.assessmentId === a.id), (f) => severityRank(f.severity), 'DESC').map((f) => ({
            id: f.id,
            title: f.title,
            severity: f.severity,
            classification: f.classification,
            recordedBy: f.recordedBy,
          })),
        },
      })),
    );
  });

  it('answers aliased fields each with its own arguments, taken from variables', async () => {
    const query = /* GraphQL */ `
      query Aliased($id: ID!, $severe: Severity!, $state: Participation!) {
        subject: model(id: $id) { key: id title: name }
        inReview: models(filter: { participation: $state }, first: 1) { totalCount }
        withdrawn: models(filter: { participation: WITHDRAWN }, first: 1) { totalCount }
        again: model(id: $id) {
          severe: vulnerabilitiesFound(filter: { severityAtLeast: $severe }) { totalCount nodes { id severity } }
          all: vulnerabilitiesFound { totalCount }
          newestFirst: vulnerabilitiesFound(first: 1) { nodes { id } }
          oldestFirst: vulnerabilitiesFound(first: 1, orderBy: { field: REPORTED_AT, direction: ASC }) { nodes { id } }
        }
      }
    `;
    const now = new Date();
    const row = world.treasury.models.find((m) => {
      const found = world.cyber.vulnerabilities.filter((v) => v.modelId === m.id);
      return found.length >= 3 && found.some((v) => severityRank(v.severity) >= severityRank('HIGH')) && found.some((v) => severityRank(v.severity) < severityRank('HIGH'));
    })!;
    const variables = { id: row.id, severe: 'HIGH', state: 'IN_REVIEW' };
    const data = dataOf(await system.query(query, { token: defenseAnalyst, variables }));

    const found = world.cyber.vulnerabilities.filter((v) => v.modelId === row.id);
    const severe = sortedBy(found.filter((v) => severityRank(v.severity) >= severityRank('HIGH')), (v) => v.reportedAt, 'DESC');
    expect(data).toEqual({
      subject: { key: row.id, title: row.name },
      inReview: { totalCount: world.treasury.models.filter((m) => participationAt(m, now) === 'IN_REVIEW').length },
      withdrawn: { totalCount: world.treasury.models.filter((m) => participationAt(m, now) === 'WITHDRAWN').length },
      again: {
        severe: { totalCount: severe.length, nodes: severe.map((v) => ({ id: v.id, severity: v.severity })) },
        all: { totalCount: found.length },
        newestFirst: { nodes: [{ id: sortedBy(found, (v) => v.reportedAt, 'DESC')[0]!.id }] },
        oldestFirst: { nodes: [{ id: sortedBy(found, (v) => v.reportedAt, 'ASC')[0]!.id }] },
      },
    });
  });

  it('follows references from one subgraph to another and back', async () => {
    const query = /* GraphQL */ `
      query Around($id: ID!) {
        vulnerability(id: $id) {
          id
          discoveredBy {
            name
            developer { name }
            nationalSecurityPriority
            infrastructureImpactAssessments(first: 100) { nodes { id model { id name } sector { code name } } }
          }
          sector { code name partners(first: 1) { totalCount } }
        }
      }
    `;
    const vulnerability = world.cyber.vulnerabilities.find((v) => world.cyber.assessments.some((a) => a.modelId === v.modelId))!;
    const model = world.treasury.models.find((m) => m.id === vulnerability.modelId)!;
    const token = await system.token(JOINT_ANALYST);
    const data = dataOf(await system.query(query, { token, variables: { id: vulnerability.id } }));
    expect(data.vulnerability).toEqual({
      id: vulnerability.id,
      discoveredBy: {
        name: model.name,
        developer: { name: world.treasury.developers.find((d) => d.id === model.developerId)!.name },
        nationalSecurityPriority: priorityOf(model.capabilities),
        infrastructureImpactAssessments: {
          nodes: sortedBy(world.cyber.assessments.filter((a) => a.modelId === model.id), (a) => a.dueAt, 'ASC').map((a) => ({
            id: a.id,
            model: { id: model.id, name: model.name },
            sector: { code: a.sectorCode, name: sectorName(world, a.sectorCode) },
          })),
        },
      },
      sector: {
        code: vulnerability.sectorCode,
        name: sectorName(world, vulnerability.sectorCode),
        partners: { totalCount: world.treasury.partners.filter((p) => p.sectorCode === vulnerability.sectorCode).length },
      },
    });
  });

  it("shows Treasury a developer's contact, commercial terms and models", async () => {
    const query = /* GraphQL */ `
      query Developer($id: ID!) {
        developer(id: $id) { id name contact { name email phone } commercialTerms models(first: 100) { totalCount nodes { id } } }
      }
    `;
    const developer = world.treasury.developers[0]!;
    const token = await system.token('treasury-analyst');
    const data = dataOf(await system.query(query, { token, variables: { id: developer.id } }));
    const models = sortedBy(world.treasury.models.filter((m) => m.developerId === developer.id), (m) => m.submittedAt, 'DESC');
    expect(data.developer).toEqual({
      id: developer.id,
      name: developer.name,
      contact: { name: developer.contactName, email: developer.contactEmail, phone: developer.contactPhone },
      commercialTerms: developer.commercialTerms,
      models: { totalCount: models.length, nodes: models.map((m) => ({ id: m.id })) },
    });
  });
});
