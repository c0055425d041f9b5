import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../kit/context';
import { AGENCY_ANALYSTS } from '../../kit/authorization/access-rules';
import { assessmentResolvers, type AssessmentApi } from '../../kit/assessments/assessment-resolvers';
import { assessmentMutations } from '../../kit/assessments/assessment-mutations';
import { CompleteAssessmentInput } from '../../kit/assessments/assessment-schema';
import type { AssessmentKinds } from '../../kit/assessments/assessment-store';
import { Agency } from '../../kit/schema/enums';
import { isSectorCode } from '../../kit/domain/sectors';
import { badUserInput } from '../../kit/errors/user-errors';
import { assertModelExists } from '../../kit/domain/model-register';
import { InfrastructureAssessmentRecord, InfrastructureFindingRecord } from '../data/infrastructure-records';
import type { SectorRecord } from '../data/sector-record';
import { Model, Sector } from '../types/sector';
import {
  InfrastructureFinding,
  InfrastructureFindingConnection,
  InfrastructureImpactAssessment,
  InfrastructureImpactAssessmentConnection,
} from '../types/infrastructure-assessment';
import { OpenInfrastructureImpactAssessmentInput, RecordInfrastructureFindingInput } from '../types/inputs';
import { sectorsByCode } from '../loaders/cyber-loaders';

const kinds: AssessmentKinds<InfrastructureAssessmentRecord, InfrastructureFindingRecord> = {
  assessment: InfrastructureAssessmentRecord,
  finding: InfrastructureFindingRecord,
  assessmentPrefix: 'iia',
  findingPrefix: 'iif',
  label: 'Infrastructure-impact assessment',
};

const api: AssessmentApi<InfrastructureAssessmentRecord, InfrastructureFindingRecord> = {
  agency: Agency.CYBER,
  kinds,
  types: {
    model: Model,
    assessment: InfrastructureImpactAssessment,
    assessmentConnection: InfrastructureImpactAssessmentConnection,
    findingConnection: InfrastructureFindingConnection,
  },
  names: { list: 'infrastructureImpactAssessments', one: 'infrastructureImpactAssessment' },
  access: [AGENCY_ANALYSTS],
  findingAccess: [AGENCY_ANALYSTS],
};

export const infrastructureQueries = assessmentResolvers(api);

@Resolver(() => InfrastructureImpactAssessment)
export class InfrastructureAssessmentResolver {
  @FieldResolver(() => Sector, { description: 'The sector assessed.' })
  async sector(@Root() assessment: InfrastructureAssessmentRecord, @Ctx() ctx: SubgraphContext): Promise<SectorRecord | null> {
    return sectorsByCode(ctx).load(assessment.sectorCode);
  }
}

export const InfrastructureAssessmentMutations = assessmentMutations(api, {
  types: { assessment: InfrastructureImpactAssessment, finding: InfrastructureFinding },
  names: { assessment: 'InfrastructureImpactAssessment', finding: 'InfrastructureFinding' },
  inputs: { open: OpenInfrastructureImpactAssessmentInput, complete: CompleteAssessmentInput, record: RecordInfrastructureFindingInput },
  // The model is Treasury's; the sector is the one assessed.
  beforeOpen: async (input, ctx) => {
    if (!isSectorCode(input.sectorCode)) throw badUserInput(`unknown sector code ${input.sectorCode}`, 'sectorCode');
    await assertModelExists(input.modelId, ctx);
  },
  openFields: (input) => ({ sectorCode: input.sectorCode }),
  findingFields: (input) => ({ mitigation: input.mitigation ?? null }),
});
