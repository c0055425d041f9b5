import { Collection, Entity, Index, ManyToOne, OneToMany, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Capability } from '../../kit/schema/enums';
import { DeveloperRecord } from './developer-record';
import { EarlyAccessGrantRecord } from './early-access-grant-record';
import { joinCodes, splitCodes } from './code-list';

/** A model submitted for review: Treasury's intake record, the core of the Model entity. */
@Entity({ tableName: 'model' })
@Unique({ properties: ['developer', 'name', 'version'] })
// The default order with its tie-breaker: a page reads its rows in index order and stops.
@Index({ properties: ['submittedAt', 'id'] })
// "In review" is a range on the planned release of models not withdrawn: counted from the index alone.
@Index({ properties: ['plannedReleaseAt', 'withdrawnAt'] })
export class ModelRecord {
  [OptionalProps]?: 'revision' | 'capabilities' | 'sectors' | 'withdrawnAt' | 'withdrawalReason';

  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @ManyToOne(() => DeveloperRecord, { fieldName: 'developer_id' })
  developer!: DeveloperRecord;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 50 })
  version!: string;

  /** Capabilities as `,A,B,`: filterable with LIKE on SQLite and PostgreSQL alike. */
  @Property({ type: 'text' })
  capabilityCodes!: string;

  /** Sectors the developer declared the model relevant to, same encoding. */
  @Property({ type: 'text' })
  sectorCodes!: string;

  @Property({ type: 'datetime' })
  submittedAt!: Date;

  @Property({ type: 'datetime' })
  plannedReleaseAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  withdrawnAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  withdrawalReason: string | null = null;

  /** Optimistic lock for concurrent withdrawals and edits. */
  @Property({ type: 'integer', version: true })
  revision!: number;

  @OneToMany(() => EarlyAccessGrantRecord, (grant) => grant.model)
  grants = new Collection<EarlyAccessGrantRecord>(this);

  get capabilities(): Capability[] {
    return splitCodes(this.capabilityCodes) as Capability[];
  }

  set capabilities(values: Capability[]) {
    this.capabilityCodes = joinCodes(values);
  }

  get sectors(): string[] {
    return splitCodes(this.sectorCodes);
  }

  set sectors(codes: string[]) {
    this.sectorCodes = joinCodes(codes);
  }
}
