import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Agency } from '../../kit/schema/enums';

// The national cyber office owns the sector records; Treasury and Defense extend them.
@ObjectType('Sector', { description: 'A critical-infrastructure sector.' })
@Directive('@key(fields: "code")')
export class Sector {
  @Field(() => ID, { description: 'Sector code, e.g. ENERGY or FINANCIAL_SERVICES.' })
  code!: string;

  @Field(() => String, { description: 'Name of the sector.' })
  name!: string;

  @Field(() => String, { description: 'The sector risk management agency, as the government names it.' })
  leadAgencyName!: string;

  @Field(() => Agency, { nullable: true, description: 'The lead agency when it takes part in Accord; null otherwise.' })
  leadAgency!: Agency | null;
}

// Treasury owns the model record; the cyber office adds what models found in the sectors.
@ObjectType('Model', { description: 'A frontier AI model submitted for security assessment before its public release.' })
@Directive('@key(fields: "id")')
export class Model {
  @Field(() => ID, { description: 'Identifier, shared by the three agencies.' })
  id!: string;

  @Field(() => Boolean, { description: 'Whether the calling partner holds an active early-access grant for the model (Treasury decides).' })
  @Directive('@external')
  activeGrantForCaller!: boolean;
}
