import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A critical-infrastructure sector: the national cyber office keeps these records. */
@Entity({ tableName: 'sector' })
export class SectorRecord {
  @PrimaryKey({ type: 'string', length: 40 })
  code!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 300 })
  leadAgencyName!: string;

  /** Agency enum value when the lead agency takes part in Accord. */
  @Property({ type: 'string', length: 20, nullable: true })
  leadAgency: string | null = null;
}
