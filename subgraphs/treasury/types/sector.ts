import { Directive, Field, ID, ObjectType } from 'type-graphql';

// Cyber owns the sector records; Treasury contributes the partners in each sector.
@ObjectType('Sector', { description: 'A critical-infrastructure sector.' })
@Directive('@key(fields: "code")')
export class Sector {
  @Field(() => ID, { description: 'Sector code, e.g. ENERGY or FINANCIAL_SERVICES.' })
  code!: string;
}
