// The cyber office's per-request loaders, with the partner row filter applied.
import DataLoader from 'dataloader';
import type { FilterQuery } from '@mikro-orm/core';
import type { SubgraphContext } from '../../kit/context';
import { connectionsByParent, entitiesById } from '../../kit/loaders/entity-loaders';
import { findSnapshots } from '../../kit/orm/read-snapshots';
import type { ConnectionValue } from '../../kit/pagination/connection-type';
import { SectorRecord } from '../data/sector-record';
import { VulnerabilityRecord } from '../data/vulnerability-record';
import { visibleVulnerabilities } from '../data/visibility';
import { vulnerabilityFilter, vulnerabilitySort } from '../data/vulnerability-filter';
import { pageRequest } from '../../kit/pagination/page-args';
import type { VulnerabilityListArgs } from '../types/inputs';

/**
 * Sectors by code. The list is short and fixed, so the first lookup of a request reads it whole:
 * lookups that come in later turns (after each list a request loads) then cost no statement.
 */
export function sectorsByCode(ctx: SubgraphContext): DataLoader<string, SectorRecord | null> {
  return ctx.loaders.get('Sector#all-by-code', () => {
    let all: Promise<Map<string, SectorRecord>> | undefined;
    return new DataLoader<string, SectorRecord | null>(async (codes) => {
      all ??= findSnapshots(ctx.em, SectorRecord, {}).then((rows) => new Map(rows.map((row) => [row.code, row])));
      const byCode = await all;
      return codes.map((code) => byCode.get(code) ?? null);
    });
  });
}

export function vulnerabilitiesById(ctx: SubgraphContext): DataLoader<string, VulnerabilityRecord | null> {
  return entitiesById(ctx, VulnerabilityRecord, visibleVulnerabilities(ctx.caller));
}

/** Vulnerabilities per sector or per discovering model, filtered, sorted and paged as `args` say. */
export function vulnerabilitiesBy(
  ctx: SubgraphContext,
  parent: 'sector' | 'modelId',
  args: VulnerabilityListArgs,
): DataLoader<string, ConnectionValue<VulnerabilityRecord>> {
  const visible = visibleVulnerabilities(ctx.caller);
  return connectionsByParent(ctx, {
    entity: VulnerabilityRecord,
    parentProperty: parent,
    where: { $and: [visible.filter, vulnerabilityFilter(args.filter)] } as FilterQuery<VulnerabilityRecord>,
    whereKey: `${visible.key}#${JSON.stringify(args.filter ?? {})}`,
    sort: vulnerabilitySort(args.orderBy),
    page: pageRequest(args),
  });
}
