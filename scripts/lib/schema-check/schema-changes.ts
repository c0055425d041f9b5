// Changes between two API schemas that break clients (graphql-js findBreakingChanges) or may
// change what they get (findDangerousChanges), grouped by the schema coordinate they concern.
import { findBreakingChanges, findDangerousChanges, type GraphQLSchema } from 'graphql';

export interface SchemaChange {
  /** graphql-js's change type: FIELD_REMOVED, ARG_CHANGED_KIND, VALUE_REMOVED_FROM_ENUM, ... */
  readonly type: string;
  readonly description: string;
}

export interface CoordinateChanges {
  /** `Type`, `Type.field`, `Type.field(arg:)`, `Enum.VALUE` or `@directive`. */
  readonly coordinate: string;
  readonly changes: readonly SchemaChange[];
}

type Pattern = readonly [RegExp, (m: RegExpExecArray) => string];

// graphql-js describes each change in a fixed sentence; the coordinate is read back from it.
const DIRECTIVE_PATTERNS: readonly Pattern[] = [
  [/^A required arg (\w+) on directive (\w+)/, (m) => `@${m[2]}(${m[1]}:)`],
  [/^Repeatable flag was removed from (\w+)\.$/, (m) => `@${m[1]}`],
  [/^(\w+) was removed from (\w+)\.$/, (m) => `@${m[2]}`],
  [/^(\w+) was removed\.$/, (m) => `@${m[1]}`],
];

const TYPE_PATTERNS: readonly Pattern[] = [
  [/^Standard scalar (\w+) was removed/, (m) => m[1]!],
  [/^A (?:required|optional) arg (\w+) on (\w+)\.(\w+)/, (m) => `${m[2]}.${m[3]}(${m[1]}:)`],
  [/^(\w+)\.(\w+) arg (\w+)/, (m) => `${m[1]}.${m[2]}(${m[3]}:)`],
  [/^A (?:required|optional) field (\w+) on input type (\w+)/, (m) => `${m[2]}.${m[1]}`],
  [/^(\w+) was (?:added to|removed from) enum type (\w+)/, (m) => `${m[2]}.${m[1]}`],
  [/^(\w+) was (?:added to|removed from) union type (\w+)/, (m) => m[2]!],
  [/^(\w+) added to interfaces implemented by (\w+)/, (m) => m[2]!],
  [/^(\w+) no longer implements interface/, (m) => m[1]!],
  [/^(\w+)\.(\w+) /, (m) => `${m[1]}.${m[2]}`],
  [/^(\w+) /, (m) => m[1]!],
];

function coordinateOf(change: SchemaChange): string {
  const patterns = change.type.includes('DIRECTIVE') ? DIRECTIVE_PATTERNS : TYPE_PATTERNS;
  for (const [pattern, coordinate] of patterns) {
    const match = pattern.exec(change.description);
    if (match) return coordinate(match);
  }
  return change.description;
}

function grouped(changes: readonly SchemaChange[]): CoordinateChanges[] {
  const byCoordinate = new Map<string, SchemaChange[]>();
  for (const change of changes) {
    const coordinate = coordinateOf(change);
    const list = byCoordinate.get(coordinate) ?? [];
    list.push(change);
    byCoordinate.set(coordinate, list);
  }
  return [...byCoordinate].sort(([a], [b]) => a.localeCompare(b)).map(([coordinate, list]) => ({ coordinate, changes: list }));
}

export interface SchemaChanges {
  readonly breaking: readonly CoordinateChanges[];
  readonly dangerous: readonly CoordinateChanges[];
}

export function schemaChanges(current: GraphQLSchema, proposed: GraphQLSchema): SchemaChanges {
  return {
    breaking: grouped(findBreakingChanges(current, proposed)),
    dangerous: grouped(findDangerousChanges(current, proposed)),
  };
}
