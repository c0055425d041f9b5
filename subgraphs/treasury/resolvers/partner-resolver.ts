import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import type { SubgraphContext } from '../../kit/context';
import { Access } from '../../kit/authorization/access';
import { PARTNER_PROGRAMME } from '../../kit/authorization/access-rules';
import { PageArgs, pageRequest } from '../../kit/pagination/page-args';
import { findPage } from '../../kit/pagination/keyset';
import type { ConnectionValue } from '../../kit/pagination/connection-type';
import { SortDirection } from '../../kit/schema/enums';
import { PartnerRecord } from '../data/partner-record';
import type { EarlyAccessGrantRecord } from '../data/early-access-grant-record';
import { Partner } from '../types/partner';
import { Sector } from '../types/sector';
import { PartnerFilter } from '../types/inputs';
import { EarlyAccessGrantConnection, PartnerConnection } from '../types/connections';
import { grantsBy, partnersById, partnersBySector } from '../loaders/treasury-loaders';
import { visiblePartners } from '../data/visibility';

@Resolver(() => Partner)
export class PartnerResolver {
  @Access(PARTNER_PROGRAMME)
  @Query(() => PartnerConnection, { nullable: true, description: 'Trusted partners, by name.' })
  async partners(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => PartnerFilter, { nullable: true, description: 'Conditions the partners must meet.' }) filter: PartnerFilter | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ConnectionValue<PartnerRecord>> {
    const where: FilterQuery<PartnerRecord> = {};
    if (filter?.sectorCode) where.sectorCode = filter.sectorCode;
    if (filter?.country) where.country = filter.country.toUpperCase();
    if (filter?.kind) where.kind = filter.kind;
    const visible = { $and: [where, visiblePartners(ctx.caller).filter] } as FilterQuery<PartnerRecord>;
    return findPage(ctx.em, PartnerRecord, visible, { property: 'name', direction: SortDirection.ASC }, pageRequest(page));
  }

  @Access(PARTNER_PROGRAMME)
  @Query(() => Partner, { nullable: true, description: 'One partner by id.' })
  async partner(@Arg('id', () => ID, { description: 'Identifier.' }) id: string, @Ctx() ctx: SubgraphContext): Promise<PartnerRecord | null> {
    return partnersById(ctx).load(id);
  }

  @FieldResolver(() => Sector, { description: 'The critical-infrastructure sector the partner works in.' })
  sector(@Root() partner: PartnerRecord): Sector {
    return { code: partner.sectorCode };
  }

  @Access(PARTNER_PROGRAMME)
  @FieldResolver(() => EarlyAccessGrantConnection, { nullable: true, description: "The partner's early-access grants, newest first." })
  async grants(
    @Root() partner: PartnerRecord,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('activeOnly', () => Boolean, { defaultValue: false, description: 'Only grants active now.' }) activeOnly: boolean,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ConnectionValue<EarlyAccessGrantRecord>> {
    return grantsBy(ctx, 'partner', pageRequest(page), activeOnly).load(partner.id);
  }
}

@Resolver(() => Sector)
export class SectorPartnersResolver {
  @Access(PARTNER_PROGRAMME)
  @FieldResolver(() => PartnerConnection, { nullable: true, description: 'Trusted partners in this sector, by name.' })
  async partners(
    @Root() sector: Sector,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ConnectionValue<PartnerRecord>> {
    return partnersBySector(ctx, pageRequest(page)).load(sector.code);
  }
}
