import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, Length, Matches } from 'class-validator';
import { OpenAssessmentInput, RecordFindingInput } from '../../kit/assessments/assessment-schema';
import { Classification } from '../../kit/schema/enums';

@InputType('OpenNationalSecurityAssessmentInput', { description: 'Opens a national-security assessment.' })
export class OpenNationalSecurityAssessmentInput extends OpenAssessmentInput {
  @Field(() => Classification, { defaultValue: Classification.SECRET, description: 'Marking of the assessment as a whole.' })
  classification!: Classification;
}

@InputType('RecordSecurityFindingInput', { description: 'Records a finding of a national-security assessment.' })
export class RecordSecurityFindingInput extends RecordFindingInput {
  @Field(() => String, { description: 'Operational detail (1 to 8000 characters), at the classification of the finding.' })
  @Length(1, 8000)
  details!: string;

  @Field(() => ID, { nullable: true, description: 'The critical-infrastructure sector concerned, if any.' })
  @IsOptional()
  @Matches(/^[A-Z][A-Z_]{1,39}$/, { message: 'sectorCode must look like ENERGY' })
  sectorCode?: string | null;
}
