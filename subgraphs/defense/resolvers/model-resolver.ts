import { Arg, Args, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../kit/context';
import { Access } from '../../kit/authorization/access';
import { AGENCY_ANALYSTS, CLASSIFIED } from '../../kit/authorization/access-rules';
import { PageArgs, pageRequest } from '../../kit/pagination/page-args';
import type { ConnectionValue } from '../../kit/pagination/connection-type';
import { Capability, Severity } from '../../kit/schema/enums';
import { Model, Sector } from '../types/model';
import { NationalSecurityPriority } from '../types/defense-enums';
import { SecurityFindingConnection } from '../types/national-security-assessment';
import type { SecurityFindingRecord } from '../data/national-security-records';
import { priorityOf } from '../data/priority';
import { findingsBySector } from '../loaders/defense-loaders';

@Resolver(() => Model)
export class ModelPriorityResolver {
  @Access(AGENCY_ANALYSTS)
  @FieldResolver(() => NationalSecurityPriority, {
    nullable: true,
    description: 'How urgently Defense must assess the model, from the capabilities recorded at intake.',
  })
  @Directive('@requires(fields: "capabilities")')
  nationalSecurityPriority(@Root() model: { id: string; capabilities?: Capability[] }): NationalSecurityPriority {
    return priorityOf(model.capabilities ?? []);
  }
}

@Resolver(() => Sector)
export class SectorFindingsResolver {
  @Access(CLASSIFIED)
  @FieldResolver(() => SecurityFindingConnection, {
    nullable: true,
    description: 'National-security findings concerning this sector, most severe first.',
  })
  async securityFindings(
    @Root() sector: Sector,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('severityAtLeast', () => Severity, { nullable: true, description: 'Only findings at least this severe.' })
    severityAtLeast: Severity | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ConnectionValue<SecurityFindingRecord>> {
    return findingsBySector(ctx, pageRequest(page), severityAtLeast).load(sector.code);
  }
}
