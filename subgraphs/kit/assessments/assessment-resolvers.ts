// The read side of assessments, identical for the three agencies: the agency's list and single
// queries, the list on each Model, the findings of each assessment, and the derived fields.
// Lists go through per-request loaders, so 50 models cost one statement, not 50.
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import type { SubgraphContext } from '../context';
import { Agency, AssessmentStatus, SEVERITY_ORDER, Severity, SortDirection } from '../schema/enums';
import { PageArgs, pageRequest } from '../pagination/page-args';
import { findPage, type SortKey } from '../pagination/keyset';
import { connectionsByParent, entitiesById } from '../loaders/entity-loaders';
import type { ConnectionValue } from '../pagination/connection-type';
import { rankOf, type AssessmentRecord, type FindingRecord } from './assessment-record';
import { assessmentStatus } from './assessment-status';
import { AssessmentFilter, AssessmentOrder, AssessmentSortField } from './assessment-schema';
import { assessmentFilter, type AssessmentKinds } from './assessment-store';
import { Access } from '../authorization/access';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ClassType = abstract new (...args: any[]) => object;

/** Rows of a table a caller may see, and a key naming that restriction (loaders are shared by key). */
export interface RowFilter<T> {
  readonly key: string;
  readonly filter: FilterQuery<T>;
}

export interface AssessmentApi<A extends AssessmentRecord, F extends FindingRecord> {
  readonly agency: Agency;
  readonly kinds: AssessmentKinds<A, F>;
  readonly types: {
    readonly model: ClassType;
    readonly assessment: ClassType;
    readonly assessmentConnection: ClassType;
    readonly findingConnection: ClassType;
  };
  /** Root query names; the plural also names the field on Model. */
  readonly names: { readonly list: string; readonly one: string };
  /** How this agency resolves `Assessment.model` from a model id (a reference by default). */
  readonly resolveModel?: (modelId: string, ctx: SubgraphContext) => unknown;
  /** Who may read the assessments (access-rules.ts); also applied to every field that lists them. */
  readonly access: readonly string[];
  /** Who may read the findings. */
  readonly findingAccess: readonly string[];
  /** Findings a caller may see, e.g. up to their clearance. */
  readonly visibleFindings?: (ctx: SubgraphContext) => RowFilter<F>;
  /** Assessments a caller may see, e.g. up to their clearance. */
  readonly visibleAssessments?: (ctx: SubgraphContext) => RowFilter<A>;
}

function sortOf(order: AssessmentOrder | null | undefined): SortKey {
  return {
    property: order?.field ?? AssessmentSortField.DUE_AT,
    direction: order?.direction ?? SortDirection.ASC,
  };
}

export function assessmentResolvers<A extends AssessmentRecord, F extends FindingRecord>(
  api: AssessmentApi<A, F>,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
): Function[] {
  const { kinds, types, names } = api;
  const visibleAssessments = (ctx: SubgraphContext): RowFilter<A> =>
    api.visibleAssessments?.(ctx) ?? { key: 'all', filter: {} as FilterQuery<A> };
  const findingSort: SortKey = { property: 'severityRank', direction: SortDirection.DESC };

  @Resolver(() => types.assessment)
  class AssessmentQueries {
    @Access(api.access)
    @Query(() => types.assessmentConnection, {
      nullable: true,
      name: names.list,
      description: `Assessments by this agency, filtered and ordered (by due date unless told otherwise).`,
    })
    async list(
      @Args(() => PageArgs) page: PageArgs,
      @Arg('filter', () => AssessmentFilter, { nullable: true, description: 'Conditions the assessments must meet.' }) filter: AssessmentFilter | null,
      @Arg('orderBy', () => AssessmentOrder, { nullable: true, description: 'Order; by due date, soonest first, when omitted.' }) orderBy: AssessmentOrder | null,
      @Ctx() ctx: SubgraphContext,
    ): Promise<ConnectionValue<A>> {
      const where = { $and: [assessmentFilter(filter, new Date()), visibleAssessments(ctx).filter] } as FilterQuery<A>;
      return findPage(ctx.em, kinds.assessment, where, sortOf(orderBy), pageRequest(page));
    }

    @Access(api.access)
    @Query(() => types.assessment, { name: names.one, nullable: true, description: 'One assessment by id.' })
    async one(@Arg('id', () => ID, { description: 'The assessment id.' }) id: string, @Ctx() ctx: SubgraphContext): Promise<A | null> {
      return entitiesById(ctx, kinds.assessment, visibleAssessments(ctx)).load(id);
    }

    @FieldResolver(() => Agency, { description: 'The agency that runs this assessment.' })
    agency(): Agency {
      return api.agency;
    }

    @FieldResolver(() => AssessmentStatus, {
      description: 'PLANNED, IN_PROGRESS, COMPLETED, or OVERDUE when past due and not completed.',
    })
    status(@Root() record: A): AssessmentStatus {
      return assessmentStatus(record, new Date());
    }

    @FieldResolver(() => types.model, { nullable: true, description: 'The model under assessment (null if the caller may not see it).' })
    model(@Root() record: A, @Ctx() ctx: SubgraphContext): unknown {
      return api.resolveModel ? api.resolveModel(record.modelId, ctx) : { id: record.modelId };
    }

    @Access(api.findingAccess)
    @FieldResolver(() => types.findingConnection, { nullable: true, description: 'Findings of this assessment, most severe first.' })
    async findings(
      @Root() record: A,
      @Args(() => PageArgs) page: PageArgs,
      @Arg('severityAtLeast', () => Severity, { nullable: true, description: 'Only findings at least this severe.' })
      severityAtLeast: Severity | null,
      @Ctx() ctx: SubgraphContext,
    ): Promise<ConnectionValue<F>> {
      const visible = api.visibleFindings?.(ctx) ?? { key: 'all', filter: {} as FilterQuery<F> };
      const bySeverity = severityAtLeast ? { severityRank: { $gte: rankOf(SEVERITY_ORDER, severityAtLeast) } } : {};
      return connectionsByParent(ctx, {
        entity: kinds.finding,
        parentProperty: 'assessment',
        where: { $and: [visible.filter, bySeverity] } as FilterQuery<F>,
        whereKey: `${visible.key}#${severityAtLeast ?? ''}`,
        sort: findingSort,
        page: pageRequest(page),
      }).load(record.id);
    }
  }

  @Resolver(() => types.model)
  class ModelAssessments {
    @Access(api.access)
    @FieldResolver(() => types.assessmentConnection, {
      nullable: true,
      name: names.list,
      description: `This agency's assessments of the model.`,
    })
    async list(
      @Root() model: { id: string },
      @Args(() => PageArgs) page: PageArgs,
      @Arg('filter', () => AssessmentFilter, { nullable: true, description: 'Conditions the assessments must meet.' }) filter: AssessmentFilter | null,
      @Arg('orderBy', () => AssessmentOrder, { nullable: true, description: 'Order; by due date, soonest first, when omitted.' }) orderBy: AssessmentOrder | null,
      @Ctx() ctx: SubgraphContext,
    ): Promise<ConnectionValue<A>> {
      const visible = visibleAssessments(ctx);
      const where = { $and: [assessmentFilter(filter, new Date()), visible.filter] } as FilterQuery<A>;
      const sort = sortOf(orderBy);
      return connectionsByParent(ctx, {
        entity: kinds.assessment,
        parentProperty: 'modelId',
        where,
        whereKey: `${visible.key}#${JSON.stringify(filter ?? {})}`,
        sort,
        page: pageRequest(page),
      }).load(model.id);
    }
  }

  return [AssessmentQueries, ModelAssessments];
}
