import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Capability } from '../../kit/schema/enums';

// Treasury owns the model record; Defense adds its assessments and reads the capabilities.
@ObjectType('Model', { description: 'A frontier AI model submitted for security assessment before its public release.' })
@Directive('@key(fields: "id")')
export class Model {
  @Field(() => ID, { description: 'Identifier, shared by the three agencies.' })
  id!: string;

  @Field(() => [Capability], { description: 'Capabilities that matter for security review.' })
  @Directive('@external')
  capabilities!: Capability[];
}

@ObjectType('Sector', { description: 'A critical-infrastructure sector.' })
@Directive('@key(fields: "code")')
export class Sector {
  @Field(() => ID, { description: 'Sector code, e.g. ENERGY or FINANCIAL_SERVICES.' })
  code!: string;
}
