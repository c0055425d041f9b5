// Reads the arguments of the authorization and classification directives. `scopes:` and
// `policies:` are typed `[[T!]!]!` and read with the GraphQL input coercion rules: a value that
// is not a list where a list is expected stands for a list of one. So `["a", "b"]` is
// `[["a"], ["b"]]` (a OR b) and `"a"` is `[["a"]]`. Apollo Router drops such inner items and so
// would enforce nothing; anything that cannot be read exactly is an error here, never
// "no requirement".
import { Kind, type ConstDirectiveNode, type ConstValueNode } from 'graphql';
import { AuthorizationError } from './errors';
import { normalizeDnf } from './requirement';

function invalid(message: string): AuthorizationError {
  return new AuthorizationError('INVALID_DIRECTIVE_ARGUMENT', message);
}

/** The value of the directive's only argument, `name`; any other argument is an error. */
function onlyArgument(directive: ConstDirectiveNode, name: string, label: string): ConstValueNode {
  const args = directive.arguments ?? [];
  const unknown = args.find((arg) => arg.name.value !== name);
  if (unknown) throw invalid(`${label}: unknown argument "${unknown.name.value}"`);
  const value = args.find((arg) => arg.name.value === name)?.value;
  if (value === undefined) throw invalid(`${label}: argument "${name}" is required`);
  return value;
}

function readString(value: ConstValueNode, label: string): string {
  if (value.kind !== Kind.STRING) throw invalid(`${label}: expected a string, found ${value.kind}`);
  return value.value;
}

function readConjunct(value: ConstValueNode, label: string): string[] {
  if (value.kind === Kind.LIST) return value.values.map((item) => readString(item, label));
  return [readString(value, label)];
}

/** The DNF in argument `name` of `directive` (on schema element `where`), coerced as `[[String!]!]!`. */
export function readDnfArgument(directive: ConstDirectiveNode, name: string, where: string): string[][] {
  const label = `@${directive.name.value} on ${where}`;
  const value = onlyArgument(directive, name, label);
  const dnf = value.kind === Kind.LIST ? value.values.map((item) => readConjunct(item, label)) : [readConjunct(value, label)];
  return normalizeDnf(dnf).map((conjunct) => [...conjunct]);
}

/** A `String!` argument, such as `level:` of `@classification`. */
export function readStringArgument(directive: ConstDirectiveNode, name: string, where: string): string {
  const label = `@${directive.name.value} on ${where}`;
  return readString(onlyArgument(directive, name, label), label);
}

/** A directive that takes no arguments, such as `@authenticated`. */
export function assertNoArguments(directive: ConstDirectiveNode, where: string): void {
  const first = directive.arguments?.[0];
  if (first) throw invalid(`@${directive.name.value} on ${where}: unknown argument "${first.name.value}"`);
}
