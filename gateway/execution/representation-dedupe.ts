// Entity fetches send each distinct representation once: entities that share a representation
// (the same product reached through five reviews) share one slot of `_entities`, and the answer
// in that slot is merged back into every one of them.
//
// Most representations are a few scalar fields (`{__typename, upc}`): those are recognised by
// walking a tree of Maps keyed by the field values, and their JSON is written only once per
// distinct representation. Others are recognised by their JSON text.
import { hasOwn } from './own';
import type { FlatFragment, RepresentationWriter } from './representations';

export interface DedupedRepresentations {
  /** Distinct representations, as JSON text, in first-seen order. */
  readonly unique: string[];
  /** Entities that have a representation (targets), in data order. */
  readonly targets: Record<string, unknown>[];
  /** For each target, its index in the entities given. */
  readonly entityIndexes: number[];
  /** For each target, the index of its representation in `unique`. */
  readonly slots: number[];
}

type ValueTree = Map<unknown, unknown>;

const NOT_FLAT = -1;
const NOT_SENT = -2;

export function dedupeRepresentations(
  entities: readonly Record<string, unknown>[],
  writer: RepresentationWriter,
): DedupedRepresentations {
  const unique: string[] = [];
  const targets: Record<string, unknown>[] = [];
  const entityIndexes: number[] = [];
  const slots: number[] = [];
  const slotOfText = new Map<string, number>();
  const trees = new Map<FlatFragment, ValueTree>();

  const slotOf = (text: string): number => {
    let slot = slotOfText.get(text);
    if (slot === undefined) {
      slot = unique.length;
      unique.push(text);
      slotOfText.set(text, slot);
    }
    return slot;
  };

  /** The slot of a flat representation, NOT_FLAT when a value is not a scalar, NOT_SENT when a field is missing. */
  const flatSlot = (entity: Record<string, unknown>, fragment: FlatFragment): number => {
    if (!entity.__typename) return NOT_SENT;
    let tree = trees.get(fragment);
    if (!tree) trees.set(fragment, (tree = new Map()));
    const keys = fragment.keys;
    for (let i = 0; i < keys.length; i++) {
      const value = entity[keys[i]];
      if (value === undefined || !hasOwn(entity, keys[i])) return NOT_SENT;
      if (typeof value === 'object' && value !== null) return NOT_FLAT;
      let next = tree.get(value);
      if (next === undefined) {
        next = i === keys.length - 1 ? slotOf(writer.write(entity) as string) : new Map();
        tree.set(value, next);
      }
      if (i === keys.length - 1) return next as number;
      tree = next as ValueTree;
    }
    return NOT_FLAT;
  };

  for (let index = 0; index < entities.length; index++) {
    const entity = entities[index];
    const fragment = writer.flatMatch(entity);
    let slot = fragment ? flatSlot(entity, fragment) : NOT_FLAT;
    if (slot === NOT_SENT) continue;
    if (slot === NOT_FLAT) {
      const text = writer.write(entity);
      if (text === null) continue;
      slot = slotOf(text);
    }
    targets.push(entity);
    entityIndexes.push(index);
    slots.push(slot);
  }
  return { unique, targets, entityIndexes, slots };
}
