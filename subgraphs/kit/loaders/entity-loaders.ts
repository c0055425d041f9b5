// Batch loaders for the two shapes every agency needs: entities by id (entity references
// and to-one fields) and pages of a to-many relation for many parents at once.
import DataLoader from 'dataloader';
import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { SubgraphContext } from '../context';
import { entityNameOf, findSnapshots } from '../orm/read-snapshots';
import { countByParent, findPagesByParent, toConnection, type SortKey } from '../pagination/keyset';
import type { PageRequest } from '../pagination/page-args';
import type { ConnectionValue } from '../pagination/connection-type';

interface Identified {
  id: string;
}

/**
 * Entities by a unique key (the id unless told otherwise), in key order, `null` for a missing
 * key. `where` narrows the rows a caller may see (a row filter); its key must identify it,
 * since loaders are shared per request by key.
 */
export function entitiesByKey<T extends object>(
  ctx: SubgraphContext,
  entity: EntityName<T>,
  keyProperty: string,
  where: { key: string; filter: FilterQuery<T> } = { key: 'all', filter: {} as FilterQuery<T> },
): DataLoader<string, T | null> {
  return ctx.loaders.get(`${entityNameOf(entity as EntityName<object>)}#one-by:${keyProperty}#${where.key}`, () =>
    new DataLoader<string, T | null>(async (keys) => {
      const rows = await findSnapshots(ctx.em, entity, {
        $and: [{ [keyProperty]: { $in: [...keys] } }, where.filter],
      } as FilterQuery<T>);
      const byKey = new Map(rows.map((row) => [String((row as Record<string, unknown>)[keyProperty]), row]));
      return keys.map((key) => byKey.get(key) ?? null);
    }),
  );
}

export function entitiesById<T extends Identified>(
  ctx: SubgraphContext,
  entity: EntityName<T>,
  where?: { key: string; filter: FilterQuery<T> },
): DataLoader<string, T | null> {
  return entitiesByKey(ctx, entity, 'id', where);
}

export interface ConnectionsByParentOptions<T> {
  readonly entity: EntityName<T>;
  /** The property holding the parent's id (a scalar column or a to-one relation). */
  readonly parentProperty: string;
  readonly where: FilterQuery<T>;
  /** Identifies `where` in the loader key (same filter, same key). */
  readonly whereKey: string;
  readonly sort: SortKey;
  readonly page: PageRequest;
}

/** A page of children per parent id: one statement per batch, plus one for counts if selected. */
export function connectionsByParent<T extends Identified>(
  ctx: SubgraphContext,
  options: ConnectionsByParentOptions<T>,
): DataLoader<string, ConnectionValue<T>> {
  const { entity, parentProperty, where, whereKey, sort, page } = options;
  const base = `${entityNameOf(entity as EntityName<object>)}#pages-by:${parentProperty}#${whereKey}`;
  const counts = () =>
    ctx.loaders.get(`${base}#count`, () =>
      new DataLoader<string, number>(async (ids) => {
        const byParent = await countByParent(ctx.em, entity, parentProperty, ids, where);
        return ids.map((id) => byParent.get(id) ?? 0);
      }),
    );
  const key = `${base}#${sort.property}:${sort.direction}#${page.first}:${page.after ?? ''}`;
  return ctx.loaders.get(key, () =>
    new DataLoader<string, ConnectionValue<T>>(async (ids) => {
      const pages = await findPagesByParent(ctx.em, entity, parentProperty, ids, where, sort, page);
      return ids.map((id) => toConnection(pages.get(id)!, sort, () => counts().load(id)));
    }),
  );
}
