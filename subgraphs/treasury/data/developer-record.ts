import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A developer organisation that submits frontier models. Contact and terms are Treasury's own. */
@Entity({ tableName: 'developer' })
export class DeveloperRecord {
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Property({ type: 'string', length: 200, unique: true })
  name!: string;

  /** ISO 3166-1 alpha-2. */
  @Property({ type: 'string', length: 2 })
  country!: string;

  @Property({ type: 'string', length: 200 })
  contactName!: string;

  @Property({ type: 'string', length: 320 })
  contactEmail!: string;

  @Property({ type: 'string', length: 40 })
  contactPhone!: string;

  @Property({ type: 'text' })
  commercialTerms!: string;

  @Property({ type: 'datetime' })
  registeredAt!: Date;
}
