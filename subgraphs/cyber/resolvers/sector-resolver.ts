import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../kit/context';
import { Access } from '../../kit/authorization/access';
import { ANALYSTS_AND_PARTNERS } from '../../kit/authorization/access-rules';
import type { ConnectionValue } from '../../kit/pagination/connection-type';
import { findSnapshots } from '../../kit/orm/read-snapshots';
import { SectorRecord } from '../data/sector-record';
import type { VulnerabilityRecord } from '../data/vulnerability-record';
import { Sector } from '../types/sector';
import { VulnerabilityConnection } from '../types/vulnerability';
import { VulnerabilityListArgs } from '../types/inputs';
import { sectorsByCode, vulnerabilitiesBy } from '../loaders/cyber-loaders';

@Resolver(() => Sector)
export class SectorResolver {
  @Query(() => [Sector], { description: 'All critical-infrastructure sectors, by name (a short, fixed list).' })
  async sectors(@Ctx() ctx: SubgraphContext): Promise<SectorRecord[]> {
    return findSnapshots(ctx.em, SectorRecord, {}, { orderBy: { name: 'asc' } });
  }

  @Query(() => Sector, { nullable: true, description: 'One sector by code.' })
  async sector(@Arg('code', () => ID, { description: 'Sector code, e.g. ENERGY.' }) code: string, @Ctx() ctx: SubgraphContext): Promise<SectorRecord | null> {
    return sectorsByCode(ctx).load(code);
  }

  @Access(ANALYSTS_AND_PARTNERS)
  @FieldResolver(() => VulnerabilityConnection, { nullable: true, description: 'Vulnerabilities models found in this sector, newest first unless ordered otherwise.' })
  async vulnerabilities(
    @Root() sector: SectorRecord,
    @Args(() => VulnerabilityListArgs) args: VulnerabilityListArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ConnectionValue<VulnerabilityRecord>> {
    return vulnerabilitiesBy(ctx, 'sector', args).load(sector.code);
  }
}
