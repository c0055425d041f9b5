// Focused filter behaviour beyond the reference cases: what a denial carries, silent removals,
// fragments and variables, operation selection, introspection, and where Accord is stricter
// than the Router (fragments on abstract types, implementor fields of a more specific type).
import { Kind, parse, validate, type DocumentNode, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AuthorizationError } from '../../../gateway/authorization/errors';
import { filterOperation } from '../../../gateway/authorization/filter-operation';
import type { AccessContext, FilterResult } from '../../../gateway/authorization/types';
import { accessOf, normalized } from './support/filter-helpers';
import { handWrittenSupergraph } from './support/hand-written-supergraph';
import { loadSupergraph } from './support/load-supergraph';

const supergraph = loadSupergraph(
  handWrittenSupergraph(`
type Query {
  models: [Model!]!
  me: User
  node: Node
  thing: Thing
  flat: Int @requiresScopes(scopes: ["a", "b"])
  open: String
  gated: String @authenticated
  scoped: String @requiresScopes(scopes: [["s"]])
}
type Mutation @authenticated { ping: String }
type Model { id: ID! name: String secret: String @requiresScopes(scopes: [["defense:classified"]]) owner: User }
type User @authenticated { id: ID! name: String }
interface Thing { id: ID! }
type Box implements Thing { id: ID! }
type Vault implements Thing @policy(policies: [["vault"]]) { id: ID! }
interface Node { id: ID! parent: Thing }
type Open implements Node { id: ID! parent: Thing }
type Guarded implements Node { id: ID! parent: Vault }
`),
);

const ANONYMOUS = accessOf(false);

function filter(source: string | DocumentNode, access: AccessContext = ANONYMOUS, operationName?: string): FilterResult {
  const document = typeof source === 'string' ? parse(source) : source;
  const result = filterOperation({ schema: supergraph.schema, rules: supergraph.rules, document, access, ...(operationName ? { operationName } : {}) });
  if (result.document) expect(validate(supergraph.schema, result.document)).toEqual([]);
  return result;
}

function summary(result: FilterResult) {
  return {
    document: normalized(result.document),
    denials: result.denials.map(({ coordinate, rule, responsePath }) => ({ coordinate, rule, responsePath })),
  };
}

function operation(document: DocumentNode, index = 0): OperationDefinitionNode {
  return document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)[index]!;
}

function field(selections: readonly unknown[], responseKey: string): FieldNode {
  const found = (selections as FieldNode[]).find((s) => s.kind === Kind.FIELD && (s.alias?.value ?? s.name.value) === responseKey);
  if (!found) throw new Error(`no field ${responseKey}`);
  return found;
}

describe('filterOperation', () => {
  it('reports each removed field with its coordinate, the rule it failed, its node and its path by response keys', () => {
    const document = parse(
      'query Q { all: models { id hidden: secret ... on Model { again: secret } ...ModelSecret } } fragment ModelSecret on Model { secret }',
    );
    const result = filter(document);
    const all = field(operation(document).selectionSet.selections, 'all');
    const inline = all.selectionSet!.selections[2]!;
    const fragment = document.definitions[1]!;
    if (inline.kind !== Kind.INLINE_FRAGMENT || fragment.kind !== Kind.FRAGMENT_DEFINITION) throw new Error('unexpected shape');

    expect(normalized(result.document)).toBe('query Q { all: models { id } }');
    const rule = '@requiresScopes(scopes: [["defense:classified"]])';
    expect(result.denials).toEqual([
      { coordinate: 'Model.secret', rule, responsePath: ['all', 'hidden'], node: field(all.selectionSet!.selections, 'hidden') },
      { coordinate: 'Model.secret', rule, responsePath: ['all', 'again'], node: field(inline.selectionSet.selections, 'again') },
      { coordinate: 'Model.secret', rule, responsePath: ['all', 'secret'], node: fragment.selectionSet.selections[0] },
    ]);
    // Emptied by the denials: the inline fragment, the named fragment and its spread go silently.
    expect(result.removed.has(inline)).toBe(true);
    expect(result.removed.has(fragment)).toBe(true);
    expect(result.removed.has(all.selectionSet!.selections[3]!)).toBe(true);
  });

  it('keeps a field when the caller holds the scope, and leaves the document object untouched', () => {
    const document = parse('{ models { id secret } }');
    const result = filter(document, accessOf(true, ['defense:classified']));
    expect(result.document).toBe(document);
    expect(result.denials).toEqual([]);
    expect(result.removed.size).toBe(0);
  });

  it('removes a field whose selection is emptied, silently, and returns no document when nothing is left', () => {
    const document = parse('{ me { id } models { owner { id } } }');
    const result = filter(document);
    expect(summary(result)).toEqual({
      document: null,
      denials: [
        { coordinate: 'User', rule: '@authenticated', responsePath: ['me'] },
        { coordinate: 'User', rule: '@authenticated', responsePath: ['models', 'owner'] },
      ],
    });
    expect(result.removed.has(field(operation(document).selectionSet.selections, 'models'))).toBe(true);
    expect(result.removed.has(operation(document))).toBe(true);
  });

  it('reports a denial inside a named fragment at every place the fragment is spread', () => {
    const document = parse('{ a: models { ...S } b: models { ...S } } fragment S on Model { id secret }');
    const result = filter(document);
    expect(normalized(result.document)).toBe('{ a: models { ...S } b: models { ...S } } fragment S on Model { id }');
    expect(result.denials.map((denial) => denial.responsePath)).toEqual([['a', 'secret'], ['b', 'secret']]);
    expect(result.denials[0]!.node).toBe(result.denials[1]!.node);
  });

  it('runs the @authenticated pass before the @requiresScopes pass, whatever the document order', () => {
    expect(summary(filter('{ scoped gated open }')).denials).toEqual([
      { coordinate: 'Query.gated', rule: '@authenticated', responsePath: ['gated'] },
      { coordinate: 'Query.scoped', rule: '@requiresScopes(scopes: [["s"]])', responsePath: ['scoped'] },
    ]);
  });

  it('removes the whole operation when the root type requires what the caller lacks', () => {
    const document = parse('mutation { ping }');
    const result = filter(document);
    expect(summary(result)).toEqual({ document: null, denials: [{ coordinate: 'Mutation', rule: '@authenticated', responsePath: [] }] });
    expect(result.denials[0]!.node).toBe(operation(document));
  });

  it('enforces a flat list of scopes as alternatives instead of dropping it', () => {
    expect(summary(filter('{ flat open }')).denials).toEqual([
      { coordinate: 'Query.flat', rule: '@requiresScopes(scopes: [["a"], ["b"]])', responsePath: ['flat'] },
    ]);
    expect(filter('{ flat open }', accessOf(true, ['b'])).denials).toEqual([]);
  });

  it('drops the variable definitions only removed selections used', () => {
    const document = parse('query V($flag: Boolean!, $other: Boolean!) { open @include(if: $flag) gated @skip(if: $other) }');
    const result = filter(document);
    expect(normalized(result.document)).toBe('query V($flag: Boolean!) { open @include(if: $flag) }');
    expect(result.removed.has(operation(document).variableDefinitions![1]!)).toBe(true);
  });

  it('looks through @defer fragments', () => {
    const result = filter('{ models { id ... @defer { secret } } }');
    expect(summary(result)).toEqual({
      document: '{ models { id } }',
      denials: [{ coordinate: 'Model.secret', rule: '@requiresScopes(scopes: [["defense:classified"]])', responsePath: ['models', 'secret'] }],
    });
  });

  it('filters only the named operation and leaves the others out of the result', () => {
    const source = 'query A { open } query B { gated }';
    expect(summary(filter(source, ANONYMOUS, 'A'))).toEqual({ document: 'query A { open }', denials: [] });
    expect(summary(filter(source, ANONYMOUS, 'B'))).toEqual({
      document: null,
      denials: [{ coordinate: 'Query.gated', rule: '@authenticated', responsePath: ['gated'] }],
    });
  });

  it('refuses an operation name the document does not have, and a field the schema does not have', () => {
    expect(() => filter('query A { open }', ANONYMOUS, 'B')).toThrow(AuthorizationError);
    expect(() => filter('{ nope }')).toThrow(expect.objectContaining({ code: 'INVALID_OPERATION' }));
  });
});

describe('filterOperation on abstract types (stricter than the Router)', () => {
  it('holds a fragment on an interface to its implementing types, as it would a field returning it', () => {
    // The Router lets `... on Thing { id }` through and so reads Vault ids without the policy.
    expect(summary(filter('{ open thing { ... on Thing { id } } }'))).toEqual({
      document: '{ open }',
      denials: [{ coordinate: 'Vault', rule: '@policy(policies: [["vault"]])', responsePath: ['thing'] }],
    });
    expect(summary(filter('{ open thing { ...T } } fragment T on Thing { id }')).denials).toEqual([
      { coordinate: 'Vault', rule: '@policy(policies: [["vault"]])', responsePath: ['thing'] },
    ]);
    expect(filter('{ thing { ... on Thing { id } } }', accessOf(true, [], ['vault'])).denials).toEqual([]);
  });

  it('still allows __typename and fragments on the concrete types', () => {
    expect(summary(filter('{ thing { __typename ... on Thing { __typename } ... on Box { id } } }'))).toEqual({
      document: '{ thing { __typename ... on Thing { __typename } ... on Box { id } } }',
      denials: [],
    });
  });

  it('denies an interface field whose implementation returns a restricted, more specific type', () => {
    // Guarded.parent returns Vault: reading Node.parent may return a Vault.
    expect(summary(filter('{ node { id parent { __typename } } }'))).toEqual({
      document: '{ node { id } }',
      denials: [{ coordinate: 'Vault', rule: '@policy(policies: [["vault"]])', responsePath: ['node', 'parent'] }],
    });
  });
});

describe('filterOperation and introspection', () => {
  const guarded = loadSupergraph(handWrittenSupergraph('type Query @authenticated { open: String }'));
  const run = (source: string) =>
    filterOperation({ schema: guarded.schema, rules: guarded.rules, document: parse(source), access: ANONYMOUS });

  it('leaves an introspection-only operation alone even when the root type is protected', () => {
    const result = run('{ __schema { queryType { name } } __typename }');
    expect(normalized(result.document)).toBe('{ __schema { queryType { name } } __typename }');
    expect(result.denials).toEqual([]);
  });

  it('removes the whole operation once it selects a real field', () => {
    const result = run('{ __typename open }');
    expect(result.document).toBeNull();
    expect(result.denials.map(({ coordinate, responsePath }) => ({ coordinate, responsePath }))).toEqual([{ coordinate: 'Query', responsePath: [] }]);
  });
});
