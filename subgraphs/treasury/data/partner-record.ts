import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** A trusted organisation chosen for early access to frontier models. */
@Entity({ tableName: 'partner' })
export class PartnerRecord {
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Property({ type: 'string', length: 200, unique: true })
  name!: string;

  /** ISO 3166-1 alpha-2. */
  @Index()
  @Property({ type: 'string', length: 2 })
  country!: string;

  @Index()
  @Property({ type: 'string', length: 40 })
  sectorCode!: string;

  @Property({ type: 'string', length: 40 })
  kind!: string;

  @Property({ type: 'datetime' })
  joinedAt!: Date;
}
