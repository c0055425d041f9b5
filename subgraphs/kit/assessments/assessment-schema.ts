// The GraphQL side of assessments and findings that every agency shares: the two interfaces,
// the inputs of the life-cycle mutations, and the filter and order of assessment lists.
import { Field, ID, InputType, InterfaceType, registerEnumType } from 'type-graphql';
import { IsOptional, Length, Matches } from 'class-validator';
import { Agency, AssessmentStatus, Classification, RiskLevel, Severity, SortDirection } from '../schema/enums';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type TypeReference = () => abstract new (...args: any[]) => object;

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;

/**
 * `Assessment` and `Finding` refer to `Model`, whose class is the agency's own, so each agency
 * builds its interfaces with this factory. The definitions are identical in every subgraph.
 */
export function assessmentInterfaces(modelType: TypeReference, implementations: { assessment: string; finding: string }) {
  @InterfaceType('Assessment', {
    description: "One agency's evaluation of one model under review.",
    resolveType: () => implementations.assessment,
  })
  abstract class Assessment {
    @Field(() => ID, { description: 'Identifier, unique across agencies (its prefix names the agency).' })
    id!: string;

    @Field(() => Agency, { description: 'The agency that runs this assessment.' })
    agency!: Agency;

    // Nullable: the model is Treasury's, and Treasury hides from a partner the models it holds no grant for.
    @Field(modelType, { nullable: true, description: 'The model under assessment (null if the caller may not see it).' })
    model!: object;

    @Field(() => AssessmentStatus, { description: 'PLANNED, IN_PROGRESS, COMPLETED, or OVERDUE when past due and not completed.' })
    status!: AssessmentStatus;

    @Field(() => RiskLevel, { nullable: true, description: 'Risk attributed to the model; set when the assessment is completed.' })
    riskLevel!: RiskLevel | null;

    @Field(() => String, { nullable: true, description: 'Conclusions, written when the assessment is completed.' })
    summary!: string | null;

    @Field(() => String, { description: 'Subject of the analyst who leads the assessment.' })
    leadAnalyst!: string;

    @Field(() => Date, { description: 'When the assessment was opened.' })
    openedAt!: Date;

    @Field(() => Date, { nullable: true, description: 'When work started; null while PLANNED.' })
    startedAt!: Date | null;

    @Field(() => Date, { description: 'When the assessment is due: at the latest the end of the review window.' })
    dueAt!: Date;

    @Field(() => Date, { nullable: true, description: 'When the assessment was completed.' })
    completedAt!: Date | null;
  }

  @InterfaceType('Finding', {
    description: 'Something an assessment found about a model.',
    resolveType: () => implementations.finding,
  })
  abstract class Finding {
    @Field(() => ID, { description: 'Identifier, unique across agencies.' })
    id!: string;

    @Field(() => String, { description: 'One-line statement of the finding.' })
    title!: string;

    @Field(() => String, { description: 'What was found and how.' })
    description!: string;

    @Field(() => Severity, { description: 'How serious the finding is.' })
    severity!: Severity;

    @Field(() => Classification, { description: 'Classification marking of this finding.' })
    classification!: Classification;

    @Field(() => Date, { description: 'When the finding was recorded.' })
    recordedAt!: Date;

    @Field(() => String, { description: 'Subject of the analyst who recorded it.' })
    recordedBy!: string;
  }

  return { Assessment, Finding };
}

export enum AssessmentSortField {
  OPENED_AT = 'openedAt',
  DUE_AT = 'dueAt',
  RISK = 'riskRank',
}

registerEnumType(AssessmentSortField, {
  name: 'AssessmentSortField',
  description: 'What to order assessments by.',
  valuesConfig: {
    OPENED_AT: { description: 'When the assessment was opened.' },
    DUE_AT: { description: 'When the assessment is due.' },
    RISK: { description: 'The risk found; unrated assessments come last when descending.' },
  },
});

@InputType({ description: 'Narrows a list of assessments. All given conditions must hold.' })
export class AssessmentFilter {
  @Field(() => AssessmentStatus, { nullable: true, description: 'Only assessments in this status.' })
  status?: AssessmentStatus | null;

  @Field(() => RiskLevel, { nullable: true, description: 'Only completed assessments with at least this risk.' })
  riskAtLeast?: RiskLevel | null;

  @Field(() => Date, { nullable: true, description: 'Only assessments due before this time.' })
  dueBefore?: Date | null;
}

@InputType({ description: 'Order of an assessment list.' })
export class AssessmentOrder {
  @Field(() => AssessmentSortField, { defaultValue: AssessmentSortField.DUE_AT, description: 'What to order by.' })
  field: AssessmentSortField = AssessmentSortField.DUE_AT;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Ascending or descending.' })
  direction: SortDirection = SortDirection.ASC;
}

@InputType({ description: 'Opens an assessment of a model under review.' })
export class OpenAssessmentInput {
  @Field(() => ID, { description: 'The model to assess.' })
  @Matches(ID_PATTERN, { message: 'modelId is not a valid id' })
  modelId!: string;

  @Field(() => Date, { description: 'When the assessment is due; must be in the future.' })
  dueAt!: Date;

  @Field(() => String, { nullable: true, description: 'Subject of the lead analyst; defaults to the caller.' })
  @IsOptional()
  @Length(1, 120)
  leadAnalyst?: string | null;
}

@InputType({ description: 'Completes an assessment with its conclusions.' })
export class CompleteAssessmentInput {
  @Field(() => ID, { description: 'The assessment to complete.' })
  @Matches(ID_PATTERN, { message: 'id is not a valid id' })
  id!: string;

  @Field(() => RiskLevel, { description: 'The risk attributed to the model.' })
  riskLevel!: RiskLevel;

  @Field(() => String, { description: 'Conclusions (1 to 4000 characters).' })
  @Length(1, 4000)
  summary!: string;
}

@InputType({ description: 'Records a finding of an assessment that is not completed yet.' })
export class RecordFindingInput {
  @Field(() => ID, { description: 'The assessment the finding belongs to.' })
  @Matches(ID_PATTERN, { message: 'assessmentId is not a valid id' })
  assessmentId!: string;

  @Field(() => String, { description: 'One-line statement (1 to 200 characters).' })
  @Length(1, 200)
  title!: string;

  @Field(() => String, { description: 'What was found and how (1 to 8000 characters).' })
  @Length(1, 8000)
  description!: string;

  @Field(() => Severity, { description: 'How serious the finding is.' })
  severity!: Severity;

  @Field(() => Classification, { defaultValue: Classification.UNCLASSIFIED, description: 'Classification marking of the finding.' })
  classification: Classification = Classification.UNCLASSIFIED;
}

