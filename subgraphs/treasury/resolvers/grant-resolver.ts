import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../kit/context';
import { Access } from '../../kit/authorization/access';
import { writeAccess } from '../../kit/authorization/access-rules';
import { actorOf } from '../../kit/context';
import { Model } from '../types/model';
import { EarlyAccessGrant, Partner } from '../types/partner';
import { GrantEarlyAccessInput } from '../types/inputs';
import type { ModelRecord } from '../data/model-record';
import type { PartnerRecord } from '../data/partner-record';
import type { EarlyAccessGrantRecord } from '../data/early-access-grant-record';
import { grantEarlyAccess, revokeEarlyAccess } from '../data/grant-store';
import { modelsById, partnersById } from '../loaders/treasury-loaders';

@Resolver(() => EarlyAccessGrant)
export class GrantResolver {
  @FieldResolver(() => Partner, { description: 'The partner given access.' })
  async partner(@Root() grant: EarlyAccessGrantRecord, @Ctx() ctx: SubgraphContext): Promise<PartnerRecord | null> {
    return partnersById(ctx).load(grant.partner.id);
  }

  @FieldResolver(() => Model, { nullable: true, description: 'The model the partner may use (null if the caller may not see it).' })
  async model(@Root() grant: EarlyAccessGrantRecord, @Ctx() ctx: SubgraphContext): Promise<ModelRecord | null> {
    return modelsById(ctx).load(grant.model.id);
  }

  @FieldResolver(() => Boolean, { description: 'True when the grant is in its period and not revoked.' })
  isActive(@Root() grant: EarlyAccessGrantRecord): boolean {
    return grant.isActiveAt(new Date());
  }

  @Access(writeAccess('treasury'))
  @Mutation(() => EarlyAccessGrant, { nullable: true, description: 'Grants a trusted partner early access to a model in review.' })
  async grantEarlyAccess(
    @Arg('input', () => GrantEarlyAccessInput, { description: 'What to write.' }) input: GrantEarlyAccessInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EarlyAccessGrantRecord> {
    return grantEarlyAccess(ctx.em, input, actorOf(ctx), new Date());
  }

  @Access(writeAccess('treasury'))
  @Mutation(() => EarlyAccessGrant, { nullable: true, description: 'Ends an early-access grant now.' })
  async revokeEarlyAccess(@Arg('id', () => ID, { description: 'Identifier.' }) id: string, @Ctx() ctx: SubgraphContext): Promise<EarlyAccessGrantRecord> {
    return revokeEarlyAccess(ctx.em, id, new Date());
  }
}
