// Security findings between two supergraphs composed from a small subgraph: one finding per
// decision (a type's weakening is not repeated on each of its fields), fields that lose more than
// their type, fields retyped to an unprotected type, and lowered classification markings.
import { describe, expect, it } from 'vitest';
import { composeSupergraph } from '../../../scripts/lib/compose';
import { securityFindings } from '../../../scripts/lib/schema-check/access-changes';
import { snapshotOf } from '../../../scripts/lib/schema-check/supergraph-snapshot';

const HEADER = `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key", "@composeDirective", "@authenticated", "@requiresScopes", "@policy"])
    @link(url: "https://specs.accord.example/classification/v0.1", import: ["@classification"])
    @composeDirective(name: "@classification")
  directive @classification(level: String!) on FIELD_DEFINITION | OBJECT
`;

function snapshot(types: string) {
  const result = composeSupergraph([{ name: 'agency', routingUrl: 'http://agency.example/graphql', sdl: HEADER + types, origin: 'agency' }]);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return snapshotOf(result.supergraphSdl);
}

const CURRENT = snapshot(`
  type Query @authenticated { report: Report, summary: Summary }
  type Report @requiresScopes(scopes: [["reports:read"]]) @classification(level: "SECRET") {
    title: String
    source: String @policy(policies: [["need-to-know"]]) @classification(level: "TOP_SECRET")
  }
  type Summary @requiresScopes(scopes: [["summaries:read"]]) { text: String, detail: Detail }
  type Detail @requiresScopes(scopes: [["details:read"]]) { text: String }
`);

describe('security findings', () => {
  it('finds nothing between a supergraph and itself', () => {
    expect(securityFindings(CURRENT, CURRENT)).toEqual([]);
  });

  it('reports a type whose requirement weakens once, and its fields only for what they lose beyond it', () => {
    const proposed = snapshot(`
      type Query @authenticated { report: Report, summary: Summary }
      type Report @authenticated @classification(level: "SECRET") {
        title: String
        source: String @classification(level: "TOP_SECRET")
      }
      type Summary @requiresScopes(scopes: [["summaries:read"]]) { text: String, detail: Detail }
      type Detail @requiresScopes(scopes: [["details:read"]]) { text: String }
    `);
    expect(securityFindings(CURRENT, proposed).map(({ kind, coordinate, newlyAdmitted }) => ({ kind, coordinate, newlyAdmitted }))).toEqual([
      { kind: 'access-weakened', coordinate: 'Report', newlyAdmitted: 'an authenticated caller with no scope or policy' },
      { kind: 'access-weakened', coordinate: 'Report.source', newlyAdmitted: 'an authenticated caller with no scope or policy' },
    ]);
  });

  it('reports a field retyped to a type that protects less', () => {
    const proposed = snapshot(`
      type Query @authenticated { report: Report, summary: Summary }
      type Report @requiresScopes(scopes: [["reports:read"]]) @classification(level: "SECRET") {
        title: String
        source: String @policy(policies: [["need-to-know"]]) @classification(level: "TOP_SECRET")
      }
      type Summary @requiresScopes(scopes: [["summaries:read"]]) { text: String, detail: Note }
      type Note { text: String }
    `);
    expect(securityFindings(CURRENT, proposed)).toEqual([
      {
        kind: 'access-weakened',
        coordinate: 'Summary.detail',
        current: '@requiresScopes(scopes: [["summaries:read", "details:read"]])',
        proposed: '@requiresScopes(scopes: [["summaries:read"]])',
        newlyAdmitted: 'an authenticated caller holding only scope "summaries:read"',
      },
    ]);
  });

  it('reports a lowered type marking once, and a field whose own marking is lowered further', () => {
    const proposed = snapshot(`
      type Query @authenticated { report: Report, summary: Summary }
      type Report @requiresScopes(scopes: [["reports:read"]]) @classification(level: "CUI") {
        title: String
        source: String @policy(policies: [["need-to-know"]]) @classification(level: "SECRET")
      }
      type Summary @requiresScopes(scopes: [["summaries:read"]]) { text: String, detail: Detail }
      type Detail @requiresScopes(scopes: [["details:read"]]) { text: String }
    `);
    expect(securityFindings(CURRENT, proposed)).toEqual([
      { kind: 'classification-lowered', coordinate: 'Report', current: 'SECRET', proposed: 'CUI' },
      { kind: 'classification-lowered', coordinate: 'Report.source', current: 'TOP_SECRET', proposed: 'SECRET' },
    ]);
  });
});
