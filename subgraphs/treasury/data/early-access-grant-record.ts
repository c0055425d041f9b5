import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { ModelRecord } from './model-record';
import { PartnerRecord } from './partner-record';

/** One partner's early access to one model, for a purpose and a period. */
@Entity({ tableName: 'early_access_grant' })
export class EarlyAccessGrantRecord {
  [OptionalProps]?: 'revision' | 'revokedAt';

  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @ManyToOne(() => PartnerRecord, { fieldName: 'partner_id' })
  partner!: PartnerRecord;

  @ManyToOne(() => ModelRecord, { fieldName: 'model_id' })
  model!: ModelRecord;

  @Property({ type: 'text' })
  purpose!: string;

  @Property({ type: 'datetime' })
  startsAt!: Date;

  @Property({ type: 'datetime' })
  endsAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'string', length: 120 })
  grantedBy!: string;

  @Property({ type: 'datetime' })
  grantedAt!: Date;

  @Property({ type: 'integer', version: true })
  revision!: number;

  isActiveAt(now: Date): boolean {
    return !this.revokedAt && this.startsAt <= now && now < this.endsAt;
  }
}

/** The same rule as a database filter. */
export function activeGrantFilter(now: Date) {
  return { revokedAt: null, startsAt: { $lte: now }, endsAt: { $gt: now } };
}
