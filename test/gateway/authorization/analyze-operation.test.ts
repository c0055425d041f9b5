// What an operation may be judged against, found before the filter cache is consulted.
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { analyzeOperation } from '../../../gateway/authorization/analyze-operation';
import { handWrittenSupergraph } from './support/hand-written-supergraph';
import { loadSupergraph } from './support/load-supergraph';

const { schema, rules } = loadSupergraph(
  handWrittenSupergraph(`
type Query { node: Node open: String models: [Model] @authenticated }
type Mutation @requiresScopes(scopes: [["write"]]) { touch: String }
type Model { id: ID terms: String @policy(policies: [["agency:treasury"], ["agreement:fin-1"]]) }
interface Node { id: ID }
type Plain implements Node { id: ID }
type Tagged implements Node { id: ID @requiresScopes(scopes: [["tag:read"]]) }
type Locked implements Node @policy(policies: [["clearance:secret"]]) { id: ID }
`),
);

function analyze(source: string, operationName?: string) {
  const analysis = analyzeOperation(schema, rules, parse(source), operationName);
  return { authenticated: analysis.authenticated, scopes: [...analysis.scopes].sort(), policies: [...analysis.policies].sort() };
}

describe('analyzeOperation', () => {
  it('collects the requirements of the fields, their types and the root type', () => {
    expect(analyze('{ models { terms } }')).toEqual({ authenticated: true, scopes: [], policies: ['agency:treasury', 'agreement:fin-1'] });
    expect(analyze('mutation { touch }')).toEqual({ authenticated: false, scopes: ['write'], policies: [] });
    expect(analyze('{ open }')).toEqual({ authenticated: false, scopes: [], policies: [] });
  });

  it('looks through an interface to the fields and types of its implementations', () => {
    expect(analyze('{ node { id } }')).toEqual({ authenticated: false, scopes: ['tag:read'], policies: ['clearance:secret'] });
    expect(analyze('{ node { ... on Tagged { id } } }')).toEqual({ authenticated: false, scopes: ['tag:read'], policies: ['clearance:secret'] });
  });

  it('follows named fragments and only the operation asked for', () => {
    const source = 'query A { node { ...F } } query B { open } fragment F on Node { id }';
    expect(analyze(source, 'A')).toEqual({ authenticated: false, scopes: ['tag:read'], policies: ['clearance:secret'] });
    expect(analyze(source, 'B')).toEqual({ authenticated: false, scopes: [], policies: [] });
  });

  it('answers from its memo for a document it has seen, and recomputes for another document', () => {
    const document = parse('{ models { terms } }');
    const first = analyzeOperation(schema, rules, document);
    expect(analyzeOperation(schema, rules, document)).toBe(first);
    const again = analyzeOperation(schema, rules, parse('{ models { terms } }'));
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('does not walk the operation when the supergraph has no rules', () => {
    const empty = loadSupergraph(handWrittenSupergraph('type Query { open: String }'));
    // An unknown field would throw if the operation were walked.
    expect(analyzeOperation(empty.schema, empty.rules, parse('{ unknown }')).scopes.size).toBe(0);
  });
});
