// The cyber office's per-request loaders, with the partner row filter applied.
import type DataLoader from 'dataloader';
import type { FilterQuery } from '@mikro-orm/core';
import type { SubgraphContext } from '../../kit/context';
import { connectionsByParent, entitiesById, entitiesByKey } from '../../kit/loaders/entity-loaders';
import type { ConnectionValue } from '../../kit/pagination/connection-type';
import type { PageRequest } from '../../kit/pagination/page-args';
import type { SortKey } from '../../kit/pagination/keyset';
import { SectorRecord } from '../data/sector-record';
import { VulnerabilityRecord } from '../data/vulnerability-record';
import { visibleVulnerabilities } from '../data/visibility';

export function sectorsByCode(ctx: SubgraphContext): DataLoader<string, SectorRecord | null> {
  return entitiesByKey(ctx, SectorRecord, 'code');
}

export function vulnerabilitiesById(ctx: SubgraphContext): DataLoader<string, VulnerabilityRecord | null> {
  return entitiesById(ctx, VulnerabilityRecord, visibleVulnerabilities(ctx.caller));
}

/** Vulnerabilities per sector or per discovering model, filtered, sorted and paged. */
export function vulnerabilitiesBy(
  ctx: SubgraphContext,
  parent: 'sector' | 'modelId',
  where: { key: string; filter: FilterQuery<VulnerabilityRecord> },
  sort: SortKey,
  page: PageRequest,
): DataLoader<string, ConnectionValue<VulnerabilityRecord>> {
  const visible = visibleVulnerabilities(ctx.caller);
  return connectionsByParent(ctx, {
    entity: VulnerabilityRecord,
    parentProperty: parent,
    where: { $and: [visible.filter, where.filter] } as FilterQuery<VulnerabilityRecord>,
    whereKey: `${visible.key}#${where.key}`,
    sort,
    page,
  });
}
