import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('ReviewWindow', {
  description: 'The period in which the government may assess a model: from the later of submission and 30 days before release, to release.',
})
export class ReviewWindow {
  @Field(() => Date, { description: 'When the window opens.' })
  opensAt!: Date;

  @Field(() => Date, { description: 'When the window closes: the planned release.' })
  closesAt!: Date;

  @Field(() => Boolean, { description: 'True while the model is in review and the window is open.' })
  isOpen!: boolean;

  @Field(() => Int, { description: 'Whole days until the window closes (0 once closed).' })
  daysRemaining!: number;
}
