import { Field, ObjectType } from 'type-graphql';
import { Access } from '../../kit/authorization/access';
import { AGENCY_ANALYSTS } from '../../kit/authorization/access-rules';
import { assessmentInterfaces } from '../../kit/assessments/assessment-schema';
import { connectionType } from '../../kit/pagination/connection-type';
import { Model } from './sector';

export const { Assessment, Finding } = assessmentInterfaces(() => Model, {
  assessment: 'InfrastructureImpactAssessment',
  finding: 'InfrastructureFinding',
});

@Access(AGENCY_ANALYSTS)
@ObjectType('InfrastructureFinding', { implements: Finding, description: 'What an infrastructure-impact assessment found.' })
export class InfrastructureFinding extends Finding {
  @Field(() => String, { nullable: true, description: 'What operators should do about it.' })
  mitigation!: string | null;
}

@Access(AGENCY_ANALYSTS)
@ObjectType('InfrastructureImpactAssessment', {
  implements: Assessment,
  description: "The national cyber office's assessment of what a model could do to one critical-infrastructure sector.",
})
export class InfrastructureImpactAssessment extends Assessment {}

export const InfrastructureFindingConnection = connectionType(
  () => InfrastructureFinding,
  'InfrastructureFinding',
  'infrastructure findings',
);
export const InfrastructureImpactAssessmentConnection = connectionType(
  () => InfrastructureImpactAssessment,
  'InfrastructureImpactAssessment',
  'infrastructure-impact assessments',
);
