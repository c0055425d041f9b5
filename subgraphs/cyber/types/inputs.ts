import { ArgsType, Field, Float, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { ID_PATTERN, OpenAssessmentInput, RecordFindingInput } from '../../kit/assessments/assessment-schema';
import { Severity, SortDirection } from '../../kit/schema/enums';
import { PageArgs } from '../../kit/pagination/page-args';
import { DisclosureStatus, VulnerabilitySortField } from './cyber-enums';

const SECTOR_CODE = /^[A-Z][A-Z_]{1,39}$/;

@InputType({ description: 'Narrows a list of vulnerabilities. All given conditions must hold.' })
export class VulnerabilityFilter {
  @Field(() => ID, { nullable: true, description: 'Only vulnerabilities in this sector.' })
  sectorCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only vulnerabilities found by this model.' })
  modelId?: string | null;

  @Field(() => Severity, { nullable: true, description: 'Only vulnerabilities at least this severe.' })
  severityAtLeast?: Severity | null;

  @Field(() => DisclosureStatus, { nullable: true, description: 'Only vulnerabilities at this disclosure stage.' })
  disclosureStatus?: DisclosureStatus | null;

  @Field(() => Date, { nullable: true, description: 'Only vulnerabilities reported after this time.' })
  reportedAfter?: Date | null;
}

@InputType({ description: 'Order of a list of vulnerabilities.' })
export class VulnerabilityOrder {
  @Field(() => VulnerabilitySortField, { defaultValue: VulnerabilitySortField.REPORTED_AT, description: 'What to order by.' })
  field: VulnerabilitySortField = VulnerabilitySortField.REPORTED_AT;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC, description: 'Ascending or descending.' })
  direction: SortDirection = SortDirection.DESC;
}

/** The arguments of every list of vulnerabilities: a page, a filter and an order. */
@ArgsType()
export class VulnerabilityListArgs extends PageArgs {
  @Field(() => VulnerabilityFilter, { nullable: true, description: 'Conditions the vulnerabilities must meet.' })
  filter?: VulnerabilityFilter | null;

  @Field(() => VulnerabilityOrder, { nullable: true, description: 'Order; newest first when omitted.' })
  orderBy?: VulnerabilityOrder | null;
}

@InputType({ description: 'A weakness a model found in a sector’s systems.' })
export class ReportVulnerabilityInput {
  @Field(() => ID, { description: 'The sector whose systems are affected.' })
  @Matches(SECTOR_CODE, { message: 'sectorCode must look like ENERGY' })
  sectorCode!: string;

  @Field(() => ID, { description: 'The model that found it.' })
  @Matches(ID_PATTERN, { message: 'modelId is not a valid id' })
  modelId!: string;

  @Field(() => String, { description: 'One-line statement (1 to 200 characters).' })
  @Length(1, 200)
  title!: string;

  @Field(() => String, { description: 'What the weakness is (1 to 8000 characters).' })
  @Length(1, 8000)
  description!: string;

  @Field(() => Severity, { description: 'How serious it is.' })
  severity!: Severity;

  @Field(() => Float, { description: 'CVSS v3.1 base score, 0.0 to 10.0.' })
  @Min(0)
  @Max(10)
  cvssScore!: number;

  @Field(() => [String], { description: 'Products and systems affected (1 to 50, each 1 to 200 characters).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Length(1, 200, { each: true })
  affectedSystems!: string[];

  @Field(() => String, { description: 'How to exploit it (1 to 20000 characters); need-to-know.' })
  @Length(1, 20000)
  exploitDetails!: string;
}

@InputType('OpenInfrastructureImpactAssessmentInput', { description: "Opens an assessment of a model's impact on a sector." })
export class OpenInfrastructureImpactAssessmentInput extends OpenAssessmentInput {
  @Field(() => ID, { description: 'The sector assessed.' })
  @Matches(SECTOR_CODE, { message: 'sectorCode must look like ENERGY' })
  sectorCode!: string;
}

@InputType('RecordInfrastructureFindingInput', { description: 'Records a finding of an infrastructure-impact assessment.' })
export class RecordInfrastructureFindingInput extends RecordFindingInput {
  @Field(() => String, { nullable: true, description: 'What operators should do about it (up to 8000 characters).' })
  @IsOptional()
  @Length(1, 8000)
  mitigation?: string | null;
}
