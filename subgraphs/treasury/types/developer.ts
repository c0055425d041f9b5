import { Field, ID, ObjectType } from 'type-graphql';
import { Access } from '../../kit/authorization/access';
import { TREASURY_ONLY, classification } from '../../kit/authorization/access-rules';

@ObjectType('DeveloperContact', { description: "How Treasury reaches a developer's security team." })
export class DeveloperContact {
  @Field(() => String, { description: 'Name of the contact person.' })
  name!: string;

  @Field(() => String, { description: 'E-mail address.' })
  email!: string;

  @Field(() => String, { description: 'Telephone number.' })
  phone!: string;
}

@ObjectType('Developer', { description: 'An organisation that develops frontier AI models.' })
export class Developer {
  @Field(() => ID, { description: 'Identifier.' })
  id!: string;

  @Field(() => String, { description: 'Organisation name.' })
  name!: string;

  @Field(() => String, { description: 'Country of the headquarters (ISO 3166-1 alpha-2).' })
  country!: string;

  @Field(() => String, { nullable: true, description: 'Commercial terms agreed with the developer for the review programme. Treasury only.' })
  @Access(TREASURY_ONLY, classification('CUI'))
  commercialTerms!: string;
}
