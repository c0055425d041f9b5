// Writes random valid queries over an API schema, drawing every choice from a fast-check
// generator (so failures shrink and replay): random fields with arguments, aliases, inline and
// named fragments, bounded depth. Every composite selection also selects __typename, so the
// response says which concrete type each object is.
import type { GeneratorValue } from 'fast-check';
import fc from 'fast-check';
import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

/** Values to draw arguments from, so that look-ups by id find something now and then. */
export interface ArgumentPools {
  readonly ids: readonly string[];
  readonly sectorCodes: readonly string[];
}

const MAX_DEPTH = 4;
const MAX_FIELDS = 4;
/** Fields per operation and aliases per operation: well inside the gateway's operation limits. */
const FIELD_BUDGET = 24;
const MAX_ALIASES = 12;

export class OperationWriter {
  private aliases = 0;
  private budget = FIELD_BUDGET;
  private readonly fragments: string[] = [];

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly pools: ArgumentPools,
    private readonly g: GeneratorValue,
  ) {}

  /** A query operation, with the fragment definitions it spreads. */
  query(): string {
    const body = this.selectionSet(this.schema.getQueryType()!, 1);
    return [`query Generated ${body}`, ...this.fragments].join('\n');
  }

  private int(min: number, max: number): number {
    return this.g(fc.integer, { min, max });
  }

  private chance(percent: number): boolean {
    return this.int(1, 100) <= percent;
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }

  private selectionSet(type: GraphQLCompositeType, depth: number): string {
    const keys = new Set(['__typename']);
    return `{ __typename ${this.selections(type, depth, keys).join(' ')} }`;
  }

  /** Selections on `type`; `keys` holds the response keys already used where these are merged. */
  private selections(type: GraphQLCompositeType, depth: number, keys: Set<string>): string[] {
    const out: string[] = [];
    if (!isUnionType(type)) {
      const fields = Object.values(type.getFields()).filter((field) => depth < MAX_DEPTH || !isCompositeType(getNamedType(field.type)));
      if (fields.length > 0 && this.budget > 0) {
        const count = this.int(1, Math.min(MAX_FIELDS, fields.length, this.budget));
        for (let i = 0; i < count; i++) {
          const field = this.field(this.pick(fields), depth, keys);
          if (field !== null) out.push(field);
        }
      }
    }
    if (this.budget < 4) return out;
    if (isAbstractType(type)) {
      for (const possible of this.schema.getPossibleTypes(type)) {
        if (this.chance(30)) out.push(`... on ${possible.name} { __typename ${this.selections(possible, depth, keys).join(' ')} }`);
      }
    } else if (isObjectType(type) && this.chance(10)) {
      const inner = this.selections(type, depth, keys).join(' ');
      if (this.chance(50)) {
        out.push(`... on ${type.name} { __typename ${inner} }`);
      } else {
        const name = `Part${this.fragments.length + 1}`;
        this.fragments.push(`fragment ${name} on ${type.name} { __typename ${inner} }`);
        out.push(`...${name}`);
      }
    }
    return out;
  }

  /** The field under a response key of its own; null when that would take one alias too many. */
  private field(field: GraphQLField<unknown, unknown>, depth: number, keys: Set<string>): string | null {
    const bare = !keys.has(field.name) && this.chance(70);
    if (!bare && this.aliases >= MAX_ALIASES) return null;
    const key = bare ? field.name : `alias${++this.aliases}`;
    keys.add(key);
    this.budget--;
    const head = `${key === field.name ? '' : `${key}: `}${field.name}${this.argumentsOf(field.args)}`;
    const named = getNamedType(field.type);
    return isCompositeType(named) ? `${head} ${this.selectionSet(named, depth + 1)}` : head;
  }

  private argumentsOf(args: readonly GraphQLArgument[]): string {
    const given = args
      // Small pages always (`first`), so nested lists stay cheap; never a cursor (`after`).
      .filter((arg) => arg.name === 'first' || (isNonNullType(arg.type) && arg.defaultValue === undefined) || (arg.name !== 'after' && this.chance(30)))
      .map((arg) => `${arg.name}: ${this.value(arg.type, arg.name)}`);
    return given.length ? `(${given.join(', ')})` : '';
  }

  private value(type: GraphQLInputType, name: string): string {
    const nullable = getNullableType(type);
    if (isListType(nullable)) return `[${this.value(nullable.ofType, name)}]`;
    if (isEnumType(nullable)) return this.pick(nullable.getValues()).name;
    if (isInputObjectType(nullable)) {
      const fields = Object.values(nullable.getFields()).filter((f) => (isNonNullType(f.type) && f.defaultValue === undefined) || this.chance(40));
      return `{ ${fields.map((f) => `${f.name}: ${this.value(f.type, f.name)}`).join(', ')} }`;
    }
    switch (nullable.name) {
      case 'Int':
        return String(name === 'first' ? this.int(1, 5) : this.int(0, 3));
      case 'Float':
        return String(this.int(0, 100));
      case 'Boolean':
        return String(this.chance(50));
      case 'DateTime':
        return JSON.stringify(new Date(Date.now() + this.int(-400, 400) * 86_400_000).toISOString());
      case 'ID':
        return JSON.stringify(/code/i.test(name) ? this.pick(this.pools.sectorCodes) : this.pick(this.pools.ids));
      default:
        return JSON.stringify(this.pick(['a', 'Pro', 'US']));
    }
  }
}
