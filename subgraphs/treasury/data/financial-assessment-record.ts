import { Entity, ManyToOne, Property } from '@mikro-orm/core';
import { AssessmentRecord, FindingRecord } from '../../kit/assessments/assessment-record';

/** Treasury's financial-stability assessment of a model. */
@Entity({ tableName: 'financial_assessment' })
export class FinancialAssessmentRecord extends AssessmentRecord {
  /** 0–100: how far the model could destabilise the financial system; set on completion. */
  @Property({ type: 'double', nullable: true })
  systemicRiskScore: number | null = null;
}

@Entity({ tableName: 'financial_finding' })
export class FinancialFindingRecord extends FindingRecord {
  @ManyToOne(() => FinancialAssessmentRecord, { fieldName: 'assessment_id' })
  assessment!: FinancialAssessmentRecord;

  /** FinancialMarket enum value. */
  @Property({ type: 'string', length: 40 })
  affectedMarket!: string;
}
