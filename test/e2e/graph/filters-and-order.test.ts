// Filters and orders of the graph's lists through the gateway: every item returned satisfies
// the filter, the items come in the order asked for, and counts match the seeded databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentRow, ModelRow, World } from '../../../scripts/seed/world';
import type { RunningSystem } from '../../support/start-system';
import { databaseKinds } from '../../support/test-database';
import { allRowCounts, dataOf, iso, startGraphSystem, type Json } from './support/graph-system';
import { participationAt, reviewWindowOpenAt, riskRank, severityRank, sortedBy, statusAt } from './support/world-rules';

const DAY_MS = 24 * 3600 * 1000;

const MODELS = /* GraphQL */ `
  query Models($after: String, $filter: ModelFilter, $orderBy: ModelOrder) {
    list: models(first: 100, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id name submittedAt plannedReleaseAt participation capabilities reviewWindow { isOpen } sectorsOfConcern { code } developer { id } }
    }
  }
`;

function assessmentsQuery(field: string): string {
  return /* GraphQL */ `
    query Assessments($after: String, $filter: AssessmentFilter, $orderBy: AssessmentOrder) {
      list: ${field}(first: 100, after: $after, filter: $filter, orderBy: $orderBy) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { id status riskLevel openedAt dueAt }
      }
    }
  `;
}

const VULNERABILITIES = /* GraphQL */ `
  query Vulnerabilities($after: String, $filter: VulnerabilityFilter, $orderBy: VulnerabilityOrder) {
    list: vulnerabilities(first: 100, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id severity cvssScore disclosureStatus reportedAt sector { code } discoveredBy { id } }
    }
  }
`;

const PARTNERS = /* GraphQL */ `
  query Partners($after: String, $filter: PartnerFilter) {
    list: partners(first: 100, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id name country kind sector { code } }
    }
  }
`;

const ASSESSMENT_LISTS = [
  { agency: 'treasury', field: 'financialStabilityAssessments', rows: (world: World): readonly AssessmentRow[] => world.treasury.assessments },
  { agency: 'defense', field: 'nationalSecurityAssessments', rows: (world: World): readonly AssessmentRow[] => world.defense.assessments },
  { agency: 'cyber', field: 'infrastructureImpactAssessments', rows: (world: World): readonly AssessmentRow[] => world.cyber.assessments },
] as const;

interface Listed {
  readonly totalCount: number;
  readonly nodes: Json[];
}

describe.each(databaseKinds())('filters and order on %s', (database) => {
  let system: RunningSystem;
  let world: World;
  let analyst: string;

  beforeAll(async () => {
    ({ system, world } = await startGraphSystem(database));
    analyst = await system.token('defense-senior-analyst');
  });

  afterAll(async () => {
    await system?.close();
  });

  /** The whole list, page after page; every page must report the same total. */
  async function everything(query: string, variables: Record<string, unknown>, token = analyst): Promise<Listed> {
    const nodes: Json[] = [];
    const totals = new Set<number>();
    let after: string | null = null;
    for (let pages = 0; pages < 20; pages += 1) {
      const { list } = dataOf(await system.query(query, { token, variables: { ...variables, after } }));
      nodes.push(...list.nodes);
      totals.add(list.totalCount);
      if (!list.pageInfo.hasNextPage) break;
      after = list.pageInfo.endCursor;
    }
    expect(totals.size).toBe(1);
    return { totalCount: [...totals][0]!, nodes };
  }

  function ids(rows: ReadonlyArray<{ readonly id: string }>): string[] {
    return rows.map((row) => row.id);
  }

  /** Models of the data set that pass `keep`, in the default order (newest submission first). */
  function modelsWhere(keep: (model: ModelRow) => boolean): string[] {
    return ids(sortedBy(world.treasury.models.filter(keep), (m) => m.submittedAt, 'DESC'));
  }

  it('reads lists from databases that hold exactly the seeded data set', async () => {
    const counts = await allRowCounts(system);
    expect(counts).toMatchObject({
      'treasury.ModelRecord': world.treasury.models.length,
      'treasury.PartnerRecord': world.treasury.partners.length,
      'treasury.FinancialAssessmentRecord': world.treasury.assessments.length,
      'defense.NationalSecurityAssessmentRecord': world.defense.assessments.length,
      'cyber.InfrastructureAssessmentRecord': world.cyber.assessments.length,
      'cyber.VulnerabilityRecord': world.cyber.vulnerabilities.length,
    });
  });

  describe('models', () => {
    it.each(['IN_REVIEW', 'WITHDRAWN', 'RELEASED'])('lists the models whose participation is %s', async (participation) => {
      const now = new Date();
      const list = await everything(MODELS, { filter: { participation } });
      const expected = modelsWhere((m) => participationAt(m, now) === participation);
      expect(expected.length).toBeGreaterThan(0);
      expect(list.totalCount).toBe(expected.length);
      expect(ids(list.nodes)).toEqual(expected);
      expect(list.nodes.every((node) => node.participation === participation)).toBe(true);
    });

    it.each([true, false])('lists the models whose review window open is %s', async (open) => {
      const now = new Date();
      const list = await everything(MODELS, { filter: { inReviewWindow: open } });
      const expected = modelsWhere((m) => reviewWindowOpenAt(m, now) === open);
      expect(list.totalCount).toBe(expected.length);
      expect(ids(list.nodes)).toEqual(expected);
      expect(list.nodes.every((node) => node.reviewWindow.isOpen === open)).toBe(true);
    });

    it.each([
      'CODE_GENERATION',
      'VULNERABILITY_DISCOVERY',
      'EXPLOIT_DEVELOPMENT',
      'AUTONOMOUS_OPERATION',
      'NETWORK_OPERATIONS',
      'MALWARE_ANALYSIS',
      'SOCIAL_ENGINEERING',
      'CBRN_KNOWLEDGE',
    ])('lists the models with capability %s', async (capability) => {
      const list = await everything(MODELS, { filter: { capability } });
      const expected = modelsWhere((m) => m.capabilities.includes(capability as never));
      expect(expected.length).toBeGreaterThan(0);
      expect(ids(list.nodes)).toEqual(expected);
      expect(list.totalCount).toBe(expected.length);
      expect(list.nodes.every((node) => node.capabilities.includes(capability))).toBe(true);
    });

    it.each(['ENERGY', 'FINANCIAL_SERVICES', 'DAMS'])('lists the models declared relevant to sector %s', async (sectorCode) => {
      const list = await everything(MODELS, { filter: { sectorCode } });
      const expected = modelsWhere((m) => m.sectorCodes.includes(sectorCode));
      expect(expected.length).toBeGreaterThan(0);
      expect(ids(list.nodes)).toEqual(expected);
      expect(list.totalCount).toBe(expected.length);
      expect(list.nodes.every((node) => node.sectorsOfConcern.some((s: Json) => s.code === sectorCode))).toBe(true);
    });

    it("lists one developer's models", async () => {
      const developer = world.treasury.developers.find((d) => world.treasury.models.filter((m) => m.developerId === d.id).length > 5)!;
      const list = await everything(MODELS, { filter: { developerId: developer.id } });
      expect(ids(list.nodes)).toEqual(modelsWhere((m) => m.developerId === developer.id));
      expect(list.nodes.every((node) => node.developer.id === developer.id)).toBe(true);
    });

    it('lists the models planned for release before a time', async () => {
      const before = new Date(world.options.anchor.getTime() + 10 * DAY_MS);
      const list = await everything(MODELS, { filter: { releaseBefore: iso(before) } });
      const expected = modelsWhere((m) => m.plannedReleaseAt < before);
      expect(expected.length).toBeGreaterThan(0);
      expect(ids(list.nodes)).toEqual(expected);
      expect(list.nodes.every((node) => Date.parse(node.plannedReleaseAt) < before.getTime())).toBe(true);
    });

    it.each([
      ['a lower-case part of a name', 'code'],
      ['an upper-case part of a name', 'MINI'],
      ['a LIKE wildcard taken literally', '%'],
      ['an underscore taken literally', 'a_'],
    ])('lists the models whose name contains %s', async (_, text) => {
      const list = await everything(MODELS, { filter: { nameContains: text } });
      const expected = modelsWhere((m) => m.name.toLowerCase().includes(text.toLowerCase()));
      expect(ids(list.nodes)).toEqual(expected);
      expect(list.totalCount).toBe(expected.length);
    });

    it('applies every condition of a filter together', async () => {
      const now = new Date();
      const filter = { participation: 'IN_REVIEW', capability: 'VULNERABILITY_DISCOVERY', sectorCode: 'INFORMATION_TECHNOLOGY' };
      const list = await everything(MODELS, { filter });
      const expected = modelsWhere(
        (m) => participationAt(m, now) === 'IN_REVIEW' && m.capabilities.includes('VULNERABILITY_DISCOVERY' as never) && m.sectorCodes.includes('INFORMATION_TECHNOLOGY'),
      );
      expect(expected.length).toBeGreaterThan(0);
      expect(ids(list.nodes)).toEqual(expected);
    });

    it.each([
      ['SUBMITTED_AT', 'ASC', (m: ModelRow) => m.submittedAt, 'submittedAt'],
      ['SUBMITTED_AT', 'DESC', (m: ModelRow) => m.submittedAt, 'submittedAt'],
      ['PLANNED_RELEASE_AT', 'ASC', (m: ModelRow) => m.plannedReleaseAt, 'plannedReleaseAt'],
      ['PLANNED_RELEASE_AT', 'DESC', (m: ModelRow) => m.plannedReleaseAt, 'plannedReleaseAt'],
      ['NAME', 'ASC', (m: ModelRow) => m.name, 'name'],
      ['NAME', 'DESC', (m: ModelRow) => m.name, 'name'],
    ] as const)('orders the models by %s %s', async (field, direction, key, property) => {
      const list = await everything(MODELS, { orderBy: { field, direction } });
      expect(ids(list.nodes)).toEqual(ids(sortedBy(world.treasury.models, key, direction)));
      const values = list.nodes.map((node) => node[property] as string);
      const sorted = [...values].sort();
      expect(values).toEqual(direction === 'ASC' ? sorted : sorted.reverse());
    });

    it('orders the models by name with duplicate names next to each other, ties broken by id', async () => {
      const names = new Map<string, number>();
      for (const model of world.treasury.models) names.set(model.name, (names.get(model.name) ?? 0) + 1);
      expect([...names.values()].some((count) => count > 1)).toBe(true);
      const list = await everything(MODELS, { orderBy: { field: 'NAME', direction: 'ASC' } });
      for (let i = 1; i < list.nodes.length; i += 1) {
        const [a, b] = [list.nodes[i - 1], list.nodes[i]];
        if (a.name === b.name) expect(a.id < b.id).toBe(true);
      }
    });
  });

  describe.each(ASSESSMENT_LISTS)('assessments of $agency', ({ field, rows }) => {
    it.each(['PLANNED', 'IN_PROGRESS', 'COMPLETED', 'OVERDUE'])('lists the assessments whose status is %s', async (status) => {
      const now = new Date();
      const list = await everything(assessmentsQuery(field), { filter: { status } });
      const expected = sortedBy(rows(world).filter((a) => statusAt(a, now) === status), (a) => a.dueAt, 'ASC');
      expect(expected.length).toBeGreaterThan(0);
      expect(list.totalCount).toBe(expected.length);
      expect(ids(list.nodes)).toEqual(ids(expected));
      expect(list.nodes.every((node) => node.status === status)).toBe(true);
    });

    it('lists the completed assessments with at least a high risk', async () => {
      const list = await everything(assessmentsQuery(field), { filter: { riskAtLeast: 'HIGH' } });
      const expected = sortedBy(rows(world).filter((a) => riskRank(a.riskLevel) >= riskRank('HIGH')), (a) => a.dueAt, 'ASC');
      expect(expected.length).toBeGreaterThan(0);
      expect(ids(list.nodes)).toEqual(ids(expected));
      expect(list.nodes.every((node) => ['HIGH', 'CRITICAL'].includes(node.riskLevel) && node.status === 'COMPLETED')).toBe(true);
    });

    it('lists the assessments due before a time', async () => {
      const before = world.options.anchor;
      const list = await everything(assessmentsQuery(field), { filter: { dueBefore: iso(before) } });
      const expected = sortedBy(rows(world).filter((a) => a.dueAt < before), (a) => a.dueAt, 'ASC');
      expect(ids(list.nodes)).toEqual(ids(expected));
    });

    it.each(['ASC', 'DESC'] as const)('orders the assessments by risk %s, unrated ones at the low end', async (direction) => {
      const list = await everything(assessmentsQuery(field), { orderBy: { field: 'RISK', direction } });
      expect(ids(list.nodes)).toEqual(ids(sortedBy(rows(world), (a) => riskRank(a.riskLevel), direction)));
      const ranks = list.nodes.map((node) => riskRank(node.riskLevel));
      const sorted = [...ranks].sort((a, b) => a - b);
      expect(ranks).toEqual(direction === 'ASC' ? sorted : sorted.reverse());
      expect(direction === 'DESC' ? ranks.at(-1) : ranks[0]).toBe(-1);
    });

    it.each(['ASC', 'DESC'] as const)('orders the assessments by opening time %s', async (direction) => {
      const list = await everything(assessmentsQuery(field), { orderBy: { field: 'OPENED_AT', direction } });
      expect(ids(list.nodes)).toEqual(ids(sortedBy(rows(world), (a) => a.openedAt, direction)));
    });

    it('combines a status with a risk and orders the result', async () => {
      const filter = { status: 'COMPLETED', riskAtLeast: 'MODERATE' };
      const list = await everything(assessmentsQuery(field), { filter, orderBy: { field: 'RISK', direction: 'DESC' } });
      const expected = rows(world).filter((a) => a.completedAt !== null && riskRank(a.riskLevel) >= riskRank('MODERATE'));
      expect(ids(list.nodes)).toEqual(ids(sortedBy(expected, (a) => riskRank(a.riskLevel), 'DESC')));
    });
  });

  describe('vulnerabilities', () => {
    const reportedAfter = (world: World) => new Date(world.options.anchor.getTime() - 60 * DAY_MS);

    it.each([
      ['in a sector', () => ({ sectorCode: 'HEALTHCARE' }), (_: World) => (v: World['cyber']['vulnerabilities'][number]) => v.sectorCode === 'HEALTHCARE'],
      ['at least high', () => ({ severityAtLeast: 'HIGH' }), () => (v: World['cyber']['vulnerabilities'][number]) => severityRank(v.severity) >= severityRank('HIGH')],
      ['at a disclosure stage', () => ({ disclosureStatus: 'VENDOR_NOTIFIED' }), () => (v: World['cyber']['vulnerabilities'][number]) => v.disclosureStatus === 'VENDOR_NOTIFIED'],
      ['reported after a time', (world: World) => ({ reportedAfter: iso(reportedAfter(world)) }), (world: World) => (v: World['cyber']['vulnerabilities'][number]) => v.reportedAt > reportedAfter(world)],
      [
        'meeting several conditions',
        () => ({ sectorCode: 'FINANCIAL_SERVICES', severityAtLeast: 'MEDIUM', disclosureStatus: 'MITIGATION_AVAILABLE' }),
        () => (v: World['cyber']['vulnerabilities'][number]) =>
          v.sectorCode === 'FINANCIAL_SERVICES' && severityRank(v.severity) >= severityRank('MEDIUM') && v.disclosureStatus === 'MITIGATION_AVAILABLE',
      ],
    ])('lists the vulnerabilities %s', async (_, filterOf, keepOf) => {
      const list = await everything(VULNERABILITIES, { filter: filterOf(world) });
      const expected = sortedBy(world.cyber.vulnerabilities.filter(keepOf(world)), (v) => v.reportedAt, 'DESC');
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(world.cyber.vulnerabilities.length);
      expect(list.totalCount).toBe(expected.length);
      expect(ids(list.nodes)).toEqual(ids(expected));
    });

    it('lists the vulnerabilities one model found', async () => {
      const modelId = world.cyber.vulnerabilities[0]!.modelId;
      const list = await everything(VULNERABILITIES, { filter: { modelId } });
      expect(ids(list.nodes)).toEqual(ids(sortedBy(world.cyber.vulnerabilities.filter((v) => v.modelId === modelId), (v) => v.reportedAt, 'DESC')));
      expect(list.nodes.every((node) => node.discoveredBy.id === modelId)).toBe(true);
    });

    it.each([
      ['SEVERITY', 'ASC', (v: World['cyber']['vulnerabilities'][number]) => severityRank(v.severity)],
      ['SEVERITY', 'DESC', (v: World['cyber']['vulnerabilities'][number]) => severityRank(v.severity)],
      ['CVSS', 'ASC', (v: World['cyber']['vulnerabilities'][number]) => v.cvssScore],
      ['CVSS', 'DESC', (v: World['cyber']['vulnerabilities'][number]) => v.cvssScore],
      ['REPORTED_AT', 'ASC', (v: World['cyber']['vulnerabilities'][number]) => v.reportedAt],
      ['REPORTED_AT', 'DESC', (v: World['cyber']['vulnerabilities'][number]) => v.reportedAt],
    ] as const)('orders the vulnerabilities by %s %s', async (field, direction, key) => {
      const list = await everything(VULNERABILITIES, { orderBy: { field, direction } });
      expect(list.nodes).toHaveLength(world.cyber.vulnerabilities.length);
      expect(ids(list.nodes)).toEqual(ids(sortedBy(world.cyber.vulnerabilities, key, direction)));
    });
  });

  describe('partners', () => {
    let treasury: string;
    beforeAll(async () => {
      treasury = await system.token('treasury-analyst');
    });

    it.each([
      ['in a sector', { sectorCode: 'WATER' }, (p: World['treasury']['partners'][number]) => p.sectorCode === 'WATER'],
      ['in a country, whatever its case', { country: 'gb' }, (p: World['treasury']['partners'][number]) => p.country === 'GB'],
      ['of a kind', { kind: 'BANK' }, (p: World['treasury']['partners'][number]) => p.kind === 'BANK'],
      ['in a sector and a country', { sectorCode: 'ENERGY', country: 'US' }, (p: World['treasury']['partners'][number]) => p.sectorCode === 'ENERGY' && p.country === 'US'],
    ])('lists the partners %s, by name', async (_, filter, keep) => {
      const list = await everything(PARTNERS, { filter }, treasury);
      const expected = sortedBy(world.treasury.partners.filter(keep), (p) => p.name, 'ASC');
      expect(expected.length).toBeGreaterThan(0);
      expect(list.totalCount).toBe(expected.length);
      expect(list.nodes).toEqual(expected.map((p) => ({ id: p.id, name: p.name, country: p.country, kind: p.kind, sector: { code: p.sectorCode } })));
    });
  });
});
