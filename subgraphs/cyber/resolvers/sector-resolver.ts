import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../kit/context';
import { Access } from '../../kit/authorization/access';
import { ANALYSTS_AND_PARTNERS } from '../../kit/authorization/access-rules';
import { PageArgs, pageRequest } from '../../kit/pagination/page-args';
import type { ConnectionValue } from '../../kit/pagination/connection-type';
import { SortDirection } from '../../kit/schema/enums';
import { SectorRecord } from '../data/sector-record';
import type { VulnerabilityRecord } from '../data/vulnerability-record';
import { vulnerabilityFilter } from '../data/vulnerability-filter';
import { Sector } from '../types/sector';
import { VulnerabilityConnection } from '../types/vulnerability';
import { VulnerabilityFilter, VulnerabilityOrder } from '../types/inputs';
import { VulnerabilitySortField } from '../types/cyber-enums';
import { sectorsByCode, vulnerabilitiesBy } from '../loaders/cyber-loaders';

export function vulnerabilitySort(order: VulnerabilityOrder | null | undefined) {
  return {
    property: order?.field ?? VulnerabilitySortField.REPORTED_AT,
    direction: order?.direction ?? SortDirection.DESC,
  };
}

@Resolver(() => Sector)
export class SectorResolver {
  @Query(() => [Sector], { description: 'All critical-infrastructure sectors, by name (a short, fixed list).' })
  async sectors(@Ctx() ctx: SubgraphContext): Promise<SectorRecord[]> {
    return ctx.em.find(SectorRecord, {}, { orderBy: { name: 'asc' } });
  }

  @Query(() => Sector, { nullable: true, description: 'One sector by code.' })
  async sector(@Arg('code', () => ID, { description: 'Sector code, e.g. ENERGY.' }) code: string, @Ctx() ctx: SubgraphContext): Promise<SectorRecord | null> {
    return sectorsByCode(ctx).load(code);
  }

  @Access(ANALYSTS_AND_PARTNERS)
  @FieldResolver(() => VulnerabilityConnection, { nullable: true, description: 'Vulnerabilities models found in this sector, newest first unless ordered otherwise.' })
  async vulnerabilities(
    @Root() sector: SectorRecord,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => VulnerabilityFilter, { nullable: true, description: 'Conditions the vulnerabilities must meet.' }) filter: VulnerabilityFilter | null,
    @Arg('orderBy', () => VulnerabilityOrder, { nullable: true, description: 'Order; newest first when omitted.' }) orderBy: VulnerabilityOrder | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ConnectionValue<VulnerabilityRecord>> {
    const where = { key: JSON.stringify(filter ?? {}), filter: vulnerabilityFilter(filter) };
    return vulnerabilitiesBy(ctx, 'sector', where, vulnerabilitySort(orderBy), pageRequest(page)).load(sector.code);
  }
}
