// Reads that serve answers: rows come back as read-only snapshots of their record class, mapped to
// properties and typed (dates, JSON) by MikroORM, but not hydrated into the unit of work. A page read
// this way costs about half of `em.find` (no identity map, no change-tracking state per row), and
// reads were the largest share of an agency subgraph's CPU. Writes still load managed entities with
// `em.findOne` inside their transaction; a snapshot handed to the ORM fails loudly instead of
// being persisted as a new row.
import { ReferenceKind, type EntityMetadata, type EntityName, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';

export interface SnapshotQuery<T> {
  readonly orderBy?: QueryOrderMap<T>;
  readonly limit?: number;
}

/** The rows matching `where`, as snapshots; one statement. */
export async function findSnapshots<T extends object>(
  em: SqlEntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  query: SnapshotQuery<T> = {},
): Promise<T[]> {
  const builder = em.createQueryBuilder(entity).select('*').where(where);
  if (query.orderBy) builder.orderBy(query.orderBy);
  if (query.limit !== undefined) builder.limit(query.limit);
  const rows = (await builder.execute('all', true)) as Array<Record<string, unknown>>;
  const shape = shapeOf(em, metadataOf(em, entity));
  return rows.map((row) => snapshotOf<T>(shape, row));
}

/** How many rows match `where`; one statement, without the entity manager's bookkeeping. */
export async function countRows<T extends object>(em: SqlEntityManager, entity: EntityName<T>, where: FilterQuery<T>): Promise<number> {
  return em.createQueryBuilder(entity).where(where).getCount();
}

/** Rows read by hand (column names, database types) as snapshots, in the same order. */
export function snapshotsFromColumns<T extends object>(
  em: SqlEntityManager,
  entity: EntityName<T>,
  rows: ReadonlyArray<Record<string, unknown>>,
): T[] {
  const meta = metadataOf(em, entity);
  const shape = shapeOf(em, meta);
  const driver = em.getDriver();
  return rows.map((row) => snapshotOf<T>(shape, driver.mapResult(row as never, meta as never) as Record<string, unknown>));
}

/** An entity's name, whether given by class or by name. */
export function entityNameOf(entity: EntityName<object>): string {
  return typeof entity === 'string' ? entity : (entity as { name: string }).name;
}

/** The ORM's metadata of an entity given by class or by name. */
export function metadataOf<T extends object>(em: SqlEntityManager, entity: EntityName<T>): EntityMetadata {
  return em.getMetadata().get(entityNameOf(entity as EntityName<object>));
}

/** How a record's mapped rows become snapshots, worked out once per entity. */
interface SnapshotShape {
  readonly prototype: object;
  /** Properties whose type converts the database value (JSON, double), as hydration would. */
  readonly converted: ReadonlyArray<{ readonly name: string; convert(value: unknown): unknown }>;
  /** To-one relations (their foreign key) and the primary key of the record they point to. */
  readonly references: ReadonlyArray<{ readonly name: string; readonly targetKey: string }>;
}

const shapes = new WeakMap<EntityMetadata, SnapshotShape>();

function shapeOf(em: SqlEntityManager, meta: EntityMetadata): SnapshotShape {
  let shape = shapes.get(meta);
  if (!shape) {
    const platform = em.getPlatform();
    shape = {
      prototype: snapshotPrototype(meta),
      converted: meta.props
        .filter((prop) => prop.kind === ReferenceKind.SCALAR && prop.customType)
        .map((prop) => ({ name: prop.name, convert: (value: unknown) => prop.customType!.convertToJSValue(value, platform) })),
      references: meta.relations
        .filter((prop) => prop.kind === ReferenceKind.MANY_TO_ONE || prop.kind === ReferenceKind.ONE_TO_ONE)
        .map((prop) => ({ name: prop.name, targetKey: prop.targetMeta!.primaryKeys[0]! })),
    };
    shapes.set(meta, shape);
  }
  return shape;
}

/** A snapshot serialized or printed is its columns (the ORM's own versions need a managed entity). */
function plainCopy(this: object): object {
  return { ...this };
}

function refuseToManage(this: object): never {
  throw new Error(`${this.constructor.name} snapshot handed to the ORM: a write loads its record with em.findOne in its transaction`);
}

/**
 * The record's prototype (its getters, `instanceof`) behind a layer of plain data properties: the
 * ORM puts change-tracking setters on the record's prototype for its persistent properties, and
 * these shadow them, so that a snapshot's columns are its own properties.
 */
function snapshotPrototype(meta: EntityMetadata): object {
  const columns: PropertyDescriptorMap = {
    __helper: { get: refuseToManage },
    toJSON: { value: plainCopy },
    [Symbol.for('nodejs.util.inspect.custom')]: { value: plainCopy },
  };
  for (const prop of meta.props) {
    columns[prop.name] = { value: undefined, writable: true, enumerable: false, configurable: true };
  }
  return Object.create(meta.prototype, columns) as object;
}

/** To-one relations arrive as their foreign key: a snapshot holds them as `{ <primary key>: value }`, as an unloaded reference would. */
function snapshotOf<T>(shape: SnapshotShape, mapped: Record<string, unknown>): T {
  for (const { name, convert } of shape.converted) {
    const value = mapped[name];
    if (value !== null && value !== undefined) mapped[name] = convert(value);
  }
  for (const { name, targetKey } of shape.references) {
    const key = mapped[name];
    if (key !== null && key !== undefined && typeof key !== 'object') mapped[name] = { [targetKey]: key };
  }
  return Object.assign(Object.create(shape.prototype), mapped) as T;
}
