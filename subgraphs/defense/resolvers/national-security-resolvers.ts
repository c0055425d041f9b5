import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../kit/context';
import { Access } from '../../kit/authorization/access';
import { AGENCY_ANALYSTS, CLASSIFIED, DEFENSE_OR_AGREEMENT, writeAccess } from '../../kit/authorization/access-rules';
import { actorOf } from '../../kit/context';
import { assessmentResolvers } from '../../kit/assessments/assessment-resolvers';
import { CompleteAssessmentInput } from '../../kit/assessments/assessment-schema';
import { rankOf } from '../../kit/assessments/assessment-record';
import {
  completeAssessment,
  openAssessment,
  recordFinding,
  startAssessment,
  type AssessmentKinds,
} from '../../kit/assessments/assessment-store';
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

export const nationalSecurityQueries = assessmentResolvers({
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
});

@Resolver(() => SecurityFinding)
export class SecurityFindingResolver {
  @FieldResolver(() => Sector, { nullable: true, description: 'The critical-infrastructure sector concerned, if any.' })
  sector(@Root() finding: SecurityFindingRecord): Sector | null {
    return finding.sectorCode ? { code: finding.sectorCode } : null;
  }
}

@Resolver(() => NationalSecurityAssessment)
export class NationalSecurityMutations {
  @Access(writeAccess('defense'))
  @Mutation(() => NationalSecurityAssessment, { nullable: true, description: 'Opens a national-security assessment of a model.' })
  async openNationalSecurityAssessment(
    @Arg('input', () => OpenNationalSecurityAssessmentInput, { description: 'What to write.' }) input: OpenNationalSecurityAssessmentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<NationalSecurityAssessmentRecord> {
    assertCleared(ctx.caller, input.classification);
    await assertModelExists(input.modelId, ctx);
    return openAssessment(
      ctx.em,
      kinds,
      input,
      { classificationRank: rankOf(CLASSIFICATION_ORDER, input.classification) },
      actorOf(ctx),
      new Date(),
    );
  }

  @Access(writeAccess('defense'))
  @Mutation(() => NationalSecurityAssessment, { nullable: true, description: 'Starts work on a planned national-security assessment.' })
  async startNationalSecurityAssessment(
    @Arg('id', () => ID, { description: 'Identifier.' }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<NationalSecurityAssessmentRecord> {
    return startAssessment(ctx.em, kinds, id, new Date(), visibleAssessments(ctx.caller).filter);
  }

  @Access(writeAccess('defense'))
  @Mutation(() => NationalSecurityAssessment, { nullable: true, description: 'Completes a national-security assessment with its risk and conclusions.' })
  async completeNationalSecurityAssessment(
    @Arg('input', () => CompleteAssessmentInput, { description: 'What to write.' }) input: CompleteAssessmentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<NationalSecurityAssessmentRecord> {
    return completeAssessment(ctx.em, kinds, input, {}, new Date(), visibleAssessments(ctx.caller).filter);
  }

  @Access(writeAccess('defense'))
  @Mutation(() => SecurityFinding, { nullable: true, description: 'Records a finding of a national-security assessment in progress.' })
  async recordSecurityFinding(
    @Arg('input', () => RecordSecurityFindingInput, { description: 'What to write.' }) input: RecordSecurityFindingInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SecurityFindingRecord> {
    if (input.sectorCode && !isSectorCode(input.sectorCode)) {
      throw badUserInput(`unknown sector code ${input.sectorCode}`, 'sectorCode');
    }
    assertCleared(ctx.caller, input.classification);
    return recordFinding(
      ctx.em,
      kinds,
      input,
      { details: input.details, sectorCode: input.sectorCode ?? null },
      actorOf(ctx),
      new Date(),
      {
        visible: visibleAssessments(ctx.caller).filter,
        // The assessment is marked at least as high as its most classified finding.
        onRecorded: (assessment, finding) => {
          assessment.classificationRank = Math.max(assessment.classificationRank, finding.classificationRank);
        },
      },
    );
  }
}
