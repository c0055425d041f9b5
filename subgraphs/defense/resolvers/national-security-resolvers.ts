import { FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../kit/context';
import { AGENCY_ANALYSTS, CLASSIFIED, DEFENSE_OR_AGREEMENT } from '../../kit/authorization/access-rules';
import { assessmentResolvers, type AssessmentApi } from '../../kit/assessments/assessment-resolvers';
import { assessmentMutations } from '../../kit/assessments/assessment-mutations';
import { CompleteAssessmentInput } from '../../kit/assessments/assessment-schema';
import { rankOf } from '../../kit/assessments/assessment-record';
import type { AssessmentKinds } from '../../kit/assessments/assessment-store';
import { Agency, CLASSIFICATION_ORDER } from '../../kit/schema/enums';
import { isSectorCode } from '../../kit/domain/sectors';
import { badUserInput } from '../../kit/errors/user-errors';
import { assertModelExists } from '../../kit/domain/model-register';
import { NationalSecurityAssessmentRecord, SecurityFindingRecord } from '../data/national-security-records';
import { assertCleared, visibleAssessments, visibleFindings } from '../data/visibility';
import { Model, Sector } from '../types/model';
import {
  NationalSecurityAssessment,
  NationalSecurityAssessmentConnection,
  SecurityFinding,
  SecurityFindingConnection,
} from '../types/national-security-assessment';
import { OpenNationalSecurityAssessmentInput, RecordSecurityFindingInput } from '../types/inputs';

const kinds: AssessmentKinds<NationalSecurityAssessmentRecord, SecurityFindingRecord> = {
  assessment: NationalSecurityAssessmentRecord,
  finding: SecurityFindingRecord,
  assessmentPrefix: 'nsa',
  findingPrefix: 'nsf',
  label: 'National-security assessment',
};

const api: AssessmentApi<NationalSecurityAssessmentRecord, SecurityFindingRecord> = {
  agency: Agency.DEFENSE,
  kinds,
  types: {
    model: Model,
    assessment: NationalSecurityAssessment,
    assessmentConnection: NationalSecurityAssessmentConnection,
    findingConnection: SecurityFindingConnection,
  },
  names: { list: 'nationalSecurityAssessments', one: 'nationalSecurityAssessment' },
  access: [AGENCY_ANALYSTS, DEFENSE_OR_AGREEMENT],
  findingAccess: CLASSIFIED,
  visibleFindings: (ctx) => visibleFindings(ctx.caller),
  visibleAssessments: (ctx) => visibleAssessments(ctx.caller),
};

export const nationalSecurityQueries = assessmentResolvers(api);

@Resolver(() => SecurityFinding)
export class SecurityFindingResolver {
  @FieldResolver(() => Sector, { nullable: true, description: 'The critical-infrastructure sector concerned, if any.' })
  sector(@Root() finding: SecurityFindingRecord): Sector | null {
    return finding.sectorCode ? { code: finding.sectorCode } : null;
  }
}

export const NationalSecurityMutations = assessmentMutations(api, {
  types: { assessment: NationalSecurityAssessment, finding: SecurityFinding },
  names: { assessment: 'NationalSecurityAssessment', finding: 'SecurityFinding' },
  inputs: { open: OpenNationalSecurityAssessmentInput, complete: CompleteAssessmentInput, record: RecordSecurityFindingInput },
  // Nobody writes above their own clearance; the model is Treasury's.
  beforeOpen: async (input, ctx: SubgraphContext) => {
    assertCleared(ctx.caller, input.classification);
    await assertModelExists(input.modelId, ctx);
  },
  openFields: (input) => ({ classificationRank: rankOf(CLASSIFICATION_ORDER, input.classification) }),
  beforeRecord: (input, ctx) => {
    if (input.sectorCode && !isSectorCode(input.sectorCode)) throw badUserInput(`unknown sector code ${input.sectorCode}`, 'sectorCode');
    assertCleared(ctx.caller, input.classification);
  },
  findingFields: (input) => ({ details: input.details, sectorCode: input.sectorCode ?? null }),
  // The assessment is marked at least as high as its most classified finding.
  onRecorded: (assessment, finding) => {
    assessment.classificationRank = Math.max(assessment.classificationRank, finding.classificationRank);
  },
});
