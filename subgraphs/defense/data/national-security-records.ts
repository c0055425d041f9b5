import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { AssessmentRecord, FindingRecord } from '../../kit/assessments/assessment-record';
import { CLASSIFICATION_ORDER, Classification } from '../../kit/schema/enums';

/** Defense's national-security assessment of a model. */
@Entity({ tableName: 'national_security_assessment' })
export class NationalSecurityAssessmentRecord extends AssessmentRecord {
  /** Index into CLASSIFICATION_ORDER: the marking of the assessment as a whole. */
  @Property({ type: 'integer' })
  classificationRank!: number;

  get classification(): Classification {
    return CLASSIFICATION_ORDER[this.classificationRank]!;
  }
}

@Entity({ tableName: 'security_finding' })
export class SecurityFindingRecord extends FindingRecord {
  @ManyToOne(() => NationalSecurityAssessmentRecord, { fieldName: 'assessment_id' })
  assessment!: NationalSecurityAssessmentRecord;

  /** The operational detail behind the finding; carries the finding's classification. */
  @Property({ type: 'text' })
  details!: string;

  /** The critical-infrastructure sector concerned, if any. */
  @Index()
  @Property({ type: 'string', length: 40, nullable: true })
  sectorCode: string | null = null;
}
