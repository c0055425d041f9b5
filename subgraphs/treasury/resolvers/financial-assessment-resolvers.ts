import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { SubgraphContext } from '../../kit/context';
import { Access } from '../../kit/authorization/access';
import { AGENCY_ANALYSTS, writeAccess } from '../../kit/authorization/access-rules';
import { actorOf } from '../../kit/context';
import { assessmentResolvers } from '../../kit/assessments/assessment-resolvers';
import { OpenAssessmentInput } from '../../kit/assessments/assessment-schema';
import {
  completeAssessment,
  openAssessment,
  recordFinding,
  startAssessment,
  type AssessmentKinds,
} from '../../kit/assessments/assessment-store';
import { Agency } from '../../kit/schema/enums';
import { badUserInput, conflict, notFound } from '../../kit/errors/user-errors';
import { FinancialAssessmentRecord, FinancialFindingRecord } from '../data/financial-assessment-record';
import { ModelRecord } from '../data/model-record';
import { participationOf } from '../data/model-filter';
import { Participation } from '../types/treasury-enums';
import { Model } from '../types/model';
import {
  FinancialFinding,
  FinancialFindingConnection,
  FinancialStabilityAssessment,
  FinancialStabilityAssessmentConnection,
} from '../types/financial-assessment';
import { CompleteFinancialStabilityAssessmentInput, RecordFinancialFindingInput } from '../types/inputs';
import { modelsById } from '../loaders/treasury-loaders';

const kinds: AssessmentKinds<FinancialAssessmentRecord, FinancialFindingRecord> = {
  assessment: FinancialAssessmentRecord,
  finding: FinancialFindingRecord,
  assessmentPrefix: 'fsa',
  findingPrefix: 'fsf',
  label: 'Financial-stability assessment',
};

export const financialAssessmentQueries = assessmentResolvers({
  agency: Agency.TREASURY,
  kinds,
  types: {
    model: Model,
    assessment: FinancialStabilityAssessment,
    assessmentConnection: FinancialStabilityAssessmentConnection,
    findingConnection: FinancialFindingConnection,
  },
  names: { list: 'financialStabilityAssessments', one: 'financialStabilityAssessment' },
  access: [AGENCY_ANALYSTS],
  findingAccess: [AGENCY_ANALYSTS],
  // Treasury holds the model records: resolve the whole model, not just a reference.
  resolveModel: (modelId, ctx) => modelsById(ctx).load(modelId),
});

@Resolver(() => FinancialStabilityAssessment)
export class FinancialAssessmentMutations {
  @Access(writeAccess('treasury'))
  @Mutation(() => FinancialStabilityAssessment, { nullable: true, description: 'Opens a financial-stability assessment of a model in review.' })
  async openFinancialStabilityAssessment(
    @Arg('input', () => OpenAssessmentInput, { description: 'What to write.' }) input: OpenAssessmentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<FinancialAssessmentRecord> {
    const now = new Date();
    const model = await ctx.em.findOne(ModelRecord, { id: input.modelId });
    if (!model) throw notFound('Model', input.modelId);
    if (participationOf(model, now) !== Participation.IN_REVIEW) throw conflict(`Model ${model.id} is not in review`);
    if (input.dueAt.getTime() > model.plannedReleaseAt.getTime()) {
      throw badUserInput('dueAt must not be after the planned release of the model', 'dueAt');
    }
    return openAssessment(ctx.em, kinds, input, {}, actorOf(ctx), now);
  }

  @Access(writeAccess('treasury'))
  @Mutation(() => FinancialStabilityAssessment, { nullable: true, description: 'Starts work on a planned financial-stability assessment.' })
  async startFinancialStabilityAssessment(@Arg('id', () => ID, { description: 'Identifier.' }) id: string, @Ctx() ctx: SubgraphContext): Promise<FinancialAssessmentRecord> {
    return startAssessment(ctx.em, kinds, id, new Date());
  }

  @Access(writeAccess('treasury'))
  @Mutation(() => FinancialStabilityAssessment, { nullable: true, description: 'Completes a financial-stability assessment with its risk and conclusions.' })
  async completeFinancialStabilityAssessment(
    @Arg('input', () => CompleteFinancialStabilityAssessmentInput, { description: 'What to write.' }) input: CompleteFinancialStabilityAssessmentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<FinancialAssessmentRecord> {
    return completeAssessment(ctx.em, kinds, input, { systemicRiskScore: input.systemicRiskScore ?? null }, new Date());
  }

  @Access(writeAccess('treasury'))
  @Mutation(() => FinancialFinding, { nullable: true, description: 'Records a finding of a financial-stability assessment in progress.' })
  async recordFinancialFinding(
    @Arg('input', () => RecordFinancialFindingInput, { description: 'What to write.' }) input: RecordFinancialFindingInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<FinancialFindingRecord> {
    return recordFinding(ctx.em, kinds, input, { affectedMarket: input.affectedMarket }, actorOf(ctx), new Date());
  }
}
