import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../kit/context';
import { Access } from '../../kit/authorization/access';
import { PARTNER_PROGRAMME } from '../../kit/authorization/access-rules';
import { PageArgs, pageRequest } from '../../kit/pagination/page-args';
import { findPage } from '../../kit/pagination/keyset';
import type { ConnectionValue } from '../../kit/pagination/connection-type';
import { daysRemaining, reviewWindow } from '../../kit/domain/review-window';
import { ModelRecord } from '../data/model-record';
import type { DeveloperRecord } from '../data/developer-record';
import type { EarlyAccessGrantRecord } from '../data/early-access-grant-record';
import { modelFilter, participationOf } from '../data/model-filter';
import { visibleModels } from '../data/visibility';
import { Model } from '../types/model';
import { Developer } from '../types/developer';
import { Sector } from '../types/sector';
import { ReviewWindow } from '../types/review-window';
import { ModelFilter, ModelOrder } from '../types/inputs';
import { ModelSortField, Participation } from '../types/treasury-enums';
import { EarlyAccessGrantConnection, ModelConnection } from '../types/connections';
import { activeGrantOfCaller, developersById, grantsBy, modelsById } from '../loaders/treasury-loaders';
import { SortDirection } from '../../kit/schema/enums';

@Resolver(() => Model)
export class ModelResolver {
  @Query(() => ModelConnection, {
    description: 'Models submitted for review, newest submission first unless ordered otherwise.',
  })
  async models(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ModelFilter, { nullable: true, description: 'Conditions the models must meet.' }) filter: ModelFilter | null,
    @Arg('orderBy', () => ModelOrder, { nullable: true, description: 'Order; newest submission first when omitted.' }) orderBy: ModelOrder | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ConnectionValue<ModelRecord>> {
    const now = new Date();
    const where = () => ({ $and: [modelFilter(filter, now), visibleModels(ctx.caller, now).filter] });
    const sort = {
      property: orderBy?.field ?? ModelSortField.SUBMITTED_AT,
      direction: orderBy?.direction ?? SortDirection.DESC,
    };
    return findPage(ctx.em, ModelRecord, where, sort, pageRequest(page));
  }

  @Query(() => Model, { nullable: true, description: 'One model by id.' })
  async model(@Arg('id', () => ID, { description: 'Identifier.' }) id: string, @Ctx() ctx: SubgraphContext): Promise<ModelRecord | null> {
    return modelsById(ctx).load(id);
  }

  @FieldResolver(() => Developer, { description: 'The organisation that developed the model.' })
  async developer(@Root() model: ModelRecord, @Ctx() ctx: SubgraphContext): Promise<DeveloperRecord | null> {
    return developersById(ctx).load(model.developer.id);
  }

  @FieldResolver(() => [Sector], { description: 'Critical-infrastructure sectors the developer declared the model relevant to.' })
  sectorsOfConcern(@Root() model: ModelRecord): Sector[] {
    return model.sectors.map((code) => ({ code }));
  }

  @FieldResolver(() => Participation, { description: 'In review, withdrawn, or released.' })
  participation(@Root() model: ModelRecord): Participation {
    return participationOf(model, new Date());
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether the calling partner holds an active early-access grant for this model; false for callers who are not partners.',
  })
  async activeGrantForCaller(@Root() model: ModelRecord, @Ctx() ctx: SubgraphContext): Promise<boolean> {
    return activeGrantOfCaller(ctx).load(model.id);
  }

  @FieldResolver(() => ReviewWindow, { description: 'When the government may assess the model.' })
  reviewWindow(@Root() model: ModelRecord): ReviewWindow {
    const now = new Date();
    const window = reviewWindow(model.submittedAt, model.plannedReleaseAt);
    const inReview = participationOf(model, now) === Participation.IN_REVIEW;
    return {
      ...window,
      isOpen: inReview && window.opensAt <= now && now < window.closesAt,
      daysRemaining: inReview ? daysRemaining(window, now) : 0,
    };
  }

  @Access(PARTNER_PROGRAMME)
  @FieldResolver(() => EarlyAccessGrantConnection, { nullable: true, description: 'Early access granted to partners for this model, newest first.' })
  async earlyAccessGrants(
    @Root() model: ModelRecord,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('activeOnly', () => Boolean, { defaultValue: false, description: 'Only grants active now.' }) activeOnly: boolean,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ConnectionValue<EarlyAccessGrantRecord>> {
    return grantsBy(ctx, 'model', pageRequest(page), activeOnly).load(model.id);
  }
}
