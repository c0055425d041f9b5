// The result shape: the client's operation compiled, per runtime type, into flat field lists
// that the shape runner applies to fetched data without looking at the AST again.
import type { DocumentNode } from 'graphql';

export const LEAF = 0;
export const COMPOSITE = 1;
export const LIST = 2;

/** How a leaf value is checked (Apollo Gateway's isValidLeafValue). */
export const LEAF_KINDS = { CUSTOM: 0, STRING: 1, ID: 2, INT: 3, FLOAT: 4, BOOLEAN: 5, ENUM: 6 } as const;
export type LeafKind = (typeof LEAF_KINDS)[keyof typeof LEAF_KINDS];

export interface TypeShape {
  readonly nonNull: boolean;
  readonly kind: typeof LEAF | typeof COMPOSITE | typeof LIST;
  /** The nullable type as GraphQL prints it, for error messages. */
  readonly printed: string;
  /** LIST: the element type. */
  readonly ofType: TypeShape | null;
  /** LEAF: how values are checked. */
  readonly leaf: LeafKind;
  /** LEAF of an enum type: its values. */
  readonly enumValues: ReadonlySet<string> | null;
  /** COMPOSITE: the merged sub-selection. */
  readonly selection: SelectionShape | null;
}

export const VALUE_FIELD = 0;
export const TYPENAME_FIELD = 1;
export const INTROSPECTION_FIELD = 2;

export interface FieldShape {
  /** Response key (alias or field name). */
  readonly key: string;
  /** The key is one a plain object inherits (`constructor`, `__proto__`): read and write it as an own property. */
  readonly prototypeKey: boolean;
  readonly kind: typeof VALUE_FIELD | typeof TYPENAME_FIELD | typeof INTROSPECTION_FIELD;
  /** Every occurrence of the key was removed by authorization: the value is null whatever was fetched. */
  readonly removed: boolean;
  /** Indexes of the denials whose node is an occurrence of this key: one error each time the key is met. */
  readonly denials: readonly number[] | null;
  /** The type named in error messages about this field (Apollo Gateway's "parent type"). */
  readonly messageParent: string;
  /** VALUE_FIELD: the field's type. */
  readonly type: TypeShape | null;
  /** TYPENAME_FIELD: the name to answer when the data holds no known object type, or null to null the object. */
  readonly typenameFallback: string | null;
  /** TYPENAME_FIELD and INTROSPECTION_FIELD: the field is non-null (`__typename`, `__schema`), so its null bubbles. */
  readonly metaNonNull: boolean;
  /** INTROSPECTION_FIELD: the field alone in a document, executed against the API schema. */
  readonly introspection: DocumentNode | null;
  /** Tracked schema coordinates this field answers for. */
  readonly tracked: readonly string[] | null;
}

export interface ObjectShape {
  readonly typeName: string;
  readonly fields: readonly FieldShape[];
  /** Indexes of denials of removed fragments that apply to objects of this type. */
  readonly fragmentDenials: readonly number[] | null;
}

/**
 * One field's sub-selections, merged over its occurrences. Objects are shaped by their runtime
 * type (`__typename`), compiled on first sight; `untyped` serves data without a `__typename`.
 */
export class SelectionShape {
  private readonly byTypename = new Map<string, ObjectShape | null>();
  private untypedShape: ObjectShape | null = null;

  constructor(private readonly compile: (typename: string | null) => ObjectShape | null) {}

  /** The shape for objects of runtime type `typename`, or null when the API schema has no such composite type. */
  forTypename(typename: string): ObjectShape | null {
    let shape = this.byTypename.get(typename);
    if (shape === undefined) {
      shape = this.compile(typename);
      this.byTypename.set(typename, shape);
    }
    return shape;
  }

  untyped(): ObjectShape {
    return (this.untypedShape ??= this.compile(null) as ObjectShape);
  }
}
