// The supergraph handed to @apollo/gateway: the authorization links lose `for: SECURITY`, and
// nothing else changes.
import { Supergraph } from '@apollo/federation-internals';
import { describe, expect, it } from 'vitest';
import { describeRequirement } from '../../../gateway/authorization/describe-requirement';
import { readAuthorizationRules } from '../../../gateway/authorization/read-rules';
import { composeSupergraph } from './support/load-supergraph';

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key", "@composeDirective", ' +
  '{ name: "@authenticated", as: "@signedIn" }, { name: "@requiresScopes", as: "@scoped" }, { name: "@policy", as: "@granted" }])\n' +
  '  @link(url: "https://specs.accord.example/classification/v0.1", import: [{ name: "@classification", as: "@marking" }])\n' +
  '  @composeDirective(name: "@marking")\n' +
  'directive @marking(level: String!) on FIELD_DEFINITION | OBJECT\n';

const SUBGRAPHS = [
  {
    name: 'treasury',
    sdl: FEDERATION_LINK +
      'type Query { models: [Model!]! @signedIn }\n' +
      'type Model @key(fields: "id") { id: ID! terms: String @scoped(scopes: [["treasury:commercial"]]) }',
  },
  {
    name: 'defense',
    sdl: FEDERATION_LINK +
      'type Model @key(fields: "id") { id: ID! findings: [String!] @granted(policies: [["clearance:secret"]]) @marking(level: "SECRET") }',
  },
];

describe('sanitizedSupergraphSdl', () => {
  const supergraphSdl = composeSupergraph(SUBGRAPHS);
  const { rules, sanitizedSupergraphSdl } = readAuthorizationRules(supergraphSdl);

  it('is refused by Supergraph.build before sanitizing and accepted after, with all three specs renamed', () => {
    expect(() => Supergraph.build(supergraphSdl)).toThrow('is for: SECURITY but is unsupported');
    expect(() => Supergraph.build(sanitizedSupergraphSdl)).not.toThrow();
    expect(Supergraph.build(sanitizedSupergraphSdl).apiSchema().toGraphQLJSSchema().getQueryType()?.name).toBe('Query');
  });

  it('differs from the supergraph only by the three `for: SECURITY` arguments', () => {
    expect(supergraphSdl.match(/, for: SECURITY/g)).toHaveLength(3);
    expect(sanitizedSupergraphSdl).toBe(supergraphSdl.replaceAll(', for: SECURITY', ''));
    expect(sanitizedSupergraphSdl).toContain('@link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION)');
  });

  it('leaves the rules to be read from the original text, renames resolved', () => {
    expect(describeRequirement(rules.fieldRequirement('Query', 'models'))).toBe('@authenticated');
    expect(describeRequirement(rules.fieldRequirement('Model', 'terms'))).toBe('@requiresScopes(scopes: [["treasury:commercial"]])');
    expect(describeRequirement(rules.fieldRequirement('Model', 'findings'))).toBe('@policy(policies: [["clearance:secret"]])');
    expect(rules.classification('Model.findings')).toBe('SECRET');
  });

  it('removes the purpose wherever it stands among the link arguments', () => {
    const text = 'schema @link(url: "https://specs.apollo.dev/link/v1.0")\n' +
      '  @link(for: SECURITY, url: "https://specs.apollo.dev/authenticated/v0.1")\n' +
      '  @link(url: "https://specs.apollo.dev/policy/v0.1", import: ["@policy"], for: SECURITY)\n' +
      '  @link(url: "https://example.com/other/v1.0", for: SECURITY)\n' +
      '{ query: Query }\ntype Query { x: Int }';
    expect(readAuthorizationRules(text).sanitizedSupergraphSdl).toBe(
      'schema @link(url: "https://specs.apollo.dev/link/v1.0")\n' +
        '  @link(url: "https://specs.apollo.dev/authenticated/v0.1")\n' +
        '  @link(url: "https://specs.apollo.dev/policy/v0.1", import: ["@policy"])\n' +
        // Not an authorization spec this gateway enforces: left for Supergraph.build to refuse.
        '  @link(url: "https://example.com/other/v1.0", for: SECURITY)\n' +
        '{ query: Query }\ntype Query { x: Int }',
    );
  });
});
