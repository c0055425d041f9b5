import type { SubgraphContext } from '../../kit/context';
import { AGENCY_ANALYSTS } from '../../kit/authorization/access-rules';
import { assessmentResolvers, type AssessmentApi } from '../../kit/assessments/assessment-resolvers';
import { assessmentMutations } from '../../kit/assessments/assessment-mutations';
import { OpenAssessmentInput } from '../../kit/assessments/assessment-schema';
import type { AssessmentKinds } from '../../kit/assessments/assessment-store';
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

const api: AssessmentApi<FinancialAssessmentRecord, FinancialFindingRecord> = {
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
};

export const financialAssessmentQueries = assessmentResolvers(api);

/** Treasury holds the intake: only a model in review, and not past its release. */
async function assertAssessable(input: OpenAssessmentInput, ctx: SubgraphContext): Promise<void> {
  const model = await ctx.em.findOne(ModelRecord, { id: input.modelId });
  if (!model) throw notFound('Model', input.modelId);
  if (participationOf(model, new Date()) !== Participation.IN_REVIEW) throw conflict(`Model ${model.id} is not in review`);
  if (input.dueAt.getTime() > model.plannedReleaseAt.getTime()) {
    throw badUserInput('dueAt must not be after the planned release of the model', 'dueAt');
  }
}

export const FinancialAssessmentMutations = assessmentMutations(api, {
  types: { assessment: FinancialStabilityAssessment, finding: FinancialFinding },
  names: { assessment: 'FinancialStabilityAssessment', finding: 'FinancialFinding' },
  inputs: { open: OpenAssessmentInput, complete: CompleteFinancialStabilityAssessmentInput, record: RecordFinancialFindingInput },
  beforeOpen: assertAssessable,
  completeFields: (input) => ({ systemicRiskScore: input.systemicRiskScore ?? null }),
  findingFields: (input) => ({ affectedMarket: input.affectedMarket }),
});
