// Builds an entity's representation (the `requires` selection of an entity fetch applied to the
// data fetched so far) directly as JSON text. The text is what the fetch sends and also the key
// under which duplicates are recognised. Semantics are Apollo Gateway's: a missing required field
// drops the entity, an inline fragment applies by `__typename`, and a representation without a
// `__typename` is not sent.
import type { QueryPlanSelectionNode } from '@apollo/query-planner';
import type { DataRewriter } from './data-rewrites';
import { mergeInto } from './merge';
import { hasOwn, setOwn } from './own';
import type { TypeRelations } from './type-relations';

type Source = Record<string, unknown>;

interface FieldWriter {
  readonly key: string;
  /** `,"key":` (or `{"key":` for the first field) */
  readonly prefix: string;
  readonly fields: readonly FieldWriter[] | null;
}

interface FragmentWriter {
  readonly typeCondition: string;
  /** Null when the fragment holds anything but uniquely named fields, at any depth: written generically. */
  readonly fields: readonly FieldWriter[] | null;
  readonly selectsTypename: boolean;
  /** The fields are all leaves: a representation is identified by their values. */
  readonly flat: boolean;
  readonly keys: readonly string[];
}

/** A fragment whose representations are identified by the values of its leaf fields, in order. */
export interface FlatFragment {
  readonly keys: readonly string[];
}

function responseName(selection: QueryPlanSelectionNode & { kind: 'Field' }): string {
  return selection.alias ?? selection.name;
}

/** Field writers for a selection made only of uniquely named fields, or null. */
function fieldWriters(selections: readonly QueryPlanSelectionNode[]): FieldWriter[] | null {
  const writers: FieldWriter[] = [];
  const seen = new Set<string>();
  for (const selection of selections) {
    if (selection.kind !== 'Field') return null;
    const key = responseName(selection);
    if (seen.has(key)) return null;
    seen.add(key);
    let fields: FieldWriter[] | null = null;
    if (selection.selections) {
      fields = fieldWriters(selection.selections);
      if (!fields) return null;
    }
    writers.push({ key, prefix: `${writers.length === 0 ? '{' : ','}${JSON.stringify(key)}:`, fields });
  }
  return writers;
}

/** `{...}` for `source`, or null when a field is missing (a nested missing field nulls only that object). */
function writeObject(source: unknown, fields: readonly FieldWriter[]): string | null {
  if (typeof source !== 'object' || source === null || Array.isArray(source)) return null;
  const object = source as Source;
  let text = '';
  for (const field of fields) {
    if (!hasOwn(object, field.key)) return null;
    const value = object[field.key];
    if (value === undefined) return null;
    text += field.prefix;
    text += field.fields ? writeValue(value, field.fields) : JSON.stringify(value);
  }
  return fields.length === 0 ? '{}' : `${text}}`;
}

function writeValue(value: unknown, fields: readonly FieldWriter[]): string {
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) text += ',';
      text += writeObject(value[i], fields) ?? 'null';
    }
    return `${text}]`;
  }
  return writeObject(value, fields) ?? 'null';
}

export class RepresentationWriter {
  private readonly fragments: readonly FragmentWriter[] | null;

  constructor(
    private readonly requires: readonly QueryPlanSelectionNode[],
    private readonly inputRewrites: DataRewriter | null,
    private readonly relations: TypeRelations,
  ) {
    this.fragments = inputRewrites ? null : RepresentationWriter.fragmentWriters(requires);
  }

  private static fragmentWriters(requires: readonly QueryPlanSelectionNode[]): FragmentWriter[] | null {
    const writers: FragmentWriter[] = [];
    for (const selection of requires) {
      if (selection.kind !== 'InlineFragment') return null;
      if (!selection.typeCondition) continue;
      const fields = fieldWriters(selection.selections);
      writers.push({
        typeCondition: selection.typeCondition,
        fields,
        selectsTypename: selection.selections.some((s) => s.kind === 'Field' && responseName(s) === '__typename'),
        flat: fields !== null && fields.every((f) => f.fields === null),
        keys: fields?.map((f) => f.key) ?? [],
      });
    }
    return writers;
  }

  /** The only fragment that applies to `entity`, or null when none or several do or they cannot be written directly. */
  private soleMatch(entity: Source): FragmentWriter | null {
    let match: FragmentWriter | null = null;
    for (const fragment of this.fragments as readonly FragmentWriter[]) {
      if (this.relations.isObjectOfType(entity.__typename, fragment.typeCondition)) {
        if (match) return null;
        match = fragment;
      }
    }
    return match?.fields ? match : null;
  }

  /**
   * The flat fragment `entity` is represented by, when its identity is the values of leaf fields
   * (so duplicates can be recognised without writing JSON), else null.
   */
  flatMatch(entity: Source): FlatFragment | null {
    if (!this.fragments) return null;
    const match = this.soleMatch(entity);
    return match?.flat && match.selectsTypename ? match : null;
  }

  /** The representation of `entity` as JSON text, or null when it must not be sent. */
  write(entity: Source): string | null {
    if (this.fragments) {
      let applies = false;
      for (const fragment of this.fragments) {
        if (this.relations.isObjectOfType(entity.__typename, fragment.typeCondition)) applies = true;
      }
      if (!applies) return null;
      const match = this.soleMatch(entity);
      if (match) {
        if (!match.selectsTypename) return null;
        const text = writeObject(entity, match.fields as readonly FieldWriter[]);
        return text !== null && entity.__typename ? text : null;
      }
    }
    return this.writeGenerically(entity);
  }

  private writeGenerically(entity: Source): string | null {
    const representation = this.select(entity, this.requires);
    if (!representation || !representation.__typename) return null;
    this.inputRewrites?.(representation);
    return JSON.stringify(representation);
  }

  /** Apollo Gateway's `executeSelectionSet`, kept for the shapes the direct writer does not handle. */
  private select(source: unknown, selections: readonly QueryPlanSelectionNode[]): Source | null {
    if (source === null || typeof source !== 'object') return null;
    const object = source as Source;
    const result: Source = {};
    for (const selection of selections) {
      if (selection.kind === 'Field') {
        const key = responseName(selection);
        if (!hasOwn(object, key) || object[key] === undefined) return null;
        const value = object[key];
        const nested = selection.selections;
        if (Array.isArray(value)) {
          setOwn(result, key, value.map((element) => (nested ? this.select(element, nested) : element)));
        } else {
          setOwn(result, key, nested ? this.select(value, nested) : value);
        }
      } else if (selection.typeCondition && this.relations.isObjectOfType(object.__typename, selection.typeCondition)) {
        mergeInto(result, this.select(object, selection.selections));
      }
    }
    return result;
  }
}
