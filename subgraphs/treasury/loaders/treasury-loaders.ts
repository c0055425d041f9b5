// Treasury's per-request loaders: the kit's batch loaders with Treasury's row filters applied.
import DataLoader from 'dataloader';
import type { SubgraphContext } from '../../kit/context';
import { connectionsByParent, entitiesById } from '../../kit/loaders/entity-loaders';
import { findSnapshots } from '../../kit/orm/read-snapshots';
import type { ConnectionValue } from '../../kit/pagination/connection-type';
import type { PageRequest } from '../../kit/pagination/page-args';
import { SortDirection } from '../../kit/schema/enums';
import { DeveloperRecord } from '../data/developer-record';
import { ModelRecord } from '../data/model-record';
import { PartnerRecord } from '../data/partner-record';
import { EarlyAccessGrantRecord, activeGrantFilter } from '../data/early-access-grant-record';
import { visibleGrants, visibleModels, visiblePartners } from '../data/visibility';

export function modelsById(ctx: SubgraphContext): DataLoader<string, ModelRecord | null> {
  return entitiesById(ctx, ModelRecord, visibleModels(ctx.caller, new Date()));
}

export function developersById(ctx: SubgraphContext): DataLoader<string, DeveloperRecord | null> {
  return entitiesById(ctx, DeveloperRecord);
}

export function partnersById(ctx: SubgraphContext): DataLoader<string, PartnerRecord | null> {
  return entitiesById(ctx, PartnerRecord, visiblePartners(ctx.caller));
}

export function grantsById(ctx: SubgraphContext): DataLoader<string, EarlyAccessGrantRecord | null> {
  return entitiesById(ctx, EarlyAccessGrantRecord, visibleGrants(ctx.caller));
}

/** Grants per model or per partner, newest first; optionally only those active now. */
export function grantsBy(
  ctx: SubgraphContext,
  parent: 'model' | 'partner',
  page: PageRequest,
  activeOnly: boolean,
): DataLoader<string, ConnectionValue<EarlyAccessGrantRecord>> {
  const visible = visibleGrants(ctx.caller);
  return connectionsByParent(ctx, {
    entity: EarlyAccessGrantRecord,
    parentProperty: parent,
    where: activeOnly ? { $and: [visible.filter, activeGrantFilter(new Date())] } : visible.filter,
    whereKey: `${visible.key}#${activeOnly ? 'active' : 'any'}`,
    sort: { property: 'startsAt', direction: SortDirection.DESC },
    page,
  });
}

/** For the calling partner: which of these models it holds an active grant for. */
export function activeGrantOfCaller(ctx: SubgraphContext): DataLoader<string, boolean> {
  const org = ctx.caller?.agency === 'partner' ? ctx.caller.org : null;
  return ctx.loaders.get(`EarlyAccessGrant#active-for:${org ?? ''}`, () =>
    new DataLoader<string, boolean>(async (modelIds) => {
      if (!org) return modelIds.map(() => false);
      const grants = await findSnapshots(ctx.em, EarlyAccessGrantRecord, {
        partner: org,
        model: { $in: [...modelIds] },
        ...activeGrantFilter(new Date()),
      });
      const held = new Set(grants.map((grant) => grant.model.id));
      return modelIds.map((id) => held.has(id));
    }),
  );
}

export function modelsByDeveloper(ctx: SubgraphContext, page: PageRequest): DataLoader<string, ConnectionValue<ModelRecord>> {
  const visible = visibleModels(ctx.caller, new Date());
  return connectionsByParent(ctx, {
    entity: ModelRecord,
    parentProperty: 'developer',
    where: visible.filter,
    whereKey: visible.key,
    sort: { property: 'submittedAt', direction: SortDirection.DESC },
    page,
  });
}

export function partnersBySector(ctx: SubgraphContext, page: PageRequest): DataLoader<string, ConnectionValue<PartnerRecord>> {
  const visible = visiblePartners(ctx.caller);
  return connectionsByParent(ctx, {
    entity: PartnerRecord,
    parentProperty: 'sectorCode',
    where: visible.filter,
    whereKey: visible.key,
    sort: { property: 'name', direction: SortDirection.ASC },
    page,
  });
}
