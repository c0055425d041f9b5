// Entity fetches send each distinct representation once: entities that share a representation
// (the same product reached through five reviews) share one slot of `_entities`, and the answer
// in that slot is merged back into every one of them.
//
// Most representations are a few scalar fields (`{__typename, upc}`): those are recognised by
// walking a tree of Maps keyed by the field values, and their JSON is written only once per
// distinct representation. Others are recognised by their JSON text.
import { hasOwn } from './own';
import type { FlatFragment, RepresentationWriter } from './representations';

type Entity = Record<string, unknown>;

export interface DedupedRepresentations {
  /** Distinct representations, as JSON text, in first-seen order. */
  readonly unique: string[];
  /** The entities given; those with a representation are the targets. */
  readonly entities: readonly Entity[];
  /** How many entities have a representation. */
  readonly count: number;
  /** For each target k < count, its index in `entities`. */
  readonly entityIndexes: Int32Array;
  /** For each target k < count, the index of its representation in `unique`. */
  readonly slots: Int32Array;
}

type ValueTree = Map<unknown, unknown>;

const NOT_FLAT = -1;
const NOT_SENT = -2;

class SlotFinder {
  readonly unique: string[] = [];
  private readonly slotOfText = new Map<string, number>();
  private readonly trees = new Map<FlatFragment, ValueTree>();

  constructor(private readonly writer: RepresentationWriter) {}

  slotOf(entity: Entity): number {
    const fragment = this.writer.flatMatch(entity);
    const slot = fragment ? this.flatSlot(entity, fragment) : NOT_FLAT;
    if (slot !== NOT_FLAT) return slot;
    const text = this.writer.write(entity);
    return text === null ? NOT_SENT : this.slotOfTextual(text);
  }

  private slotOfTextual(text: string): number {
    let slot = this.slotOfText.get(text);
    if (slot === undefined) {
      slot = this.unique.length;
      this.unique.push(text);
      this.slotOfText.set(text, slot);
    }
    return slot;
  }

  /** The slot of a flat representation; NOT_FLAT when a value is not a scalar, NOT_SENT when a field is missing. */
  private flatSlot(entity: Entity, fragment: FlatFragment): number {
    if (!entity.__typename) return NOT_SENT;
    let tree = this.trees.get(fragment);
    if (!tree) this.trees.set(fragment, (tree = new Map()));
    const keys = fragment.keys;
    const last = keys.length - 1;
    for (let i = 0; i <= last; i++) {
      const value = entity[keys[i]];
      if (value === undefined || !hasOwn(entity, keys[i])) return NOT_SENT;
      if (typeof value === 'object' && value !== null) return NOT_FLAT;
      let next = tree.get(value);
      if (next === undefined) {
        next = i === last ? this.slotOfTextual(this.writer.write(entity) as string) : new Map();
        tree.set(value, next);
      }
      if (i === last) return next as number;
      tree = next as ValueTree;
    }
    return NOT_FLAT;
  }
}

export function dedupeRepresentations(entities: readonly Entity[], writer: RepresentationWriter): DedupedRepresentations {
  const finder = new SlotFinder(writer);
  const entityIndexes = new Int32Array(entities.length);
  const slots = new Int32Array(entities.length);
  let count = 0;
  for (let index = 0; index < entities.length; index++) {
    const slot = finder.slotOf(entities[index]);
    if (slot === NOT_SENT) continue;
    entityIndexes[count] = index;
    slots[count] = slot;
    count++;
  }
  return { unique: finder.unique, entities, count, entityIndexes, slots };
}
