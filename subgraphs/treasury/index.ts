// The treasury subgraph: model intake, the trusted-partner early-access programme, and
// financial-stability assessments.
import type { AgencySubgraph } from '../kit/agency-subgraph';
import type { SubgraphContext } from '../kit/context';
import { DeveloperRecord } from './data/developer-record';
import { ModelRecord } from './data/model-record';
import { PartnerRecord } from './data/partner-record';
import { EarlyAccessGrantRecord } from './data/early-access-grant-record';
import { FinancialAssessmentRecord, FinancialFindingRecord } from './data/financial-assessment-record';
import { ModelResolver } from './resolvers/model-resolver';
import { ModelMutations } from './resolvers/model-mutations';
import { DeveloperResolver } from './resolvers/developer-resolver';
import { PartnerResolver, SectorPartnersResolver } from './resolvers/partner-resolver';
import { GrantResolver } from './resolvers/grant-resolver';
import { FinancialAssessmentMutations, financialAssessmentQueries } from './resolvers/financial-assessment-resolvers';
import { FinancialFinding, FinancialStabilityAssessment } from './types/financial-assessment';
import { modelsById } from './loaders/treasury-loaders';

export const treasury: AgencySubgraph = {
  name: 'treasury',
  defaultPort: 4001,
  markedTypes: ['FinancialFinding'],
  entities: [DeveloperRecord, ModelRecord, PartnerRecord, EarlyAccessGrantRecord, FinancialAssessmentRecord, FinancialFindingRecord],
  schema: {
    resolvers: [
      ModelResolver,
      ModelMutations,
      DeveloperResolver,
      PartnerResolver,
      SectorPartnersResolver,
      GrantResolver,
      FinancialAssessmentMutations,
      ...financialAssessmentQueries,
    ],
    orphanedTypes: [FinancialStabilityAssessment, FinancialFinding],
    references: {
      Model: (reference, ctx: SubgraphContext) => modelsById(ctx).load(String(reference.id)),
      Sector: (reference) => ({ code: String(reference.code) }),
    },
  },
};
