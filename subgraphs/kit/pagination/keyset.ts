// Keyset pagination over one sort property with the id as tie-breaker: stable under inserts,
// and each page costs one statement whatever its position.
import type { EntityName, FilterQuery, QueryOrder } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { SortDirection } from '../schema/enums';
import { badUserInput } from '../errors/user-errors';
import { encodeCursor, decodeCursor } from './cursor';
import type { PageRequest } from './page-args';
import { countRows, findSnapshots, metadataOf, snapshotsFromColumns } from '../orm/read-snapshots';
import type { ConnectionValue } from './connection-type';

export interface SortKey {
  /** Entity property to order by (a non-null column). */
  readonly property: string;
  readonly direction: SortDirection;
}

interface Identified {
  id: string;
}

/** One page: `first + 1` rows are read to learn whether more follow. */
export interface Page<T> {
  readonly items: T[];
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
}

function sortValue(item: object, property: string): string | number {
  const value = (item as Record<string, unknown>)[property];
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string' || typeof value === 'number') return value;
  throw new Error(`cannot paginate on ${property}: value is ${typeof value}`);
}

/** What the sort property holds, so that a cursor's value can be checked before it reaches SQL. */
export type SortValueKind = 'date' | 'number' | 'string';

export function cursorOf(item: Identified, sort: SortKey): string {
  return encodeCursor({ property: sort.property, value: sortValue(item, sort.property), id: item.id });
}

export function orderBy(sort: SortKey): Record<string, QueryOrder> {
  const direction = (sort.direction === SortDirection.ASC ? 'asc' : 'desc') as QueryOrder;
  return { [sort.property]: direction, id: direction };
}

/**
 * Rows strictly after the cursor in the given order. A cursor issued for another order names
 * another property or holds another kind of value: it is refused, never compared in SQL.
 */
export function afterCursor<T>(cursor: string | null, sort: SortKey, kind: SortValueKind): FilterQuery<T> {
  if (!cursor) return {} as FilterQuery<T>;
  const position = decodeCursor(cursor);
  if (position.property !== sort.property || typeof position.value !== (kind === 'string' ? 'string' : 'number')) {
    throw badUserInput('`after` is a cursor of this list in another order', 'after');
  }
  const op = sort.direction === SortDirection.ASC ? '$gt' : '$lt';
  const value = kind === 'date' ? new Date(position.value) : position.value;
  return {
    $or: [{ [sort.property]: { [op]: value } }, { [sort.property]: value, id: { [op]: position.id } }],
  } as FilterQuery<T>;
}

export function pageFromRows<T>(rows: T[], page: PageRequest): Page<T> {
  return {
    items: rows.slice(0, page.first),
    hasNextPage: rows.length > page.first,
    hasPreviousPage: page.after !== null,
  };
}

export function toConnection<T extends Identified>(
  page: Page<T>,
  sort: SortKey,
  countTotal: () => Promise<number>,
): ConnectionValue<T> {
  const edges = page.items.map((node) => ({ cursor: cursorOf(node, sort), node }));
  let total: Promise<number> | undefined;
  return {
    edges,
    nodes: page.items,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    // Counting costs a statement: only when a client selects totalCount.
    get totalCount() {
      total ??= countTotal();
      return total;
    },
  };
}

function sortValueKind(em: SqlEntityManager, entity: EntityName<object>, property: string): SortValueKind {
  const meta = metadataOf(em, entity);
  const prop = meta.properties[property];
  if (!prop) throw new Error(`unknown sort property ${property}`);
  if (prop.runtimeType === 'Date' || String(prop.type).toLowerCase().includes('date')) return 'date';
  return prop.runtimeType === 'number' ? 'number' : 'string';
}

/**
 * A list's filter, or a function that builds it: a filter holding a raw SQL fragment (`raw()`)
 * can be used in one statement only, and a page may need two (its rows and its total count).
 */
export type ListFilter<T> = FilterQuery<T> | (() => FilterQuery<T>);

/** The page of the rows matching `where`, in one ordered, limited statement. */
async function readPage<T extends Identified>(
  em: SqlEntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  sort: SortKey,
  page: PageRequest,
): Promise<Page<T>> {
  const after = afterCursor<T>(page.after, sort, sortValueKind(em, entity as EntityName<object>, sort.property));
  const rows = await findSnapshots(em, entity, { $and: [where, after] } as FilterQuery<T>, {
    orderBy: orderBy(sort) as never,
    limit: page.first + 1,
  });
  return pageFromRows(rows, page);
}

/** One page of a top-level list. */
export async function findPage<T extends Identified>(
  em: SqlEntityManager,
  entity: EntityName<T>,
  where: ListFilter<T>,
  sort: SortKey,
  page: PageRequest,
): Promise<ConnectionValue<T>> {
  const filter = typeof where === 'function' ? where : () => where;
  const items = await readPage(em, entity, filter(), sort, page);
  return toConnection(items, sort, () => countRows(em, entity, filter()));
}

/**
 * The same page of a to-many list for many parents at once, in one statement: rows are ranked
 * per parent with a window function and the first `first + 1` of each kept. For one parent the
 * statement is a plain ordered, limited read, which an index on (parent, sort, id) serves without
 * reading or sorting the parent's other rows.
 */
export async function findPagesByParent<T extends Identified>(
  em: SqlEntityManager,
  entity: EntityName<T>,
  parentProperty: string,
  parentIds: readonly string[],
  where: FilterQuery<T>,
  sort: SortKey,
  page: PageRequest,
): Promise<Map<string, Page<T>>> {
  if (parentIds.length === 1) {
    const parentId = parentIds[0]!;
    const onlyPage = await readPage(em, entity, { $and: [where, { [parentProperty]: parentId }] } as FilterQuery<T>, sort, page);
    return new Map([[parentId, onlyPage]]);
  }
  const meta = metadataOf(em, entity as EntityName<object>);
  const column = (property: string) => {
    const prop = meta.properties[property];
    if (!prop) throw new Error(`unknown property ${meta.className}.${property}`);
    return prop.fieldNames[0]!;
  };
  const direction = sort.direction === SortDirection.ASC ? 'asc' : 'desc';
  const after = afterCursor<T>(page.after, sort, sortValueKind(em, entity as EntityName<object>, sort.property));
  const knex = em.getKnex();
  const inner = em
    .createQueryBuilder(entity, 't')
    .select('*')
    .where({ $and: [where, { [parentProperty]: { $in: [...parentIds] } }, after] } as FilterQuery<T>)
    .getKnexQuery()
    .select(
      knex.raw(`row_number() over (partition by ?? order by ?? ${direction}, ?? ${direction}) as accord_rank`, [
        `t.${column(parentProperty)}`,
        `t.${column(sort.property)}`,
        `t.${column('id')}`,
      ]),
    );
  const query = knex
    .select('*')
    .from(inner.as('ranked'))
    .where('accord_rank', '<=', page.first + 1)
    .orderBy([{ column: 'accord_rank', order: 'asc' }]);
  const rows = (await em.getConnection().execute(query)) as Array<Record<string, unknown>>;
  const parentColumn = column(parentProperty);
  for (const row of rows) delete row.accord_rank;
  const items = snapshotsFromColumns(em, entity as EntityName<T & object>, rows) as T[];
  const grouped = new Map<string, T[]>();
  for (const [index, item] of items.entries()) {
    const parent = String(rows[index]![parentColumn]);
    const list = grouped.get(parent);
    if (list) list.push(item);
    else grouped.set(parent, [item]);
  }
  const pages = new Map<string, Page<T>>();
  for (const id of parentIds) pages.set(id, pageFromRows(grouped.get(id) ?? [], page));
  return pages;
}

/** How many rows match per parent, in one statement. */
export async function countByParent<T extends object>(
  em: SqlEntityManager,
  entity: EntityName<T>,
  parentProperty: string,
  parentIds: readonly string[],
  where: FilterQuery<T>,
): Promise<Map<string, number>> {
  const rows = (await em
    .createQueryBuilder(entity, 't')
    .select([parentProperty, em.getKnex().raw('count(*) as accord_count')] as never)
    .where({ $and: [where, { [parentProperty]: { $in: [...parentIds] } }] } as FilterQuery<T>)
    .groupBy(parentProperty)
    .execute('all', false)) as Array<Record<string, unknown>>;
  const meta = metadataOf(em, entity as EntityName<object>);
  const parentColumn = meta.properties[parentProperty]!.fieldNames[0]!;
  const counts = new Map<string, number>(parentIds.map((id) => [id, 0]));
  for (const row of rows) counts.set(String(row[parentColumn] ?? row[parentProperty]), Number(row.accord_count));
  return counts;
}
