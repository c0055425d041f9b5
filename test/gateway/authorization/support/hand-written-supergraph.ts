// A minimal hand-written supergraph around some types: the three authorization links, the
// classification link and the join/v0.3 definitions with one subgraph, so that
// @apollo/federation-internals builds it. Like the Router's own tests, it lets a test declare
// requirements composition would rewrite (for instance none propagated to an interface).
const HEADER = `schema
  @link(url: "https://specs.apollo.dev/link/v1.0")
  @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION)
  @link(url: "https://specs.apollo.dev/authenticated/v0.1", for: SECURITY)
  @link(url: "https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY)
  @link(url: "https://specs.apollo.dev/policy/v0.1", for: SECURITY)
  @link(url: "https://specs.accord.example/classification/v0.1", import: ["@classification"])
`;

const DEFINITIONS = `directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA
directive @authenticated on OBJECT | FIELD_DEFINITION | INTERFACE | SCALAR | ENUM
directive @requiresScopes(scopes: [[requiresScopes__Scope!]!]!) on OBJECT | FIELD_DEFINITION | INTERFACE | SCALAR | ENUM
directive @policy(policies: [[policy__Policy!]!]!) on OBJECT | FIELD_DEFINITION | INTERFACE | SCALAR | ENUM
directive @classification(level: String!) on FIELD_DEFINITION | OBJECT
directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION
directive @join__graph(name: String!, url: String!) on ENUM_VALUE
directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE
directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION
scalar link__Import
scalar join__FieldSet
scalar requiresScopes__Scope
scalar policy__Policy
enum link__Purpose { SECURITY EXECUTION }
enum join__Graph { MAIN @join__graph(name: "main", url: "http://main.invalid/graphql") }
`;

export function handWrittenSupergraph(types: string): string {
  const roots = ['query: Query', ...(/\btype Mutation\b/.test(types) ? ['mutation: Mutation'] : [])];
  return `${HEADER}{ ${roots.join(' ')} }\n${DEFINITIONS}${types}\n`;
}
