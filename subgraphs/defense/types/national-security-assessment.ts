import { Field, ObjectType } from 'type-graphql';
import { Access } from '../../kit/authorization/access';
import { AGENCY_ANALYSTS, CLASSIFIED, DEFENSE_OR_AGREEMENT, classification } from '../../kit/authorization/access-rules';
import { assessmentInterfaces } from '../../kit/assessments/assessment-schema';
import { connectionType } from '../../kit/pagination/connection-type';
import { Classification } from '../../kit/schema/enums';
import { Model } from './model';

export const { Assessment, Finding } = assessmentInterfaces(() => Model, {
  assessment: 'NationalSecurityAssessment',
  finding: 'SecurityFinding',
});

@Access(CLASSIFIED, classification('SECRET'))
@ObjectType('SecurityFinding', { implements: Finding, description: 'What a national-security assessment found.' })
export class SecurityFinding extends Finding {
  @Field(() => String, { nullable: true, description: 'Operational detail behind the finding, at the classification of the finding.' })
  details!: string;
}

@Access(AGENCY_ANALYSTS, DEFENSE_OR_AGREEMENT, classification('CUI'))
@ObjectType('NationalSecurityAssessment', {
  implements: Assessment,
  description: "Defense's assessment of the national-security risk of a model: a weapon as well as a tool.",
})
export class NationalSecurityAssessment extends Assessment {
  @Field(() => Classification, { description: 'Classification marking of the assessment as a whole.' })
  classification!: Classification;
}

export const SecurityFindingConnection = connectionType(() => SecurityFinding, 'SecurityFinding', 'security findings');
export const NationalSecurityAssessmentConnection = connectionType(
  () => NationalSecurityAssessment,
  'NationalSecurityAssessment',
  'national-security assessments',
);
