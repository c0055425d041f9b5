import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../kit/context';
import { Access } from '../../kit/authorization/access';
import { TREASURY_ONLY } from '../../kit/authorization/access-rules';
import { PageArgs, pageRequest } from '../../kit/pagination/page-args';
import { findPage } from '../../kit/pagination/keyset';
import type { ConnectionValue } from '../../kit/pagination/connection-type';
import { SortDirection } from '../../kit/schema/enums';
import { DeveloperRecord } from '../data/developer-record';
import type { ModelRecord } from '../data/model-record';
import { Developer, DeveloperContact } from '../types/developer';
import { DeveloperConnection, ModelConnection } from '../types/connections';
import { developersById, modelsByDeveloper } from '../loaders/treasury-loaders';

@Resolver(() => Developer)
export class DeveloperResolver {
  @Query(() => DeveloperConnection, { description: 'Developer organisations, by name.' })
  async developers(@Args(() => PageArgs) page: PageArgs, @Ctx() ctx: SubgraphContext): Promise<ConnectionValue<DeveloperRecord>> {
    return findPage(ctx.em, DeveloperRecord, {}, { property: 'name', direction: SortDirection.ASC }, pageRequest(page));
  }

  @Query(() => Developer, { nullable: true, description: 'One developer by id.' })
  async developer(@Arg('id', () => ID, { description: 'Identifier.' }) id: string, @Ctx() ctx: SubgraphContext): Promise<DeveloperRecord | null> {
    return developersById(ctx).load(id);
  }

  @Access(TREASURY_ONLY)
  @FieldResolver(() => DeveloperContact, { nullable: true, description: "The developer's security contact. Treasury only." })
  contact(@Root() developer: DeveloperRecord): DeveloperContact {
    return { name: developer.contactName, email: developer.contactEmail, phone: developer.contactPhone };
  }

  @FieldResolver(() => ModelConnection, { description: "The developer's submitted models, newest first." })
  async models(
    @Root() developer: DeveloperRecord,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ConnectionValue<ModelRecord>> {
    return modelsByDeveloper(ctx, pageRequest(page)).load(developer.id);
  }
}
