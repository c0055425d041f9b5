// The whole data set in memory, from the options alone: same options, same data.
import { AnchorClock } from './clock';
import { SeedRandom } from './random';
import { buildAnalysts } from './build/analysts';
import { buildDevelopers } from './build/developers';
import { buildFinancialAssessments } from './build/financial-assessments';
import { buildGrants } from './build/grants';
import { buildInfrastructureAssessments } from './build/infrastructure-assessments';
import { buildModels } from './build/models';
import { buildPartners } from './build/partners';
import { buildSectors } from './build/sectors';
import { buildSecurityAssessments } from './build/security-assessments';
import { buildVulnerabilities } from './build/vulnerabilities';
import type { World, WorldOptions } from './world';

/** Volume at scale 1; `scale` multiplies each. Grants and assessments follow from the models. */
export const BASE_VOLUME = { developers: 36, models: 300, partners: 150, vulnerabilities: 360 } as const;

export function buildWorld(options: WorldOptions): World {
  const { scale, anchor } = options;
  if (!Number.isSafeInteger(scale) || scale < 1) throw new RangeError(`scale must be a positive whole number (got ${scale})`);
  if (Number.isNaN(anchor.getTime())) throw new RangeError('anchor must be a valid date');
  const clock = new AnchorClock(anchor);
  const analysts = buildAnalysts(new SeedRandom('analysts'));
  const developers = buildDevelopers(new SeedRandom('developers'), BASE_VOLUME.developers * scale, clock);
  const models = buildModels(new SeedRandom('models'), BASE_VOLUME.models * scale, developers, clock);
  const partners = buildPartners(new SeedRandom('partners'), BASE_VOLUME.partners * scale, clock);
  const financial = buildFinancialAssessments(new SeedRandom('financial-assessments'), models, analysts.treasury, clock);
  const security = buildSecurityAssessments(new SeedRandom('security-assessments'), models, analysts.defense, clock);
  const infrastructure = buildInfrastructureAssessments(new SeedRandom('infrastructure-assessments'), models, analysts.cyber, clock);
  return {
    options: { scale, anchor },
    treasury: {
      developers: developers.map((plan) => plan.row),
      models: models.map((plan) => plan.row),
      partners: partners.map((plan) => plan.row),
      grants: buildGrants(new SeedRandom('grants'), models, partners, analysts.treasury, clock),
      assessments: financial.assessments,
      findings: financial.findings,
    },
    defense: security,
    cyber: {
      sectors: buildSectors(),
      vulnerabilities: buildVulnerabilities(new SeedRandom('vulnerabilities'), BASE_VOLUME.vulnerabilities * scale, models, analysts.cyber, clock),
      assessments: infrastructure.assessments,
      findings: infrastructure.findings,
    },
  };
}
