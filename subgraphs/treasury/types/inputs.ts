import { Field, Float, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { Capability, SortDirection } from '../../kit/schema/enums';
import { CompleteAssessmentInput, ID_PATTERN, RecordFindingInput } from '../../kit/assessments/assessment-schema';
import { FinancialMarket, ModelSortField, Participation, PartnerKind } from './treasury-enums';

const SECTOR_CODE = /^[A-Z][A-Z_]{1,39}$/;

@InputType({ description: 'Narrows the list of models. All given conditions must hold.' })
export class ModelFilter {
  @Field(() => Participation, { nullable: true, description: 'Only models in this state, e.g. IN_REVIEW.' })
  participation?: Participation | null;

  @Field(() => Boolean, { nullable: true, description: 'Only models whose review window is open now (true) or not (false).' })
  inReviewWindow?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Only models of this developer.' })
  developerId?: string | null;

  @Field(() => Capability, { nullable: true, description: 'Only models with this capability.' })
  capability?: Capability | null;

  @Field(() => ID, { nullable: true, description: 'Only models declared relevant to this sector (a sector code).' })
  sectorCode?: string | null;

  @Field(() => Date, { nullable: true, description: 'Only models planned for release before this time.' })
  releaseBefore?: Date | null;

  @Field(() => String, { nullable: true, description: 'Only models whose name contains this text (case-insensitive).' })
  nameContains?: string | null;
}

@InputType({ description: 'Order of the list of models.' })
export class ModelOrder {
  @Field(() => ModelSortField, { defaultValue: ModelSortField.SUBMITTED_AT, description: 'What to order by.' })
  field: ModelSortField = ModelSortField.SUBMITTED_AT;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC, description: 'Ascending or descending.' })
  direction: SortDirection = SortDirection.DESC;
}

@InputType({ description: 'Narrows the list of partners.' })
export class PartnerFilter {
  @Field(() => ID, { nullable: true, description: 'Only partners in this sector.' })
  sectorCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Only partners in this country (ISO 3166-1 alpha-2).' })
  country?: string | null;

  @Field(() => PartnerKind, { nullable: true, description: 'Only partners of this kind.' })
  kind?: PartnerKind | null;
}

@InputType({ description: 'A model handed to the government for assessment before its release.' })
export class SubmitModelInput {
  @Field(() => ID, { description: 'The developer submitting the model.' })
  @Matches(ID_PATTERN, { message: 'developerId is not a valid id' })
  developerId!: string;

  @Field(() => String, { description: 'Model name (1 to 200 characters).' })
  @Length(1, 200)
  name!: string;

  @Field(() => String, { description: 'Version (1 to 50 characters).' })
  @Length(1, 50)
  version!: string;

  @Field(() => [Capability], { description: 'Capabilities that matter for security review (1 to 8, no repeats).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(8)
  @ArrayUnique()
  capabilities!: Capability[];

  @Field(() => [ID], { defaultValue: [], description: 'Sector codes the model is relevant to (no repeats).' })
  @ArrayMaxSize(16)
  @ArrayUnique()
  @Matches(SECTOR_CODE, { each: true, message: 'each sector code must look like ENERGY' })
  sectorCodes!: string[];

  @Field(() => Date, { description: 'Planned public release: in the future, within a year.' })
  plannedReleaseAt!: Date;
}

@InputType({ description: "Grants a partner early access to a model that is in review." })
export class GrantEarlyAccessInput {
  @Field(() => ID, { description: 'The model, which must be in review.' })
  @Matches(ID_PATTERN, { message: 'modelId is not a valid id' })
  modelId!: string;

  @Field(() => ID, { description: 'The trusted partner.' })
  @Matches(ID_PATTERN, { message: 'partnerId is not a valid id' })
  partnerId!: string;

  @Field(() => String, { description: 'What the partner may use the model for (1 to 1000 characters).' })
  @Length(1, 1000)
  purpose!: string;

  @Field(() => Date, { nullable: true, description: 'Start of access; now when omitted.' })
  @IsOptional()
  startsAt?: Date | null;

  @Field(() => Date, { description: 'End of access; at the latest the planned release.' })
  endsAt!: Date;
}

@InputType('CompleteFinancialStabilityAssessmentInput', { description: 'Completes a financial-stability assessment.' })
export class CompleteFinancialStabilityAssessmentInput extends CompleteAssessmentInput {
  @Field(() => Float, { nullable: true, description: 'Systemic risk score, 0 to 100.' })
  @IsOptional()
  @Min(0)
  @Max(100)
  systemicRiskScore?: number | null;
}

@InputType('RecordFinancialFindingInput', { description: 'Records a finding of a financial-stability assessment.' })
export class RecordFinancialFindingInput extends RecordFindingInput {
  @Field(() => FinancialMarket, { description: 'The part of the financial system affected.' })
  affectedMarket!: FinancialMarket;
}
