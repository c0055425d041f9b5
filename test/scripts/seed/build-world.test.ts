import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { buildWorld } from '../../../scripts/seed/build-world';
import { ID_PATTERN } from '../../../subgraphs/kit/assessments/assessment-schema';
import { assessmentStatus } from '../../../subgraphs/kit/assessments/assessment-status';
import { FinancialAssessmentRecord } from '../../../subgraphs/treasury/data/financial-assessment-record';
import { CLASSIFICATION_ORDER, RISK_ORDER, SEVERITY_ORDER, AssessmentStatus, Classification, Severity } from '../../../subgraphs/kit/schema/enums';
import { DisclosureStatus } from '../../../subgraphs/cyber/types/cyber-enums';
import { SECTORS } from '../../../subgraphs/kit/domain/sectors';
import { PartnerKind } from '../../../subgraphs/treasury/types/treasury-enums';
import type { AssessmentRow, World } from '../../../scripts/seed/world';

const ANCHOR = new Date('2026-11-23T00:00:00Z');
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const world = buildWorld({ scale: 1, anchor: ANCHOR });

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

/** Every Date in the value moved by `ms`; everything else as it was. */
function shiftDates(value: unknown, ms: number): unknown {
  if (value instanceof Date) return new Date(value.getTime() + ms);
  if (Array.isArray(value)) return value.map((item) => shiftDates(item, ms));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shiftDates(item, ms)]));
  }
  return value;
}

function statusAt(row: AssessmentRow, now: Date): AssessmentStatus {
  const { startedAt, dueAt, completedAt } = row;
  return assessmentStatus(Object.assign(new FinancialAssessmentRecord(), { startedAt, dueAt, completedAt }), now);
}

function allAssessments(data: World): Record<string, readonly AssessmentRow[]> {
  return { treasury: data.treasury.assessments, defense: data.defense.assessments, cyber: data.cyber.assessments };
}

describe('buildWorld', () => {
  it('builds the same data set twice from the same options', () => {
    expect(buildWorld({ scale: 1, anchor: new Date(ANCHOR) })).toEqual(world);
  });

  it('moves every time by the shift of the anchor and changes nothing else', () => {
    const shift = 97 * DAY;
    const later = buildWorld({ scale: 1, anchor: new Date(ANCHOR.getTime() + shift) });
    expect(later).not.toEqual(world);
    expect(later).toEqual(shiftDates(world, shift));
  });

  it('builds the scale-1 volumes: 16 sectors, 36 developers, 300 models, 150 partners, 360 vulnerabilities', () => {
    expect(world.cyber.sectors).toHaveLength(16);
    expect(world.treasury.developers).toHaveLength(36);
    expect(world.treasury.models).toHaveLength(300);
    expect(world.treasury.partners).toHaveLength(150);
    expect(world.cyber.vulnerabilities).toHaveLength(360);
    expect(world.treasury.grants.length).toBeGreaterThan(450);
    const assessments = allAssessments(world);
    expect(assessments.treasury.length).toBeGreaterThan(100);
    expect(assessments.defense.length).toBeGreaterThan(150);
    expect(assessments.cyber.length).toBeGreaterThan(300);
    expect(world.defense.findings.length).toBeGreaterThan(150);
  });

  it('multiplies every volume at scale 2 except the sectors', () => {
    const double = buildWorld({ scale: 2, anchor: ANCHOR });
    expect(double.cyber.sectors).toHaveLength(16);
    expect(double.treasury.developers).toHaveLength(72);
    expect(double.treasury.models).toHaveLength(600);
    expect(double.treasury.partners).toHaveLength(300);
    expect(double.cyber.vulnerabilities).toHaveLength(720);
    const ratios = [
      double.treasury.grants.length / world.treasury.grants.length,
      double.treasury.assessments.length / world.treasury.assessments.length,
      double.defense.assessments.length / world.defense.assessments.length,
      double.cyber.assessments.length / world.cyber.assessments.length,
      double.defense.findings.length / world.defense.findings.length,
    ];
    for (const ratio of ratios) expect(ratio).toBeGreaterThan(1.7), expect(ratio).toBeLessThan(2.3);
  });

  it('refuses a scale that is not a positive whole number', () => {
    expect(() => buildWorld({ scale: 0, anchor: ANCHOR })).toThrow(/scale must be a positive whole number/);
    expect(() => buildWorld({ scale: 1.5, anchor: ANCHOR })).toThrow(/scale/);
  });

  it('gives every record a unique id in the subgraphs\' id format, and unique names where the tables require them', () => {
    const ids = [
      ...world.treasury.developers, ...world.treasury.models, ...world.treasury.partners, ...world.treasury.grants,
      ...world.treasury.assessments, ...world.treasury.findings, ...world.defense.assessments, ...world.defense.findings,
      ...world.cyber.vulnerabilities, ...world.cyber.assessments, ...world.cyber.findings,
    ].map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(ID_PATTERN);
    const unique = (values: string[]) => expect(new Set(values).size).toBe(values.length);
    unique(world.treasury.developers.map((d) => d.name));
    unique(world.treasury.partners.map((p) => p.name));
    unique(world.treasury.models.map((m) => `${m.developerId}/${m.name}/${m.version}`));
  });

  it('puts most models in review (windows open and not yet open), some released, some withdrawn with a reason', () => {
    const now = new Date(ANCHOR.getTime() + 12 * HOUR);
    const participation = countBy(world.treasury.models, (model) => {
      if (model.withdrawnAt) return 'withdrawn';
      if (model.plannedReleaseAt <= now) return 'released';
      return model.plannedReleaseAt.getTime() - now.getTime() <= 30 * DAY ? 'window open' : 'window not open';
    });
    expect(participation['window open']! + participation['window not open']!).toBeGreaterThan(150);
    expect(participation['window not open']).toBeGreaterThan(10);
    expect(participation.released).toBeGreaterThan(30);
    expect(participation.withdrawn).toBeGreaterThan(10);
    const closingSoon = world.treasury.models.filter((m) => !m.withdrawnAt && m.plannedReleaseAt > now && m.plannedReleaseAt.getTime() - now.getTime() < 7 * DAY);
    expect(closingSoon.length).toBeGreaterThan(10);
    for (const model of world.treasury.models) {
      expect(model.submittedAt.getTime()).toBeLessThan(model.plannedReleaseAt.getTime());
      expect(model.submittedAt.getTime()).toBeLessThan(ANCHOR.getTime());
      expect(model.capabilities.length).toBeGreaterThan(0);
      expect(model.sectorCodes.length).toBeGreaterThan(0);
      if (model.withdrawnAt) {
        expect(model.withdrawalReason).toBeTruthy();
        expect(model.withdrawnAt.getTime()).toBeGreaterThan(model.submittedAt.getTime());
        expect(model.withdrawnAt.getTime()).toBeLessThan(Math.min(model.plannedReleaseAt.getTime(), ANCHOR.getTime()));
      } else {
        expect(model.withdrawalReason).toBeNull();
      }
    }
  });

  it("spreads each agency's assessments over planned, in progress, completed and overdue, and they hold all through the anchor day", () => {
    const early = ANCHOR;
    const late = new Date(ANCHOR.getTime() + DAY - 60_000);
    for (const [agency, rows] of Object.entries(allAssessments(world))) {
      const statuses = countBy(rows, (row) => statusAt(row, early));
      for (const status of Object.values(AssessmentStatus)) expect(statuses[status], `${agency} ${status}`).toBeGreaterThan(5);
      for (const row of rows) expect(statusAt(row, late)).toBe(statusAt(row, early));
    }
  });

  it('rates completed assessments only, across all five risk levels, and records findings only while under way', () => {
    const rows = Object.values(allAssessments(world)).flat();
    for (const row of rows) {
      expect(row.riskLevel === null).toBe(row.completedAt === null);
      expect(row.summary === null).toBe(row.completedAt === null);
      if (row.startedAt) expect(row.startedAt.getTime()).toBeGreaterThanOrEqual(row.openedAt.getTime());
      if (row.completedAt) expect(row.completedAt.getTime()).toBeGreaterThan(row.startedAt!.getTime());
    }
    expect(Object.keys(countBy(rows.filter((r) => r.riskLevel), (r) => r.riskLevel!)).sort()).toEqual([...RISK_ORDER].sort());
    const byId = new Map(rows.map((row) => [row.id, row]));
    const findings = [...world.treasury.findings, ...world.defense.findings, ...world.cyber.findings];
    for (const finding of findings) {
      const assessment = byId.get(finding.assessmentId)!;
      expect(assessment.startedAt).not.toBeNull();
      expect(finding.recordedAt.getTime()).toBeGreaterThanOrEqual(assessment.startedAt!.getTime());
      expect(finding.recordedAt.getTime()).toBeLessThanOrEqual((assessment.completedAt ?? ANCHOR).getTime());
    }
    expect(Object.keys(countBy(findings, (f) => f.severity)).sort()).toEqual([...SEVERITY_ORDER].sort());
  });

  it('spreads defense findings over the four classifications and marks each assessment at least as high as its findings', () => {
    const classifications = countBy(world.defense.findings, (finding) => finding.classification);
    for (const classification of Object.values(Classification)) expect(classifications[classification]).toBeGreaterThan(20);
    const marking = new Map(world.defense.assessments.map((a) => [a.id, CLASSIFICATION_ORDER.indexOf(a.classification)]));
    for (const finding of world.defense.findings) {
      expect(marking.get(finding.assessmentId)).toBeGreaterThanOrEqual(CLASSIFICATION_ORDER.indexOf(finding.classification));
      expect(finding.details.startsWith({ UNCLASSIFIED: '(U)', CUI: '(CUI)', SECRET: '(S)', TOP_SECRET: '(TS)' }[finding.classification])).toBe(true);
      expect(finding.title.length).toBeLessThanOrEqual(200);
    }
  });

  it('gives every vulnerability a CVSS score in the band of its severity, affected systems and exploit details', () => {
    const bands: Record<Severity, [number, number]> = {
      INFORMATIONAL: [0, 0], LOW: [0.1, 3.9], MEDIUM: [4, 6.9], HIGH: [7, 8.9], CRITICAL: [9, 10],
    };
    for (const vulnerability of world.cyber.vulnerabilities) {
      const [low, high] = bands[vulnerability.severity];
      expect(vulnerability.cvssScore).toBeGreaterThanOrEqual(low);
      expect(vulnerability.cvssScore).toBeLessThanOrEqual(high);
      expect(vulnerability.description).toContain(`base score ${vulnerability.cvssScore.toFixed(1)}`);
      expect(vulnerability.affectedSystems.length).toBeGreaterThan(0);
      expect(vulnerability.exploitDetails.length).toBeGreaterThan(100);
      expect(vulnerability.title.length).toBeLessThanOrEqual(200);
      expect(vulnerability.reportedAt.getTime()).toBeLessThan(ANCHOR.getTime());
    }
    const severities = countBy(world.cyber.vulnerabilities, (v) => v.severity);
    for (const severity of [Severity.LOW, Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL]) expect(severities[severity]).toBeGreaterThan(5);
    expect(Object.keys(countBy(world.cyber.vulnerabilities, (v) => v.disclosureStatus)).sort()).toEqual(Object.values(DisclosureStatus).sort());
    expect(Object.keys(countBy(world.cyber.vulnerabilities, (v) => v.sectorCode))).toHaveLength(16);
  });

  it('draws partners from 15+ countries and every sector, each of a kind that fits its sector', () => {
    expect(Object.keys(countBy(world.treasury.partners, (p) => p.country)).length).toBeGreaterThanOrEqual(15);
    expect(Object.keys(countBy(world.treasury.partners, (p) => p.sectorCode)).sort()).toEqual(SECTORS.map((s) => s.code).sort());
    const fits: Partial<Record<string, PartnerKind[]>> = {
      FINANCIAL_SERVICES: [PartnerKind.BANK, PartnerKind.INSURER, PartnerKind.PAYMENT_PROCESSOR, PartnerKind.EXCHANGE],
      ENERGY: [PartnerKind.UTILITY],
      WATER: [PartnerKind.WATER_UTILITY],
      HEALTHCARE: [PartnerKind.HOSPITAL, PartnerKind.SOFTWARE_VENDOR],
      COMMUNICATIONS: [PartnerKind.TELECOM, PartnerKind.NETWORK_VENDOR],
      DEFENSE_INDUSTRIAL_BASE: [PartnerKind.DEFENSE_CONTRACTOR],
      TRANSPORTATION: [PartnerKind.TRANSPORT_OPERATOR],
    };
    for (const partner of world.treasury.partners) {
      const kinds = fits[partner.sectorCode];
      if (kinds) expect(kinds).toContain(partner.kind);
    }
    const banks = world.treasury.partners.filter((p) => p.kind === PartnerKind.BANK);
    expect(banks.length).toBeGreaterThan(10);
    expect(banks.every((bank) => bank.sectorCode === 'FINANCIAL_SERVICES')).toBe(true);
  });

  it("gives grants in every state, each inside its model's review and at most one per partner and model", () => {
    const now = new Date(ANCHOR.getTime() + 12 * HOUR);
    const models = new Map(world.treasury.models.map((m) => [m.id, m]));
    const partners = new Map(world.treasury.partners.map((p) => [p.id, p]));
    const state = countBy(world.treasury.grants, (g) =>
      g.revokedAt ? 'revoked' : g.startsAt > now ? 'future' : g.endsAt <= now ? 'expired' : 'active',
    );
    for (const name of ['active', 'future', 'expired', 'revoked']) expect(state[name], name).toBeGreaterThan(20);
    for (const grant of world.treasury.grants) {
      const model = models.get(grant.modelId)!;
      expect(grant.startsAt.getTime()).toBeGreaterThanOrEqual(model.submittedAt.getTime());
      expect(grant.endsAt.getTime()).toBeLessThanOrEqual(model.plannedReleaseAt.getTime());
      expect(grant.endsAt.getTime()).toBeGreaterThan(grant.startsAt.getTime());
      expect(grant.grantedAt.getTime()).toBeLessThanOrEqual(Math.min(grant.startsAt.getTime(), ANCHOR.getTime()));
      expect(grant.grantedAt.getTime()).toBeGreaterThanOrEqual(partners.get(grant.partnerId)!.joinedAt.getTime());
      if (grant.revokedAt) expect(grant.revokedAt.getTime()).toBeLessThan(ANCHOR.getTime());
      if (model.withdrawnAt) expect(grant.revokedAt).toEqual(model.withdrawnAt);
    }
    const pairs = world.treasury.grants.map((g) => `${g.partnerId}/${g.modelId}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });
});
