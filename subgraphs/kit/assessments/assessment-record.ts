// Columns every agency's assessments and findings have. Each agency subclasses these as its own
// entities, in its own database; a finding subclass adds the `assessment` relation to its own table.
import { Index, PrimaryKey, Property } from '@mikro-orm/core';
import { CLASSIFICATION_ORDER, Classification, RISK_ORDER, RiskLevel, SEVERITY_ORDER, Severity } from '../schema/enums';

/** Stored for risk and severity ranks that are not known yet, so that they sort last. */
export const UNRATED = -1;

export abstract class AssessmentRecord {
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  /** The model under assessment (its record lives in the treasury subgraph). */
  @Index()
  @Property({ type: 'string', length: 40 })
  modelId!: string;

  /** Subject of the analyst who leads it. */
  @Property({ type: 'string', length: 120 })
  leadAnalyst!: string;

  @Property({ type: 'datetime' })
  openedAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  startedAt: Date | null = null;

  @Index()
  @Property({ type: 'datetime' })
  dueAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  completedAt: Date | null = null;

  /** Index into RISK_ORDER, UNRATED until the assessment is completed. */
  @Property({ type: 'integer' })
  riskRank: number = UNRATED;

  @Property({ type: 'text', nullable: true })
  summary: string | null = null;

  /** Optimistic lock: two analysts completing the same assessment cannot both win. */
  @Property({ type: 'integer', version: true })
  revision!: number;

  get riskLevel(): RiskLevel | null {
    return this.riskRank === UNRATED ? null : RISK_ORDER[this.riskRank]!;
  }
}

export abstract class FindingRecord {
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'text' })
  description!: string;

  /** Index into SEVERITY_ORDER. */
  @Property({ type: 'integer' })
  severityRank!: number;

  /** Index into CLASSIFICATION_ORDER. */
  @Property({ type: 'integer' })
  classificationRank!: number;

  @Property({ type: 'datetime' })
  recordedAt!: Date;

  @Property({ type: 'string', length: 120 })
  recordedBy!: string;

  get severity(): Severity {
    return SEVERITY_ORDER[this.severityRank]!;
  }

  get classification(): Classification {
    return CLASSIFICATION_ORDER[this.classificationRank]!;
  }
}

export function rankOf<T>(order: readonly T[], value: T): number {
  const rank = order.indexOf(value);
  if (rank < 0) throw new Error(`unknown level ${String(value)}`);
  return rank;
}
