// Applies a compiled result shape to the fetched data, producing the response data: keys in
// the client's order and under its aliases, planner-added fields dropped, values checked against
// their types, nulls propagated per the GraphQL spec, removed fields nulled with one error per
// occurrence. Semantics follow Apollo Gateway's computeResponse.
import { isObjectType, type GraphQLError, type GraphQLSchema } from 'graphql';
import type { Denial } from '../authorization/types';
import { unauthorizedError, valueCompletionError } from './errors';
import { answerIntrospection } from './introspection';
import { longestExistingPrefix } from './existing-path';
import { hasOwn, setOwn } from './own';
import {
  COMPOSITE,
  INTROSPECTION_FIELD,
  LEAF,
  LEAF_KINDS,
  TYPENAME_FIELD,
  type FieldShape,
  type ObjectShape,
  type SelectionShape,
  type TypeShape,
} from './shape';

type Data = Record<string, unknown>;

/** A null that the value's own checks already reported: a non-null wrapper must not report it again. */
const NULL_WITH_ERRORS = { nullWithErrors: true };
/** A null in a non-null position: the enclosing object (or list) becomes null. */
const INVALID = { invalid: true };
/** An object that became null because of one of its fields. */
const BUBBLED = { bubbled: true };

const INTEGER = /^-?(?:0|[1-9][0-9]*)$/;

export interface ShapeRunInput {
  readonly schema: GraphQLSchema;
  readonly root: SelectionShape;
  readonly denials: readonly Denial[];
  readonly data: Data;
  readonly variables: Readonly<Record<string, unknown>>;
}

export interface ShapedResponse {
  readonly data: Data | null;
  /** Nulls where the schema forbids them and ill-typed values (Apollo Gateway's "valueCompletion"). */
  readonly completionErrors: GraphQLError[];
  readonly authorizationErrors: GraphQLError[];
  /** Tracked coordinates with a non-null value in `data`. */
  readonly returned: Set<string>;
}

function isValidLeaf(type: TypeShape, value: unknown): boolean {
  switch (type.leaf) {
    case LEAF_KINDS.CUSTOM:
      return true;
    case LEAF_KINDS.STRING:
      return typeof value === 'string';
    case LEAF_KINDS.ID:
      return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value) && INTEGER.test(String(value)));
    case LEAF_KINDS.INT:
      return typeof value === 'number' && Number.isFinite(value) && INTEGER.test(String(value));
    case LEAF_KINDS.FLOAT:
      return typeof value === 'number' && Number.isFinite(value);
    case LEAF_KINDS.BOOLEAN:
      return typeof value === 'boolean';
    case LEAF_KINDS.ENUM:
      return typeof value === 'string' && (type.enumValues as ReadonlySet<string>).has(value);
  }
}

class ShapeRun {
  readonly path: Array<string | number> = [];
  readonly completionErrors: GraphQLError[] = [];
  readonly authorizationErrors: GraphQLError[] = [];
  readonly denialHits: Uint32Array;
  /** Tracked coordinates met, in order; truncated when the object that held them turns null. */
  readonly trackedHits: string[] = [];

  constructor(private readonly input: ShapeRunInput) {
    this.denialHits = new Uint32Array(input.denials.length);
  }

  /** "field T.key" or "array element of type T at index i", as Apollo Gateway words it. */
  private describe(printed: string, messageParent: string): string {
    const last = this.path[this.path.length - 1];
    return typeof last === 'string' ? `field ${messageParent}.${last}` : `array element of type ${printed} at index ${last}`;
  }

  private deny(index: number, path: ReadonlyArray<string | number>): void {
    const denial = this.input.denials[index];
    this.denialHits[index]++;
    this.authorizationErrors.push(unauthorizedError(path, denial.coordinate, denial.rule));
  }

  shapeRoot(): Data | null {
    const object = this.shapeComposite(this.input.root, this.input.data);
    return object === BUBBLED || object === null ? null : (object as Data);
  }

  private shapeComposite(selection: SelectionShape, input: Data): Data | typeof BUBBLED | null {
    const typename = input.__typename;
    const shape = typename && typeof typename === 'string' ? selection.forTypename(typename) : selection.untyped();
    return shape ? this.shapeObject(shape, input) : null;
  }

  private shapeObject(shape: ObjectShape, input: Data): Data | typeof BUBBLED {
    const output: Data = {};
    if (shape.fragmentDenials) {
      for (const index of shape.fragmentDenials) this.deny(index, [...this.path]);
    }
    const fields = shape.fields;
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i];
      const key = field.key;
      if (field.denials) {
        for (const index of field.denials) this.deny(index, [...this.path, key]);
      }
      if (field.kind === TYPENAME_FIELD) {
        const name = field.removed ? null : this.typename(field, input);
        if (name === undefined) return BUBBLED;
        setOwn(output, key, name);
        // Removed, a non-null __typename's null takes the object with it, like any non-null field.
        if (name === null && field.metaNonNull) return BUBBLED;
        continue;
      }
      if (field.kind === INTROSPECTION_FIELD) {
        if (field.removed) {
          setOwn(output, key, null);
          if (field.metaNonNull) return BUBBLED;
          continue;
        }
        setOwn(output, key, this.introspect(field));
        continue;
      }
      const type = field.type as TypeShape;
      if (field.removed) {
        setOwn(output, key, null);
        if (type.nonNull) return BUBBLED;
        continue;
      }
      const raw = field.prototypeKey ? (hasOwn(input, key) ? input[key] : undefined) : input[key];
      this.path.push(key);
      const value = this.complete(type, raw === undefined ? null : raw, field.messageParent);
      this.path.pop();
      if (value === INVALID) {
        setOwn(output, key, null);
        return BUBBLED;
      }
      if (value === NULL_WITH_ERRORS || value === null) {
        setOwn(output, key, null);
        continue;
      }
      if (field.prototypeKey) setOwn(output, key, value);
      else output[key] = value;
      if (field.tracked) for (const coordinate of field.tracked) this.trackedHits.push(coordinate);
    }
    return output;
  }

  /**
   * Apollo Gateway's `__typename`: the type the data names if the API has it, else the parent
   * type; undefined (the object turns null) when that is not an object type.
   */
  private typename(field: FieldShape, input: Data): string | undefined {
    let value = hasOwn(input, field.key) ? input[field.key] : null;
    if ((value === null || value === undefined) && field.key !== '__typename') value = input.__typename ?? null;
    if (typeof value === 'string') {
      const type = this.input.schema.getType(value);
      if (type) return isObjectType(type) ? type.name : undefined;
    }
    return field.typenameFallback ?? undefined;
  }

  private introspect(field: FieldShape): unknown {
    return answerIntrospection(this.input.schema, field.introspection!, this.input.variables, field.key);
  }

  private complete(type: TypeShape, raw: unknown, messageParent: string): unknown {
    if (!type.nonNull) return this.completeNullable(type, raw, messageParent);
    const value = this.completeNullable(type, raw, messageParent);
    if (value === null) {
      this.completionErrors.push(
        valueCompletionError(`Cannot return null for non-nullable ${this.describe(type.printed, messageParent)}.`, this.path),
      );
      return INVALID;
    }
    return value === NULL_WITH_ERRORS ? INVALID : value;
  }

  private completeNullable(type: TypeShape, raw: unknown, messageParent: string): unknown {
    if (raw === null) return null;
    if (type.kind === LEAF) {
      if (isValidLeaf(type, raw)) return raw;
      return this.invalid(`Invalid value found for ${this.describe(type.printed, messageParent)}.`);
    }
    if (type.kind === COMPOSITE) {
      if (typeof raw !== 'object' || Array.isArray(raw)) {
        return this.invalid(`Invalid value found for ${this.describe(type.printed, messageParent)}.`);
      }
      const mark = this.trackedHits.length;
      const object = this.shapeComposite(type.selection as SelectionShape, raw as Data);
      if (object === null) return this.invalid(`Invalid __typename found for object at ${this.describe(type.printed, messageParent)}.`);
      if (object === BUBBLED) {
        this.trackedHits.length = mark;
        return NULL_WITH_ERRORS;
      }
      return object;
    }
    if (!Array.isArray(raw)) return this.invalid(`Invalid value found for ${this.describe(type.printed, messageParent)}.`);
    const elementType = type.ofType as TypeShape;
    const mark = this.trackedHits.length;
    const list: unknown[] = [];
    let nullify = false;
    for (let i = 0; i < raw.length; i++) {
      this.path.push(i);
      const element = this.complete(elementType, raw[i] === undefined ? null : raw[i], messageParent);
      this.path.pop();
      if (element === INVALID) nullify = true;
      list.push(element === INVALID || element === NULL_WITH_ERRORS ? null : element);
    }
    if (nullify) {
      this.trackedHits.length = mark;
      return NULL_WITH_ERRORS;
    }
    return list;
  }

  private invalid(message: string): typeof NULL_WITH_ERRORS {
    this.completionErrors.push(valueCompletionError(message, this.path));
    return NULL_WITH_ERRORS;
  }

  /** One error for each denial that no shaped object met, at its longest path present in `data`. */
  unmetDenials(data: Data | null): void {
    this.input.denials.forEach((denial, index) => {
      if (this.denialHits[index] > 0) return;
      const path = longestExistingPrefix(data, denial.responsePath);
      this.authorizationErrors.push(unauthorizedError(path.length > 0 ? path : undefined, denial.coordinate, denial.rule));
    });
  }
}

export function runShape(input: ShapeRunInput): ShapedResponse {
  const run = new ShapeRun(input);
  const data = run.shapeRoot();
  run.unmetDenials(data);
  return {
    data,
    completionErrors: run.completionErrors,
    authorizationErrors: run.authorizationErrors,
    returned: new Set(run.trackedHits),
  };
}
