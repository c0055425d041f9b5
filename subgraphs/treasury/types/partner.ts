import { Field, ID, ObjectType } from 'type-graphql';
import { Access } from '../../kit/authorization/access';
import { PARTNER_PROGRAMME } from '../../kit/authorization/access-rules';
import { PartnerKind } from './treasury-enums';

@Access(PARTNER_PROGRAMME)
@ObjectType('Partner', { description: 'A trusted organisation with early access to frontier models, to harden critical infrastructure.' })
export class Partner {
  @Field(() => ID, { nullable: true, description: 'Identifier; also the `org` claim of the partner’s tokens.' })
  id!: string;

  @Field(() => String, { description: 'Organisation name.' })
  name!: string;

  @Field(() => String, { description: 'Country (ISO 3166-1 alpha-2).' })
  country!: string;

  @Field(() => PartnerKind, { description: 'What kind of organisation it is.' })
  kind!: PartnerKind;

  @Field(() => Date, { description: 'When it joined the trusted-partner programme.' })
  joinedAt!: Date;
}

@Access(PARTNER_PROGRAMME)
@ObjectType('EarlyAccessGrant', { description: "A partner's early access to one model, for a purpose and a period." })
export class EarlyAccessGrant {
  @Field(() => ID, { nullable: true, description: 'Identifier.' })
  id!: string;

  @Field(() => String, { description: 'What the partner may use the model for.' })
  purpose!: string;

  @Field(() => Date, { description: 'Start of the access period.' })
  startsAt!: Date;

  @Field(() => Date, { description: 'End of the access period (exclusive).' })
  endsAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When Treasury revoked the grant, if it did.' })
  revokedAt!: Date | null;

  @Field(() => String, { description: 'Subject of the official who granted it.' })
  grantedBy!: string;

  @Field(() => Date, { description: 'When it was granted.' })
  grantedAt!: Date;
}
