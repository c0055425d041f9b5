// The cyber subgraph (the national cyber office): critical-infrastructure sectors, the
// vulnerabilities models find in them, and infrastructure-impact assessments.
import type { AgencySubgraph } from '../kit/agency-subgraph';
import type { SubgraphContext } from '../kit/context';
import { SectorRecord } from './data/sector-record';
import { VulnerabilityRecord } from './data/vulnerability-record';
import { InfrastructureAssessmentRecord, InfrastructureFindingRecord } from './data/infrastructure-records';
import { SectorResolver } from './resolvers/sector-resolver';
import { ModelVulnerabilitiesResolver, VulnerabilityResolver } from './resolvers/vulnerability-resolver';
import { InfrastructureAssessmentMutations, InfrastructureAssessmentResolver, infrastructureQueries } from './resolvers/infrastructure-resolvers';
import { InfrastructureFinding, InfrastructureImpactAssessment } from './types/infrastructure-assessment';
import { sectorsByCode, vulnerabilitiesById } from './loaders/cyber-loaders';

export const cyber: AgencySubgraph = {
  name: 'cyber',
  defaultPort: 4003,
  markedTypes: ['InfrastructureFinding'],
  entities: [SectorRecord, VulnerabilityRecord, InfrastructureAssessmentRecord, InfrastructureFindingRecord],
  schema: {
    resolvers: [
      SectorResolver,
      VulnerabilityResolver,
      ModelVulnerabilitiesResolver,
      InfrastructureAssessmentResolver,
      InfrastructureAssessmentMutations,
      ...infrastructureQueries,
    ],
    orphanedTypes: [InfrastructureImpactAssessment, InfrastructureFinding],
    references: {
      Sector: (reference, ctx: SubgraphContext) => sectorsByCode(ctx).load(String(reference.code)),
      Model: (reference) => ({ id: String(reference.id) }),
      Vulnerability: (reference, ctx: SubgraphContext) => {
        const id = String(reference.id);
        ctx.representations.set(`Vulnerability:${id}`, reference);
        return vulnerabilitiesById(ctx).load(id);
      },
    },
  },
};
