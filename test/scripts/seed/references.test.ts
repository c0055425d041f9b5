import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { buildWorld } from '../../../scripts/seed/build-world';
import { PERSONAS } from '../../../gateway/identity/personas';

const ANCHOR = new Date('2026-11-23T00:00:00Z');
const DAY = 24 * 3600 * 1000;

describe.each([1, 2])('references in the data set at scale %i', (scale) => {
  const world = buildWorld({ scale, anchor: ANCHOR });
  const ids = (rows: readonly { id: string }[]) => new Set(rows.map((row) => row.id));
  const developers = ids(world.treasury.developers);
  const models = ids(world.treasury.models);
  const partners = ids(world.treasury.partners);
  const sectors = new Set(world.cyber.sectors.map((sector) => sector.code));
  const modelById = new Map(world.treasury.models.map((model) => [model.id, model]));

  it('points every model at an existing developer and at existing sectors', () => {
    for (const model of world.treasury.models) {
      expect(developers.has(model.developerId)).toBe(true);
      for (const code of model.sectorCodes) expect(sectors.has(code)).toBe(true);
    }
  });

  it('points every grant at an existing model and an existing partner, and every partner at a sector', () => {
    for (const grant of world.treasury.grants) {
      expect(models.has(grant.modelId)).toBe(true);
      expect(partners.has(grant.partnerId)).toBe(true);
    }
    for (const partner of world.treasury.partners) expect(sectors.has(partner.sectorCode)).toBe(true);
  });

  it("points every assessment at an existing model, opened after its submission, and every finding at its own agency's assessment", () => {
    const agencies = [
      { assessments: world.treasury.assessments, findings: world.treasury.findings },
      { assessments: world.defense.assessments, findings: world.defense.findings },
      { assessments: world.cyber.assessments, findings: world.cyber.findings },
    ];
    for (const { assessments, findings } of agencies) {
      for (const assessment of assessments) {
        const model = modelById.get(assessment.modelId);
        expect(model).toBeDefined();
        expect(assessment.openedAt.getTime()).toBeGreaterThanOrEqual(model!.submittedAt.getTime());
      }
      const own = ids(assessments);
      for (const finding of findings) expect(own.has(finding.assessmentId)).toBe(true);
    }
    for (const assessment of world.cyber.assessments) {
      expect(sectors.has(assessment.sectorCode)).toBe(true);
      expect(modelById.get(assessment.modelId)!.sectorCodes).toContain(assessment.sectorCode);
    }
    for (const finding of world.defense.findings) if (finding.sectorCode) expect(sectors.has(finding.sectorCode)).toBe(true);
  });

  it('points every vulnerability at an existing sector and at an existing model that had been submitted', () => {
    for (const vulnerability of world.cyber.vulnerabilities) {
      expect(sectors.has(vulnerability.sectorCode)).toBe(true);
      const model = modelById.get(vulnerability.modelId);
      expect(model).toBeDefined();
      expect(vulnerability.reportedAt.getTime()).toBeGreaterThan(model!.submittedAt.getTime());
    }
  });

  it('holds the partners the development personas name, each with active grants on models in review all through the anchor day', () => {
    const personaPartners = Object.values(PERSONAS).filter((persona) => persona.claims.org);
    expect(personaPartners.length).toBeGreaterThanOrEqual(2);
    for (const { claims } of personaPartners) {
      const partner = world.treasury.partners.find((candidate) => candidate.id === claims.org);
      expect(partner, claims.org).toBeDefined();
      expect(partner!.sectorCode).toBe(claims.sector);
      for (const now of [ANCHOR, new Date(ANCHOR.getTime() + DAY - 60_000)]) {
        const active = world.treasury.grants.filter(
          (grant) => grant.partnerId === partner!.id && !grant.revokedAt && grant.startsAt <= now && now < grant.endsAt,
        );
        expect(active.length).toBeGreaterThanOrEqual(5);
        for (const grant of active) {
          const model = modelById.get(grant.modelId)!;
          expect(model.withdrawnAt).toBeNull();
          expect(model.plannedReleaseAt.getTime()).toBeGreaterThan(now.getTime());
        }
      }
    }
  });
});
