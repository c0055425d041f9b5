import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Capability } from '../../kit/schema/enums';

// Treasury owns model intake: these are the Model entity's core fields.
@ObjectType('Model', { description: 'A frontier AI model submitted for security assessment before its public release.' })
@Directive('@key(fields: "id")')
export class Model {
  @Field(() => ID, { description: 'Identifier, shared by the three agencies.' })
  id!: string;

  @Field(() => String, { description: 'Name of the model.' })
  name!: string;

  @Field(() => String, { description: 'Version of the model under review.' })
  version!: string;

  @Field(() => [Capability], { description: 'Capabilities that matter for security review.' })
  capabilities!: Capability[];

  @Field(() => Date, { description: 'When the developer submitted the model.' })
  submittedAt!: Date;

  @Field(() => Date, { description: 'When the developer plans to release the model to the public.' })
  plannedReleaseAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the developer withdrew from the review, if it did.' })
  withdrawnAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The developer's reason for withdrawing." })
  withdrawalReason!: string | null;
}
