import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { AssessmentRecord, FindingRecord } from '../../kit/assessments/assessment-record';

/** The cyber office's assessment of a model's impact on one critical-infrastructure sector. */
@Entity({ tableName: 'infrastructure_assessment' })
export class InfrastructureAssessmentRecord extends AssessmentRecord {
  @Index()
  @Property({ type: 'string', length: 40 })
  sectorCode!: string;
}

@Entity({ tableName: 'infrastructure_finding' })
export class InfrastructureFindingRecord extends FindingRecord {
  @ManyToOne(() => InfrastructureAssessmentRecord, { fieldName: 'assessment_id' })
  assessment!: InfrastructureAssessmentRecord;

  @Property({ type: 'text', nullable: true })
  mitigation: string | null = null;
}
