import { Field, Float, ObjectType } from 'type-graphql';
import { Access } from '../../kit/authorization/access';
import { AGENCY_ANALYSTS } from '../../kit/authorization/access-rules';
import { assessmentInterfaces } from '../../kit/assessments/assessment-schema';
import { connectionType } from '../../kit/pagination/connection-type';
import { FinancialMarket } from './treasury-enums';
import { Model } from './model';

export const { Assessment, Finding } = assessmentInterfaces(() => Model, {
  assessment: 'FinancialStabilityAssessment',
  finding: 'FinancialFinding',
});

@Access(AGENCY_ANALYSTS)
@ObjectType('FinancialFinding', { implements: Finding, description: 'What a financial-stability assessment found.' })
export class FinancialFinding extends Finding {
  @Field(() => FinancialMarket, { nullable: true, description: 'The part of the financial system affected.' })
  affectedMarket!: FinancialMarket;
}

@Access(AGENCY_ANALYSTS)
@ObjectType('FinancialStabilityAssessment', {
  implements: Assessment,
  description: "Treasury's assessment of the systemic risk a model poses to the financial system.",
})
export class FinancialStabilityAssessment extends Assessment {
  @Field(() => Float, { nullable: true, description: '0 to 100: potential to destabilise the financial system; set on completion.' })
  systemicRiskScore!: number | null;
}

export const FinancialFindingConnection = connectionType(() => FinancialFinding, 'FinancialFinding', 'financial findings');
export const FinancialStabilityAssessmentConnection = connectionType(
  () => FinancialStabilityAssessment,
  'FinancialStabilityAssessment',
  'financial-stability assessments',
);
