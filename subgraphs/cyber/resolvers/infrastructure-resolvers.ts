import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../kit/context';
import { Access } from '../../kit/authorization/access';
import { AGENCY_ANALYSTS, writeAccess } from '../../kit/authorization/access-rules';
import { actorOf } from '../../kit/context';
import { assessmentResolvers } from '../../kit/assessments/assessment-resolvers';
import { CompleteAssessmentInput } from '../../kit/assessments/assessment-schema';
import {
  completeAssessment,
  openAssessment,
  recordFinding,
  startAssessment,
  type AssessmentKinds,
} from '../../kit/assessments/assessment-store';
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

export const infrastructureQueries = assessmentResolvers({
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
});

@Resolver(() => InfrastructureImpactAssessment)
export class InfrastructureAssessmentResolver {
  @FieldResolver(() => Sector, { description: 'The sector assessed.' })
  async sector(@Root() assessment: InfrastructureAssessmentRecord, @Ctx() ctx: SubgraphContext): Promise<SectorRecord | null> {
    return sectorsByCode(ctx).load(assessment.sectorCode);
  }

  @Access(writeAccess('cyber'))
  @Mutation(() => InfrastructureImpactAssessment, { nullable: true, description: "Opens an assessment of a model's impact on one sector." })
  async openInfrastructureImpactAssessment(
    @Arg('input', () => OpenInfrastructureImpactAssessmentInput, { description: 'What to write.' }) input: OpenInfrastructureImpactAssessmentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<InfrastructureAssessmentRecord> {
    if (!isSectorCode(input.sectorCode)) throw badUserInput(`unknown sector code ${input.sectorCode}`, 'sectorCode');
    await assertModelExists(input.modelId, ctx);
    return openAssessment(ctx.em, kinds, input, { sectorCode: input.sectorCode }, actorOf(ctx), new Date());
  }

  @Access(writeAccess('cyber'))
  @Mutation(() => InfrastructureImpactAssessment, { nullable: true, description: 'Starts work on a planned infrastructure-impact assessment.' })
  async startInfrastructureImpactAssessment(
    @Arg('id', () => ID, { description: 'Identifier.' }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<InfrastructureAssessmentRecord> {
    return startAssessment(ctx.em, kinds, id, new Date());
  }

  @Access(writeAccess('cyber'))
  @Mutation(() => InfrastructureImpactAssessment, { nullable: true, description: 'Completes an infrastructure-impact assessment with its risk and conclusions.' })
  async completeInfrastructureImpactAssessment(
    @Arg('input', () => CompleteAssessmentInput, { description: 'What to write.' }) input: CompleteAssessmentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<InfrastructureAssessmentRecord> {
    return completeAssessment(ctx.em, kinds, input, {}, new Date());
  }

  @Access(writeAccess('cyber'))
  @Mutation(() => InfrastructureFinding, { nullable: true, description: 'Records a finding of an infrastructure-impact assessment in progress.' })
  async recordInfrastructureFinding(
    @Arg('input', () => RecordInfrastructureFindingInput, { description: 'What to write.' }) input: RecordInfrastructureFindingInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<InfrastructureFindingRecord> {
    return recordFinding(ctx.em, kinds, input, { mitigation: input.mitigation ?? null }, actorOf(ctx), new Date());
  }
}
