// The access context and its cache key: callers with the same rights over an operation share
// filter results; callers whose rights differ there never do.
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { analyzeOperation } from '../../../gateway/authorization/analyze-operation';
import { buildAccessContext } from '../../../gateway/authorization/access-context';
import { callerWith } from './support/filter-helpers';
import { handWrittenSupergraph } from './support/hand-written-supergraph';
import { loadSupergraph } from './support/load-supergraph';

const { schema, rules } = loadSupergraph(
  handWrittenSupergraph(`
type Query { findings: [String] @requiresScopes(scopes: [["defense:read"]]) @policy(policies: [["clearance:secret"]]) me: String @authenticated open: String }
`),
);
const analysisOf = (source: string) => analyzeOperation(schema, rules, parse(source));
const findings = analysisOf('{ findings }');

describe('buildAccessContext', () => {
  it('keeps only the scopes and policies the operation mentions', () => {
    const { access } = buildAccessContext(callerWith(['defense:read', 'treasury:read']), findings, ['clearance:secret', 'agency:defense']);
    expect(access).toEqual({ authenticated: true, scopes: new Set(['defense:read']), policies: new Set(['clearance:secret']) });
  });

  it('gives callers that differ only in rights the operation does not involve the same key', () => {
    const a = buildAccessContext(callerWith(['defense:read', 'treasury:read']), findings, ['clearance:secret', 'agency:defense']);
    const b = buildAccessContext(callerWith(['cyber:read', 'defense:read'], { subject: 'caller-2' }), findings, ['clearance:secret']);
    expect(a.cacheKey).toBe(b.cacheKey);
  });

  it('gives callers whose relevant rights differ different keys', () => {
    const holder = buildAccessContext(callerWith(['defense:read']), findings, ['clearance:secret']).cacheKey;
    expect(buildAccessContext(callerWith([]), findings, ['clearance:secret']).cacheKey).not.toBe(holder);
    expect(buildAccessContext(callerWith(['defense:read']), findings, []).cacheKey).not.toBe(holder);
  });

  it('does not depend on the order rights are listed in', () => {
    const twoScopes = analysisOf('{ findings me }');
    expect(buildAccessContext(callerWith(['b', 'defense:read']), twoScopes, ['x', 'clearance:secret']).cacheKey).toBe(
      buildAccessContext(callerWith(['defense:read', 'b']), twoScopes, ['clearance:secret', 'x']).cacheKey,
    );
  });

  it('separates anonymous from authenticated callers only when the operation touches @authenticated', () => {
    const me = analysisOf('{ me }');
    expect(buildAccessContext(null, me, []).cacheKey).not.toBe(buildAccessContext(callerWith([]), me, []).cacheKey);
    const open = analysisOf('{ open }');
    expect(buildAccessContext(null, open, []).cacheKey).toBe(buildAccessContext(callerWith([]), open, []).cacheKey);
    expect(buildAccessContext(null, open, []).access.authenticated).toBe(false);
  });

  it('keeps policy names with spaces and commas apart in the key', () => {
    const odd = loadSupergraph(handWrittenSupergraph('type Query { x: Int @policy(policies: [["a,b"], ["a", "b"]]) }'));
    const analysis = analyzeOperation(odd.schema, odd.rules, parse('{ x }'));
    expect(buildAccessContext(null, analysis, ['a,b']).cacheKey).not.toBe(buildAccessContext(null, analysis, ['a', 'b']).cacheKey);
  });
});
